/**
 * New items from the server → Kabar articles, a page at a time, through the feeds pipeline
 * (sanitized, language-tagged, indexed for search). Article ids come from the item's link (as a
 * feed refresh makes them), so an item fetched twice — after a crash, or a feed also followed
 * locally — is the same article, never a duplicate. Progress is saved after every page.
 */
import { buildArticle, findFeed, itemArticleId } from '../feeds';
import type { Library } from '../store';
import type { ExtractedArticle } from '../types';
import { READING_LIST, type GReaderClient } from './client';
import { crawlSeconds, readItem, stateOf, toParsedItem, type ServerState } from './items';
import { shortId } from './shapes';
import type { SyncState } from './state';
import { localFeedOf } from './subscriptions';

/** How pulling runs. */
export interface PullOptions {
  now: Date;
  pageSize: number;
  folders: Set<string>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Saves state.json (called after each page). */
  save: () => Promise<void>;
}

/** Applies the server's state to an article met for the first time: read/starred/labels join what Kabar had. */
export function adoptState(library: Library, articleId: string, server: ServerState): void {
  const meta = library.meta(articleId);
  if (server.read && !meta.readAt) library.setRead(articleId, true);
  if (server.starred && !meta.bookmarked) library.setBookmarked(articleId, true);
  const have = new Set(meta.tags.map((t) => t.toLowerCase()));
  const missing = server.labels.filter((l) => !have.has(l.toLowerCase()));
  if (missing.length > 0) library.addTags(articleId, missing);
}

/** Pulls items newer than the watermark (first time: the last `days` days); returns how many articles were created. */
export async function pullItems(library: Library, client: GReaderClient, state: SyncState, opts: PullOptions): Promise<number> {
  const since = state.status.watermark ?? Math.floor(opts.now.getTime() / 1000) - state.account.days * 86_400;
  let continuation: string | undefined;
  let created = 0;
  for (let page = 0; page < 1000; page++) {
    const answer = await client.contents(READING_LIST, { ot: since, n: opts.pageSize, ...(continuation ? { c: continuation } : {}) });
    const fresh: { sid: string; id: string; server: ServerState; stream: string; extracted: ExtractedArticle }[] = [];
    let newest = state.status.watermark ?? 0;
    for (const raw of answer.items) {
      const item = readItem(raw);
      if (!item) continue; // One unreadable item never costs the others.
      newest = Math.max(newest, crawlSeconds(item));
      const sid = shortId(item.id);
      if (state.items[sid]) continue;
      const stream = item.origin?.streamId ?? '';
      const local = localFeedOf(state, stream);
      if (!local) continue; // A feed the account does not list (yet): the next sync brings it with its items.
      const parsed = toParsedItem(item);
      const feed = findFeed(library, local);
      const extracted = await buildArticle(parsed, { title: item.origin?.title ?? feed?.title ?? '', siteUrl: item.origin?.htmlUrl }, local, {
        fullText: feed?.fullText ?? false,
        fetch: opts.fetch,
        signal: opts.signal,
      });
      fresh.push({ sid, id: itemArticleId(parsed, local, extracted), server: stateOf(item, opts.folders), stream, extracted });
    }
    const made = await library.addMany(fresh.map((f) => ({ extracted: f.extracted, id: f.id })));
    created += made.length;
    const madeIds = new Set(made.map((m) => m.id));
    const readNow = fresh.filter((f) => f.server.read && madeIds.has(f.id)).map((f) => f.id);
    library.setReadMany(readNow, true);
    for (const f of fresh) {
      // New articles take the server's state; ones Kabar already had keep theirs too (the diff then sends them).
      adoptState(library, f.id, f.server);
      state.items[f.sid] = { a: f.id, f: f.stream, r: f.server.read, s: f.server.starred, l: f.server.labels };
    }
    const moved = newest > (state.status.watermark ?? 0);
    state.status.watermark = newest || state.status.watermark;
    if (fresh.length > 0 || moved) await opts.save();
    if (!answer.continuation || answer.items.length === 0) break;
    continuation = answer.continuation;
  }
  return created;
}
