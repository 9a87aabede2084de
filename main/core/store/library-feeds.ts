/** A library's feed records (library.json `feeds`): stored opaquely here, validated by main/core/feeds. */
import type { JournalEntry } from './journal';
import type { LibraryState } from './library-state';
import type { LibraryData } from './schema';

/** The stored feed list. */
export function feedRecords(state: LibraryState): unknown[] {
  return state.db.data.feeds;
}

/** Replaces the feed list (journaled like any other change). */
export function saveFeeds(state: LibraryState, feeds: unknown[]): void {
  state.commit([{ t: 'feeds', feeds }]);
}

/** Adds or replaces one feed record (by `id`), journaling only that record. */
export function putFeed(state: LibraryState, feed: { id: string }): void {
  state.commit([{ t: 'feed', feed }]);
}

/** Removes one feed record. */
export function removeFeed(state: LibraryState, id: string): void {
  state.commit([{ t: 'unfeed', id }]);
}

/** Applies a journaled feed entry to library.json data; other entries are left alone. */
export function applyFeedEntry(data: LibraryData, entry: JournalEntry): void {
  if (entry.t === 'feeds') data.feeds = entry.feeds;
  else if (entry.t === 'feed') {
    const feed = entry.feed;
    const at = data.feeds.findIndex((f) => (f as { id?: unknown }).id === feed.id);
    if (at >= 0) data.feeds[at] = feed;
    else data.feeds.push(feed);
  } else if (entry.t === 'unfeed') data.feeds = data.feeds.filter((f) => (f as { id?: unknown }).id !== entry.id);
}
