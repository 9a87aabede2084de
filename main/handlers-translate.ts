/** Handlers for the translation (issue 5) channels; main/handlers.ts merges them. Imports no 'electron'. */
import type { Library } from './core/store';
import type { HandlerContext, PartHandlers } from './handlers';
import type { TranslateInvoke } from '../preload/contract';

/** The translation (issue 5) handlers over one library, and how to release what they hold. */
export function translateHandlers(_library: Library, _ctx: HandlerContext): PartHandlers<TranslateInvoke> {
  return { handlers: {}, close: async () => undefined };
}
