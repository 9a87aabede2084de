/** Bridge methods for the feeds (issue 4) channels; bundled into preload/index.cjs. */
import type { DialogStrings, FeedEvents, FeedInvoke, FeedOptions, FeedScope, Wire } from './contract';

type Invoker = <C extends keyof FeedInvoke>(channel: C, ...args: Parameters<FeedInvoke[C]>) => Promise<Wire<ReturnType<FeedInvoke[C]>>>;

/** The feeds (issue 4) events the bridge lets the renderer subscribe to. */
export const FEED_EVENTS: Readonly<Record<keyof FeedEvents, true>> = { 'feeds:progress': true, 'feeds:changed': true, 'feeds:opmlOpened': true };

/** Named methods for the feeds (issue 4) channels. */
export function feedApi(invoke: Invoker) {
  return {
    listFeeds: () => invoke('feeds:list'),
    subscribeFeed: (url: string, folder: string[]) => invoke('feeds:subscribe', url, folder),
    refreshFeeds: (ids: string[] | null) => invoke('feeds:refresh', ids),
    cancelFeedRefresh: () => invoke('feeds:cancelRefresh'),
    renameFeed: (id: string, title: string) => invoke('feeds:rename', id, title),
    setFeedFolder: (id: string, folder: string[]) => invoke('feeds:setFolder', id, folder),
    renameFeedFolder: (from: string[], to: string[]) => invoke('feeds:renameFolder', from, to),
    setFeedOptions: (id: string, options: FeedOptions) => invoke('feeds:setOptions', id, options),
    removeFeed: (id: string) => invoke('feeds:remove', id),
    markFeedsRead: (scope: FeedScope) => invoke('feeds:markAllRead', scope),
    importOpml: (strings: DialogStrings) => invoke('feeds:importOpml', strings),
    exportOpml: (strings: DialogStrings) => invoke('feeds:exportOpml', strings),
  };
}
