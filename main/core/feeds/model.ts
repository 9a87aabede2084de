/** The feed record kept in library.json `feeds`, and reading/writing the list through the store. */
import { createHash } from 'node:crypto';
import { normalizeUrl, type Library } from '../store';
import type { FeedErrorInfo } from './errors';

/** One subscription. */
export interface FeedRecord {
  id: string;
  /** The feed document's address (after permanent redirects). */
  url: string;
  /** Title shown in the sidebar: the user's name for it, else the feed's own. */
  title: string;
  /** True once the user renamed it (a refresh then keeps the name). */
  renamed?: boolean;
  siteUrl?: string;
  description?: string;
  /** Folder path, outermost first; [] is the top level. */
  folder: string[];
  etag?: string;
  lastModified?: string;
  lastFetchedAt?: string;
  lastSuccessAt?: string;
  /** The last refresh's error, or null when it worked. */
  error: FeedErrorInfo | null;
  /** Failures in a row (drives exponential backoff). */
  failures: number;
  /** No fetch before this time (Retry-After or backoff). */
  nextFetchAfter?: string;
  /** Fetch the linked page (Readability) when an item has only a summary. */
  fullText: boolean;
  /** Keep articles this many days (bookmarked and tagged ones forever); null follows the global setting. */
  keepDays: number | null;
  /** Item keys (guid / link / content hash) already turned into articles, newest first, bounded. */
  seen: string[];
  addedAt: string;
  /** Set when the feed belongs to the sync account: its stream id on the server (the server is then the source of truth). */
  sync?: { stream: string };
  /** OPML attributes Kabar does not use, kept so export gives back what import took in. */
  extra?: Record<string, string>;
}

/** How many item keys a feed remembers (a few times any feed's item count). */
export const SEEN_LIMIT = 300;

/** A feed's id: a hash of its normalized URL. */
export function feedId(url: string): string {
  return createHash('sha256').update(`feed:${normalizeUrl(url)}`).digest('hex').slice(0, 12);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored value → FeedRecord, filling defaults; undefined when it is not a feed at all. */
export function toFeedRecord(raw: unknown): FeedRecord | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.url !== 'string') return undefined;
  const r = raw as Partial<FeedRecord>;
  return {
    ...(r as FeedRecord),
    title: typeof r.title === 'string' ? r.title : r.url ?? '',
    folder: Array.isArray(r.folder) ? r.folder.filter((f): f is string => typeof f === 'string') : [],
    error: isRecord(r.error) ? (r.error as unknown as FeedErrorInfo) : null,
    failures: typeof r.failures === 'number' ? r.failures : 0,
    fullText: r.fullText === true,
    keepDays: typeof r.keepDays === 'number' ? r.keepDays : null,
    seen: Array.isArray(r.seen) ? r.seen.filter((s): s is string => typeof s === 'string') : [],
    addedAt: typeof r.addedAt === 'string' ? r.addedAt : new Date(0).toISOString(),
  };
}

/** The feeds of a library. */
export function readFeeds(library: Library): FeedRecord[] {
  return library.feedRecords().map(toFeedRecord).filter((f): f is FeedRecord => Boolean(f));
}

/** One feed by id, or undefined. */
export function findFeed(library: Library, id: string): FeedRecord | undefined {
  const raw = library.feedRecords().find((f) => (f as { id?: unknown }).id === id);
  return raw === undefined ? undefined : toFeedRecord(raw);
}

/** Applies a change to one feed (read at write time, so parallel refreshes never overwrite each other); journals only it. */
export function updateFeed(library: Library, id: string, change: (feed: FeedRecord) => void): FeedRecord | undefined {
  const feed = findFeed(library, id);
  if (!feed) return undefined;
  change(feed);
  library.putFeed({ ...feed });
  return feed;
}

/** updateFeed for a refresh: resolves once the change is durable, without holding the main thread for the flush. */
export async function updateFeedDurably(library: Library, id: string, change: (feed: FeedRecord) => void): Promise<void> {
  const feed = findFeed(library, id);
  if (!feed) return;
  change(feed);
  await library.putFeedDurably({ ...feed });
}

/** Stores one feed record as it is (new or replacing the one with its id). */
export function putFeedRecord(library: Library, feed: FeedRecord): void {
  library.putFeed({ ...feed });
}
