/**
 * Refreshing feeds: at most 4 fetches at once, one at a time per host with a small gap,
 * conditional GET, Retry-After and exponential backoff, errors kept per feed (old items stay),
 * progress per feed, and cancellation through an AbortSignal.
 */
import { captureImages, convertItemsShared } from '../articles';
import type { Library } from '../store';
import type { ExtractedArticle, FeedState } from '../types';
import { runWorkers } from '../util';
import { feedErrorInfo, type FeedErrorInfo } from './errors';
import { fetchFeed, RetryLater, type FeedResponse } from './fetch';
import { itemArticleId, itemKey, withFullText } from './items';
import { findFeed, readFeeds, SEEN_LIMIT, updateFeed, updateFeedDurably, type FeedRecord } from './model';
import { parseFeedBytes, truncatedError, type ParsedFeed, type ParsedItem } from './parse';
import { pruneFeed } from './retention';

/** Records a successful fetch (200 or 304): clears the error and the backoff, follows a permanent move. */
function markFetched(f: FeedRecord, at: string, permanentUrl: string | undefined): void {
  f.lastFetchedAt = at;
  f.lastSuccessAt = at;
  f.error = null;
  f.failures = 0;
  delete f.nextFetchAfter;
  if (permanentUrl) f.url = permanentUrl;
}

/** The root element a parsed feed's document had (for the truncation message). */
export function rootOf(parsed: ParsedFeed): string {
  return parsed.format === 'atom' ? 'feed' : parsed.format === 'rdf' ? 'rdf:RDF' : 'rss';
}

/** What happened to one feed in a refresh. */
export type { FeedState };

/** One progress report: `done` of `total` feeds finished; the feed whose state changed. */
export interface RefreshProgress {
  done: number;
  total: number;
  feedId: string;
  state: FeedState;
  added?: number;
  error?: FeedErrorInfo;
}

/** The outcome of one feed. */
export interface FeedRefreshResult {
  feedId: string;
  state: FeedState;
  added: number;
  error?: FeedErrorInfo;
}

/** How a refresh runs; fetch and the clock come from the host. */
export interface RefreshOptions {
  /** Only these feeds (default: all). */
  ids?: string[];
  fetch?: typeof fetch;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (p: RefreshProgress) => void;
  /** Fetches at once. Default 4. */
  concurrency?: number;
  /** Pause between two requests to the same host, in ms. Default 250. */
  hostGapMs?: number;
  /** Per feed fetch deadline. Default 30 000 ms. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Ignore backoff and Retry-After (a refresh the user asked for by hand on one feed). */
  force?: boolean;
  /** Download item images into media/ (default true). */
  captureImages?: boolean;
  /** Global retention in days when a feed has none (null: keep everything). */
  keepDays?: number | null;
}

/** Backoff after `failures` failures in a row: 1 min, 2, 4, … at most 24 h. */
export function backoffMs(failures: number): number {
  return Math.min(24 * 60 * 60 * 1000, 60_000 * 2 ** Math.max(0, failures - 1));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

// The abort listener goes when the timer fires: workers poll every few ms, and a listener per poll would pile up.
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A feed fetched with new content, waiting to be parsed and stored. */
interface Fetched {
  current: FeedRecord;
  response: Extract<FeedResponse, { status: 200 }>;
  fetchedAt: string;
}

/** Fetched feeds being parsed and stored at once (their items convert on the extraction workers). */
const STORING = 6;

/** Items newest first, at most this many per refresh (a feed dumping its archive is not a reason to stall). */
const MAX_ITEMS_PER_REFRESH = 200;

/** Turns a parsed feed's new items into articles (stored in one batch); returns how many were created. */
export async function ingest(library: Library, feed: FeedRecord, parsed: ParsedFeed, opts: RefreshOptions): Promise<{ added: number; keys: string[] }> {
  const now = (opts.now ?? (() => new Date()))();
  const seen = new Set(feed.seen);
  const keepDays = feed.keepDays ?? opts.keepDays ?? null;
  const cutoff = keepDays === null ? undefined : new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const items = parsed.items.slice(0, MAX_ITEMS_PER_REFRESH);
  const keys = items.map(itemKey);
  const fresh = items.filter((item, i) => !seen.has(keys[i] as string) && !(cutoff && item.publishedAt && item.publishedAt < cutoff));
  // Sanitizing and converting the feed's own content runs on the extraction workers.
  const converted = fresh.length > 0 ? await convertItemsShared(fresh, parsed, feed.id) : [];
  const failed = new Set<ParsedItem>();
  const batch: { extracted: ExtractedArticle; id: string }[] = [];
  for (const [i, item] of fresh.entries()) {
    if (opts.signal?.aborted) break;
    const fromFeed = converted[i];
    try {
      if (!fromFeed) throw new Error('unreadable item');
      const article = await withFullText(item, fromFeed, feed.id, { fullText: feed.fullText, fetch: opts.fetch, signal: opts.signal });
      const id = itemArticleId(item, feed.id, article);
      if (library.knows(id)) continue;
      const blocks =
        opts.captureImages === false ? article.blocks : await captureImages(article.blocks, { mediaDir: library.mediaDir, fetch: opts.fetch, maxCount: 10 });
      batch.push({ extracted: { ...article, blocks }, id });
    } catch {
      // One unreadable item never costs the others; it is retried on the next refresh.
      failed.add(item);
    }
  }
  const created = await library.addMany(batch);
  return { added: created.length, keys: keys.filter((_, i) => !failed.has(items[i] as ParsedItem)) };
}

/** Refreshes feeds; never throws for a feed's failure (each result says what happened). */
export async function refreshFeeds(library: Library, opts: RefreshOptions = {}): Promise<FeedRefreshResult[]> {
  const now = opts.now ?? (() => new Date());
  const wanted = opts.ids ? new Set(opts.ids) : undefined;
  // Synced feeds are fetched by the sync server; their items arrive through sync (main/core/sync).
  const feeds = readFeeds(library).filter((f) => (!wanted || wanted.has(f.id)) && !f.sync);
  const total = feeds.length;
  const results: FeedRefreshResult[] = [];
  const gap = opts.hostGapMs ?? 250;
  const busy = new Set<string>();
  const freeAt = new Map<string, number>();
  const pending = [...feeds];
  let done = 0;
  const report = (r: FeedRefreshResult): void => {
    results.push(r);
    done += 1;
    opts.onProgress?.({ done, total, feedId: r.feedId, state: r.state, added: r.added, ...(r.error ? { error: r.error } : {}) });
  };

  const takeNext = (): FeedRecord | undefined => {
    const t = Date.now();
    const at = pending.findIndex((f) => !busy.has(hostOf(f.url)) && (freeAt.get(hostOf(f.url)) ?? 0) <= t);
    return at >= 0 ? pending.splice(at, 1)[0] : undefined;
  };

  // Fetches one feed; resolves with the response to store, or undefined when the feed is done
  // (skipped for its backoff, failed, or not modified).
  const fetchOne = async (feed: FeedRecord): Promise<Fetched | undefined> => {
    const current = findFeed(library, feed.id) ?? feed;
    if (!opts.force && current.nextFetchAfter && current.nextFetchAfter > now().toISOString()) {
      report({ feedId: feed.id, state: 'skipped', added: 0 });
      return undefined;
    }
    opts.onProgress?.({ done, total, feedId: feed.id, state: 'fetching' });
    const host = hostOf(current.url);
    busy.add(host);
    let response: FeedResponse;
    try {
      response = await fetchFeed(current.url, {
        fetch: opts.fetch,
        etag: current.etag,
        lastModified: current.lastModified,
        timeoutMs: opts.timeoutMs,
        maxBytes: opts.maxBytes,
        signal: opts.signal,
        now,
      });
    } catch (error) {
      busy.delete(host);
      freeAt.set(host, Date.now() + gap);
      fail(current, error);
      return undefined;
    }
    busy.delete(host);
    // A 304 asked nothing of the server: the next request to it need not wait.
    freeAt.set(host, Date.now() + (response.status === 304 ? 0 : gap));
    const fetchedAt = now().toISOString();
    if (response.status === 304) {
      updateFeed(library, feed.id, (f) => markFetched(f, fetchedAt, response.permanentUrl));
      report({ feedId: feed.id, state: 'not-modified', added: 0 });
      return undefined;
    }
    return { current, response, fetchedAt };
  };

  // Parses and stores a fetched feed; runs while the fetch slots go on to the next feeds.
  const storeOne = async (feed: FeedRecord, { current, response, fetchedAt }: Fetched): Promise<void> => {
    try {
      const parsed = parseFeedBytes(response.bytes, { contentType: response.contentType, url: response.url });
      const { added, keys } = await ingest(library, current, parsed, opts);
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      await updateFeedDurably(library, feed.id, (f) => {
        markFetched(f, fetchedAt, response.permanentUrl);
        // Items of a cut-off document were kept; the feed still shows what is wrong with it.
        if (parsed.truncated) f.error = feedErrorInfo(truncatedError(rootOf(parsed), f.url));
        if (response.etag) f.etag = response.etag;
        else delete f.etag;
        if (response.lastModified) f.lastModified = response.lastModified;
        else delete f.lastModified;
        if (!f.renamed && parsed.title) f.title = parsed.title;
        if (parsed.siteUrl) f.siteUrl = parsed.siteUrl;
        if (parsed.description) f.description = parsed.description;
        f.seen = [...new Set([...keys, ...f.seen])].slice(0, SEEN_LIMIT);
      });
      await pruneFeed(library, feed.id, { now: now(), keepDays: opts.keepDays ?? null });
      report({ feedId: feed.id, state: 'ok', added });
    } catch (error) {
      fail(current, error);
    }
  };

  const fail = (feed: FeedRecord, error: unknown): void => {
    if (opts.signal?.aborted) {
      report({ feedId: feed.id, state: 'cancelled', added: 0 });
      return;
    }
    const info = feedErrorInfo(error);
    const at = now();
    updateFeed(library, feed.id, (f) => {
      f.lastFetchedAt = at.toISOString();
      f.error = info;
      f.failures += 1;
      const until = error instanceof RetryLater ? error.retryAt : new Date(at.getTime() + backoffMs(f.failures));
      f.nextFetchAfter = until.toISOString();
    });
    report({ feedId: feed.id, state: 'error', added: 0, error: info });
  };

  // Fetch slots hand a fetched feed over and go on to the next one, so the network, this
  // thread and the extraction workers stay busy together; at most STORING feeds wait to be stored.
  const storing = new Set<Promise<void>>();
  const worker = async (): Promise<void> => {
    while (pending.length > 0) {
      if (opts.signal?.aborted) {
        for (const feed of pending.splice(0)) report({ feedId: feed.id, state: 'cancelled', added: 0 });
        return;
      }
      const feed = takeNext();
      if (!feed) {
        await sleep(5, opts.signal);
        continue;
      }
      const fetched = await fetchOne(feed);
      if (!fetched) continue;
      const task: Promise<void> = storeOne(feed, fetched).finally(() => storing.delete(task));
      storing.add(task);
      while (storing.size >= STORING) await Promise.race(storing);
    }
  };
  for (const feed of feeds) opts.onProgress?.({ done: 0, total, feedId: feed.id, state: 'queued' });
  await runWorkers(Math.min(opts.concurrency ?? 4, total), worker);
  await Promise.all(storing);
  return results;
}
