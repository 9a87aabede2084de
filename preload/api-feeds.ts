/** Bridge methods for the feeds (issue 4) channels; bundled into preload/index.cjs. */
import type { FeedEvents, FeedInvoke, Wire } from './contract';

type Invoker = <C extends keyof FeedInvoke>(channel: C, ...args: Parameters<FeedInvoke[C]>) => Promise<Wire<ReturnType<FeedInvoke[C]>>>;

/** The feeds (issue 4) events the bridge lets the renderer subscribe to. */
export const FEED_EVENTS: Readonly<Record<keyof FeedEvents, true>> = {};

/** Named methods for the feeds (issue 4) channels. */
export function feedApi(_invoke: Invoker) {
  return {};
}
