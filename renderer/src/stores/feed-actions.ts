/**
 * What the feed dialogs and the File menu ask main to do with subscriptions. Each action calls
 * main and resolves with its answer; a failure rejects with the ApiError the caller shows
 * through ErrorAlert (the one error path), and the feed list follows from `feeds:changed`.
 */
import { api } from '../api';
import type { DialogStrings, FeedOptions, FeedScope, FeedView, OpmlImportResult, SubscribeOutcome } from '../../../preload/contract';
import { useFeeds } from './feeds';

/** Subscribes to a feed or site URL into a folder (several feeds found: returns them to choose from). */
export function subscribeFeed(url: string, folder: string[]): Promise<SubscribeOutcome> {
  return api.feeds.subscribe(url, folder);
}

/** Renames a feed. */
export function renameFeed(id: string, title: string): Promise<FeedView> {
  return api.feeds.rename(id, title);
}

/** Moves a feed into a folder path ([] is the top level). */
export function moveFeed(id: string, folder: string[]): Promise<FeedView> {
  return api.feeds.setFolder(id, folder);
}

/** Changes a feed's options (full text, days to keep). */
export function setFeedOptions(id: string, options: FeedOptions): Promise<FeedView> {
  return api.feeds.setOptions(id, options);
}

/** Unsubscribes; bookmarked and tagged articles stay. */
export function unsubscribeFeed(id: string): Promise<{ trashed: number; kept: number }> {
  return api.feeds.remove(id);
}

/** Marks every article of a feed or folder read; resolves to how many changed. */
export function markFeedsRead(scope: FeedScope): Promise<number> {
  return api.feeds.markAllRead(scope);
}

/** Renames a folder path everywhere; resolves to how many feeds moved. */
export function renameFeedFolder(from: string[], to: string[]): Promise<number> {
  return api.feeds.renameFolder(from, to);
}

/** Asks for an OPML file and subscribes to its feeds; announces the outcome in the feeds section. */
export async function importOpml(strings: DialogStrings): Promise<OpmlImportResult | null> {
  try {
    const result = await api.feeds.importOpml(strings);
    if (result) {
      useFeeds.getState().setNotice({ key: 'opmlImported', params: { added: result.added, existing: result.existing } });
      useFeeds.getState().reload();
    }
    return result;
  } catch (error) {
    useFeeds.setState({ error });
    return null;
  }
}

/** Asks where to save and writes every subscription as OPML; announces the outcome. */
export async function exportOpml(strings: DialogStrings): Promise<void> {
  try {
    const result = await api.feeds.exportOpml(strings);
    if (result) useFeeds.getState().setNotice({ key: 'opmlExported', params: { count: result.feeds, path: result.path } });
  } catch (error) {
    useFeeds.setState({ error });
  }
}
