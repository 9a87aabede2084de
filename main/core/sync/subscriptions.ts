/**
 * Subscriptions and folders of a synced account. The server is the source of truth: its list
 * decides which synced feeds exist, what they are called and where they live. Unsubscribing,
 * renaming or moving a synced feed in Kabar is journalled and sent first, so it is not undone.
 */
import { KabarError } from '../errors';
import { feedId, findFeed, newFeed, putFeedRecord, readFeeds, unsubscribe, updateFeed } from '../feeds';
import type { Library } from '../store';
import { LABEL, type GReaderClient } from './client';
import type { FeedChange } from './pending';
import type { Subscription } from './shapes';
import type { SyncState } from './state';

/** A subscription's folder label ('' for none). */
export function folderOf(sub: Subscription): string {
  const first = sub.categories?.[0];
  if (!first) return '';
  return first.label ?? (first.id.startsWith(LABEL) ? first.id.slice(LABEL.length) : '');
}

function folderPath(label: string): string[] {
  return label ? [label] : [];
}

/** Changes made in Kabar to synced feeds that the journal does not hold yet. */
export function localFeedChanges(library: Library, state: SyncState, pending: FeedChange[], now: Date): Omit<FeedChange, 'id'>[] {
  const made: Omit<FeedChange, 'id'>[] = [];
  const at = now.toISOString();
  for (const [stream, base] of Object.entries(state.feeds)) {
    const mine = pending.filter((c) => c.stream === stream);
    if (mine.some((c) => c.op === 'unsubscribe')) continue;
    const feed = findFeed(library, base.local);
    if (!feed) {
      made.push({ k: 'feed', stream, op: 'unsubscribe', at });
      continue;
    }
    const title = mine.findLast((c) => c.title !== undefined)?.title ?? base.title;
    const folder = mine.findLast((c) => c.folder !== undefined)?.folder ?? base.folder;
    const local = feed.folder.join('/');
    if (feed.title !== title || local !== folder) {
      made.push({ k: 'feed', stream, op: 'edit', at, ...(feed.title !== title ? { title: feed.title } : {}), ...(local !== folder ? { folder: local, from: folder } : {}) });
    }
  }
  return made;
}

/** Sends feed changes; returns the ids the server settled (a feed already gone counts as unsubscribed). */
export async function pushFeedChanges(client: GReaderClient, changes: FeedChange[]): Promise<string[]> {
  const settled: string[] = [];
  for (const c of changes) {
    try {
      if (c.op === 'unsubscribe') await client.editSubscription(c.stream, 'unsubscribe');
      else {
        const fields: { title?: string; add?: string; remove?: string } = {};
        if (c.title !== undefined) fields.title = c.title;
        if (c.folder) fields.add = LABEL + c.folder;
        else if (c.folder === '' && c.from) fields.remove = LABEL + c.from;
        await client.editSubscription(c.stream, 'edit', fields);
      }
    } catch (error) {
      // 400 for a feed the server no longer has: the change has nothing left to do.
      if (!(error instanceof KabarError) || error.code !== 'SYNC_REJECTED') throw error;
    }
    settled.push(c.id);
  }
  return settled;
}

/** What applying the server's list did. */
export interface FeedsApplied {
  added: number;
  removed: number;
  changed: number;
}

/** Makes the library's synced feeds match the server's list (feeds with unsent changes keep theirs). */
export async function applySubscriptions(library: Library, state: SyncState, subs: Subscription[], pending: FeedChange[], now: Date): Promise<FeedsApplied> {
  const result: FeedsApplied = { added: 0, removed: 0, changed: 0 };
  const listed = new Set<string>();
  for (const sub of subs) {
    listed.add(sub.id);
    const title = sub.title || sub.url || sub.id;
    const folder = folderOf(sub);
    const base = state.feeds[sub.id];
    if (!base) {
      const url = sub.url ?? sub.htmlUrl ?? sub.id;
      const local = findFeed(library, feedId(url)) ?? readFeeds(library).find((f) => f.url === url);
      if (local) updateFeed(library, local.id, (f) => Object.assign(f, { sync: { stream: sub.id }, title, folder: folderPath(folder) }));
      else {
        putFeedRecord(library, newFeed(url, { title, folder: folderPath(folder), sync: { stream: sub.id }, ...(sub.htmlUrl ? { siteUrl: sub.htmlUrl } : {}) }, now));
      }
      state.feeds[sub.id] = { local: local?.id ?? feedId(url), title, folder };
      result.added += 1;
      continue;
    }
    if (pending.some((c) => c.stream === sub.id)) continue;
    if (base.title !== title || base.folder !== folder) {
      updateFeed(library, base.local, (f) => Object.assign(f, { title, folder: folderPath(folder) }));
      state.feeds[sub.id] = { ...base, title, folder };
      result.changed += 1;
    }
  }
  for (const [stream, base] of Object.entries(state.feeds)) {
    if (listed.has(stream)) continue;
    // Gone from the server (unsubscribed elsewhere): gone here too; bookmarked and tagged stories stay.
    if (findFeed(library, base.local)) await unsubscribe(library, base.local);
    delete state.feeds[stream];
    result.removed += 1;
  }
  return result;
}

/** The local feed id of a stream, if the account has it. */
export function localFeedOf(state: SyncState, stream: string | undefined): string | undefined {
  return stream ? state.feeds[stream]?.local : undefined;
}
