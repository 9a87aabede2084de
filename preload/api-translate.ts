/** Bridge methods for the translation (issue 5) channels; bundled into preload/index.cjs. */
import type { TranslateEvents, TranslateInvoke, Wire } from './contract';

type Invoker = <C extends keyof TranslateInvoke>(channel: C, ...args: Parameters<TranslateInvoke[C]>) => Promise<Wire<ReturnType<TranslateInvoke[C]>>>;

/** The translation (issue 5) events the bridge lets the renderer subscribe to. */
export const TRANSLATE_EVENTS: Readonly<Record<keyof TranslateEvents, true>> = {};

/** Named methods for the translation (issue 5) channels. */
export function translateApi(_invoke: Invoker) {
  return {};
}
