import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFromFile, extractPoolStats, setExtractWorkers, warmExtractWorkers } from '../../../main/core/articles';
import type { ExtractedArticle } from '../../../main/core/types';
import { CORPUS } from './helpers';

const pages = readdirSync(join(CORPUS, 'pages')).map((p) => join(CORPUS, 'pages', p, 'source.html'));
const n4k = readdirSync(join(CORPUS, 'articles/newspaper4k/html')).map((f) => join(CORPUS, 'articles/newspaper4k/html', f));

/** Runs `files` through extractFromFile with `concurrency` callers, as the importer does. */
async function importAll(files: string[], concurrency: number): Promise<Map<string, ExtractedArticle | string>> {
  const out = new Map<string, ExtractedArticle | string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files.length) {
        const file = files[next++];
        out.set(file, await extractFromFile(file).catch((e: { code: string }) => e.code));
      }
    }),
  );
  return out;
}

afterAll(() => setExtractWorkers(Math.max(1, availableParallelism() - 1)));

describe('parallel extraction', () => {
  it('gives the same articles and errors on worker threads as on the calling thread', async () => {
    const sample = [...pages.slice(0, 8), join(CORPUS, 'pages/lazy-image-3/source.html'), join(CORPUS, 'seed/diplomasi-bayangan.txt'), '/nonexistent/file.txt'];
    setExtractWorkers(0);
    const here = await importAll(sample, 1);
    setExtractWorkers(2);
    expect(await warmExtractWorkers()).toBe(2);
    const before = extractPoolStats().jobs;
    const pooled = await importAll(sample, 3);
    expect(extractPoolStats().jobs).toBeGreaterThan(before);
    for (const file of sample) expect(pooled.get(file), file).toEqual(here.get(file));
    expect(here.get('/nonexistent/file.txt')).toBe('FILE_NOT_FOUND');
    expect(here.get(join(CORPUS, 'pages/lazy-image-3/source.html'))).toBe('NO_ARTICLE');
  }, 120_000);

  it('measures corpus import throughput (pages/s) with the importer’s concurrency', async () => {
    const workers = Math.max(1, availableParallelism() - 1); // the default: the calling thread works too
    setExtractWorkers(workers);
    const files = [...pages, ...n4k];
    const started = performance.now();
    const results = await importAll(files, 3);
    const seconds = (performance.now() - started) / 1000;
    const ok = [...results.values()].filter((r) => typeof r !== 'string').length;
    const rate = ok / seconds;
    console.log(`import_pages_per_s ${rate.toFixed(1)} (${ok} pages in ${seconds.toFixed(1)} s, calling thread + ${workers} worker thread(s), started by the previous test)`);
    expect(ok).toBe(files.length - 2); // lazy-image-3 and 005 have no article
    // The 15 pages/s target is asserted only on a quiet machine (KABAR_PERF_STRICT=1): shared CI
    // and developer machines make wall-clock figures noisy.
    expect(rate).toBeGreaterThan(process.env.KABAR_PERF_STRICT === '1' ? 15 : 1);
  }, 120_000);
});
