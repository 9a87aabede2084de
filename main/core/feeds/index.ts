/** News feeds (DESIGN.md §1 core/feeds): parse, subscribe, refresh, organise, retention, OPML. */
export { parseFeedBytes, parseFeedText, type ParsedFeed, type ParsedItem } from './parse';
export { feedDate } from './parse-values';
export { FeedError, feedErrorInfo, type FeedErrorCode, type FeedErrorInfo } from './errors';
export { fetchFeed, FEED_MAX_BYTES } from './fetch';
export { discoverFeeds, type DiscoveredFeed } from './discover';
export { readFeeds, findFeed, feedId, putFeedRecord, updateFeed, type FeedRecord } from './model';
export { buildArticle, itemArticleId } from './items';
export { refreshFeeds, backoffMs, type RefreshOptions, type RefreshProgress, type FeedRefreshResult, type FeedState } from './refresh';
export { pruneFeed, pruneAll, isKept } from './retention';
export {
  subscribe,
  newFeed,
  unsubscribe,
  editFeed,
  renameFolder,
  unreadCounts,
  markAllRead,
  resolveFeedId,
  folderKey,
  type SubscribeResult,
  type UnreadCounts,
} from './subscribe';
export { parseOpmlBytes, importOpml, exportOpml, writeOpml, type OpmlDocument, type OpmlFeed } from './opml';
export { createRefreshScheduler, type RefreshScheduler, type RefreshStatus, type SchedulerOptions } from './scheduler';
