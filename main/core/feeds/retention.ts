/** Retention: a feed's articles older than "keep N days" go to the trash; bookmarked and tagged ones never do. */
import type { Library } from '../store';
import type { ArticleMeta } from '../types';
import { findFeed } from './model';

/** Whether an article is kept whatever its age: the user bookmarked or tagged it. */
export function isKept(meta: ArticleMeta): boolean {
  return meta.bookmarked || meta.tags.length > 0;
}

/** Moves a feed's articles older than its keep-days (else `keepDays`) to the trash. Returns how many. */
export async function pruneFeed(library: Library, feedId: string, opts: { now: Date; keepDays: number | null }): Promise<number> {
  const feed = findFeed(library, feedId);
  const days = feed?.keepDays ?? opts.keepDays;
  if (days === null || days === undefined) return 0;
  const cutoff = new Date(opts.now.getTime() - days * 86_400_000).toISOString();
  let pruned = 0;
  for (const meta of library.allMeta()) {
    if (meta.feedId !== feedId || meta.deletedAt || isKept(meta)) continue;
    if ((meta.publishedAt ?? meta.savedAt) >= cutoff) continue;
    await library.delete(meta.id);
    pruned += 1;
  }
  return pruned;
}

/** Prunes every feed (each by its own keep-days, else the global one). */
export async function pruneAll(library: Library, feedIds: string[], opts: { now: Date; keepDays: number | null }): Promise<number> {
  let total = 0;
  for (const id of feedIds) total += await pruneFeed(library, id, opts);
  return total;
}
