/**
 * A refresh converts feed items on the extraction workers (articles/pool.ts, 'items' jobs). The
 * articles must be exactly those the calling thread makes, for every item of the feed corpus
 * (hostile ones included), and the jobs must really run on worker threads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertItemsShared, extractPoolStats, itemsToArticles, setExtractWorkers, warmExtractWorkers } from '../../../main/core/articles';
import { parseFeedBytes, type ParsedFeed } from '../../../main/core/feeds';
import { CORPUS } from '../helpers';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'opml' || name === 'output' ? [] : walk(path);
    return [path];
  });
}

/** Every corpus feed that parses, with its items. */
function corpusFeeds(): { path: string; feed: ParsedFeed }[] {
  const feeds: { path: string; feed: ParsedFeed }[] = [];
  for (const path of walk(join(CORPUS, 'feeds')).filter((f) => !f.endsWith('.html'))) {
    try {
      const feed = parseFeedBytes(readFileSync(path), { url: `http://127.0.0.1/${path}` });
      if (feed.items.length > 0) feeds.push({ path, feed });
    } catch {
      // Malformed on purpose: the corpus test covers its error.
    }
  }
  return feeds;
}

afterAll(() => setExtractWorkers(Math.max(1, Math.min(3, availableParallelism()))));

describe('feed items converted on the extraction workers', () => {
  it('gives the very articles the calling thread gives, for every corpus item', async () => {
    const feeds = corpusFeeds();
    const items = feeds.reduce((n, f) => n + f.feed.items.length, 0);
    expect(items).toBeGreaterThan(1000);
    setExtractWorkers(2);
    expect(await warmExtractWorkers()).toBe(2);
    const jobsBefore = extractPoolStats().jobs;
    const onWorkers = await Promise.all(feeds.map(({ feed }, i) => convertItemsShared(feed.items, feed, `feed${i}`)));
    const ranOnWorkers = extractPoolStats().jobs - jobsBefore;
    feeds.forEach(({ path, feed }, i) => {
      expect(onWorkers[i], path).toEqual(itemsToArticles(feed.items, feed, `feed${i}`));
    });
    // The calling thread takes jobs whenever both workers are full (all were queued at once), so
    // only a share goes to the workers; a quarter proves they did real work.
    expect(ranOnWorkers).toBeGreaterThan(feeds.length / 4);
    console.log(`[items-workers] ${items} items of ${feeds.length} feeds: ${ranOnWorkers} jobs on workers, equal to the calling thread's`);
  });

  it('keeps the calling thread path when workers are off', async () => {
    setExtractWorkers(0);
    const [{ feed }] = corpusFeeds();
    const jobsBefore = extractPoolStats().jobs;
    expect(await convertItemsShared(feed!.items, feed!, 'f')).toEqual(itemsToArticles(feed!.items, feed!, 'f'));
    expect(extractPoolStats().jobs).toBe(jobsBefore);
  });
});
