/** Handlers for the feeds (issue 4) channels; main/handlers.ts merges them. Imports no 'electron'. */
import type { Library } from './core/store';
import type { HandlerContext, PartHandlers } from './handlers';
import type { FeedInvoke } from '../preload/contract';

/** The feeds (issue 4) handlers over one library, and how to release what they hold. */
export function feedHandlers(_library: Library, _ctx: HandlerContext): PartHandlers<FeedInvoke> {
  return { handlers: {}, close: async () => undefined };
}
