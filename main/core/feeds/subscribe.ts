/** Subscribe and unsubscribe, rename, folders, unread counts and mark-all-read. */
import type { Library } from '../store';
import { KabarError } from '../errors';
import { feedsOfPage, type DiscoveredFeed } from './discover';
import { FeedError, feedErrorInfo } from './errors';
import { fetchFeed } from './fetch';
import { feedId, findFeed, readFeeds, updateFeed, type FeedRecord } from './model';
import { parseFeedBytes, truncatedError } from './parse';
import { ingest, rootOf, type RefreshOptions } from './refresh';
import { isKept } from './retention';

/** What subscribing did: a new (or existing) feed, or several feeds found on a page for the user to pick from. */
export type SubscribeResult =
  | { kind: 'subscribed'; feed: FeedRecord; created: boolean; added: number }
  | { kind: 'choose'; candidates: DiscoveredFeed[] };

/** A new feed record. */
export function newFeed(url: string, fields: Partial<FeedRecord>, now: Date): FeedRecord {
  return {
    id: feedId(url),
    url,
    title: url,
    folder: [],
    error: null,
    failures: 0,
    fullText: false,
    keepDays: null,
    seen: [],
    addedAt: now.toISOString(),
    ...fields,
  };
}

/**
 * Subscribes to a feed URL, or to the one feed a site's page advertises (several: returns
 * them to choose from). Fetches and stores its items at once. Throws FeedError/KabarError
 * (INVALID_URL, NETWORK, HTTP_ERROR, NOT_A_FEED, NO_FEED_FOUND, FEED_MALFORMED, …).
 */
export async function subscribe(
  library: Library,
  url: string,
  opts: RefreshOptions & { folder?: string[]; title?: string; fullText?: boolean; keepDays?: number | null } = {},
): Promise<SubscribeResult> {
  const now = opts.now ?? (() => new Date());
  const existing = readFeeds(library).find((f) => f.id === feedId(url) || f.url === url);
  if (existing) return { kind: 'subscribed', feed: existing, created: false, added: 0 };
  const response = await fetchFeed(url, { fetch: opts.fetch, timeoutMs: opts.timeoutMs, signal: opts.signal, now });
  if (response.status === 304) throw new KabarError('HTTP_ERROR', `${url} answered 304 to a plain request.`, { status: 304, url });
  let parsed;
  try {
    parsed = parseFeedBytes(response.bytes, { contentType: response.contentType, url: response.url });
  } catch (error) {
    if (!(error instanceof FeedError) || error.code !== 'NOT_A_FEED') throw error;
    const candidates = feedsOfPage(response.bytes, response.contentType, response.url);
    if (candidates.length === 0) throw error;
    if (candidates.length > 1) return { kind: 'choose', candidates };
    return subscribe(library, (candidates[0] as DiscoveredFeed).url, opts);
  }
  const finalUrl = response.permanentUrl ?? url;
  const again = readFeeds(library).find((f) => f.id === feedId(finalUrl));
  if (again) return { kind: 'subscribed', feed: again, created: false, added: 0 };
  const fetchedAt = now().toISOString();
  const feed = newFeed(
    finalUrl,
    {
      title: opts.title ?? (parsed.title || finalUrl),
      renamed: opts.title !== undefined,
      folder: opts.folder ?? [],
      fullText: opts.fullText ?? false,
      keepDays: opts.keepDays ?? null,
      lastFetchedAt: fetchedAt,
      lastSuccessAt: fetchedAt,
      ...(parsed.truncated ? { error: feedErrorInfo(truncatedError(rootOf(parsed), finalUrl)) } : {}),
      ...(parsed.siteUrl ? { siteUrl: parsed.siteUrl } : {}),
      ...(parsed.description ? { description: parsed.description } : {}),
      ...(response.etag ? { etag: response.etag } : {}),
      ...(response.lastModified ? { lastModified: response.lastModified } : {}),
    },
    now(),
  );
  library.putFeed({ ...feed });
  const { added, keys } = await ingest(library, feed, parsed, opts);
  const saved = updateFeed(library, feed.id, (f) => {
    f.seen = keys;
  });
  return { kind: 'subscribed', feed: saved ?? feed, created: true, added };
}

function need(library: Library, id: string): FeedRecord {
  const feed = findFeed(library, id) ?? readFeeds(library).find((f) => f.id.startsWith(id));
  if (!feed) throw new KabarError('NOT_FOUND', `No feed with id ${id}.`, { id });
  return feed;
}

/** Resolves a full feed id or a unique prefix. */
export function resolveFeedId(library: Library, given: string): string {
  const all = readFeeds(library).filter((f) => f.id === given || f.id.startsWith(given));
  if (all.length === 1) return (all[0] as FeedRecord).id;
  if (all.length > 1) throw new KabarError('INVALID_ARGUMENT', `The feed id ${given} is ambiguous; type more of it.`);
  throw new KabarError('NOT_FOUND', `No feed with id ${given}. Run "kabar feeds list" to see ids.`, { id: given });
}

/**
 * Unsubscribes: the feed goes; its bookmarked or tagged articles stay (still marked with
 * its feedId), the others go to the trash. Returns how many were trashed.
 */
export async function unsubscribe(library: Library, id: string): Promise<{ trashed: number; kept: number }> {
  const feed = need(library, id);
  let trashed = 0;
  let kept = 0;
  for (const meta of library.allMeta()) {
    if (meta.feedId !== feed.id || meta.deletedAt) continue;
    if (isKept(meta)) kept += 1;
    else {
      await library.delete(meta.id);
      trashed += 1;
    }
  }
  library.removeFeed(feed.id);
  return { trashed, kept };
}

/** Changes what the user may change about a feed: its title, folder, full-text flag and retention. */
export function editFeed(
  library: Library,
  id: string,
  patch: { title?: string; folder?: string[]; fullText?: boolean; keepDays?: number | null },
): FeedRecord {
  const feed = need(library, id);
  if (patch.title !== undefined && !patch.title.trim()) throw new KabarError('INVALID_ARGUMENT', 'A feed needs a name.', { field: 'title' });
  return updateFeed(library, feed.id, (f) => {
    if (patch.title !== undefined) {
      f.title = patch.title.trim();
      f.renamed = true;
    }
    if (patch.folder !== undefined) f.folder = patch.folder.map((s) => s.trim()).filter(Boolean);
    if (patch.fullText !== undefined) f.fullText = patch.fullText;
    if (patch.keepDays !== undefined) {
      if (patch.keepDays !== null && !(Number.isInteger(patch.keepDays) && patch.keepDays > 0)) {
        throw new KabarError('INVALID_ARGUMENT', 'Keep days must be a whole number above 0.', { field: 'keepDays' });
      }
      f.keepDays = patch.keepDays;
    }
  }) as FeedRecord;
}

/** Renames a folder (a prefix of feed folder paths) everywhere; returns how many feeds moved. */
export function renameFolder(library: Library, from: string[], to: string[]): number {
  let moved = 0;
  for (const feed of readFeeds(library)) {
    if (from.length === 0 || from.some((part, i) => feed.folder[i] !== part)) continue;
    updateFeed(library, feed.id, (f) => {
      f.folder = [...to, ...f.folder.slice(from.length)];
    });
    moved += 1;
  }
  return moved;
}

/** Unread counts: per feed, per folder (a folder counts its subfolders too), and in total. */
export interface UnreadCounts {
  feeds: Record<string, number>;
  folders: Record<string, number>;
  total: number;
}

/** The folder key of a path in UnreadCounts.folders: parts joined by " / ". */
export function folderKey(path: string[]): string {
  return path.join(' / ');
}

/** Counts unread live articles of every feed and folder, in one pass. */
export function unreadCounts(library: Library): UnreadCounts {
  const feeds = readFeeds(library);
  const perFeed: Record<string, number> = Object.fromEntries(feeds.map((f) => [f.id, 0]));
  for (const meta of library.allMeta()) {
    if (!meta.feedId || meta.deletedAt || meta.readAt || !(meta.feedId in perFeed)) continue;
    perFeed[meta.feedId] = (perFeed[meta.feedId] ?? 0) + 1;
  }
  const folders: Record<string, number> = {};
  let total = 0;
  for (const feed of feeds) {
    const n = perFeed[feed.id] ?? 0;
    total += n;
    for (let depth = 1; depth <= feed.folder.length; depth++) {
      const key = folderKey(feed.folder.slice(0, depth));
      folders[key] = (folders[key] ?? 0) + n;
    }
  }
  return { feeds: perFeed, folders, total };
}

/** Marks every article of a feed (or of every feed in a folder, or all feeds) read. Returns how many changed. */
export function markAllRead(library: Library, scope: { feedId?: string; folder?: string[] } = {}): number {
  const feeds = readFeeds(library).filter(
    (f) =>
      (!scope.feedId || f.id === scope.feedId) &&
      (!scope.folder || scope.folder.every((part, i) => f.folder[i] === part)),
  );
  const ids = new Set(feeds.map((f) => f.id));
  const articles = library.allMeta().filter((m) => m.feedId && ids.has(m.feedId) && !m.deletedAt && !m.readAt).map((m) => m.id);
  return library.setReadMany(articles, true);
}
