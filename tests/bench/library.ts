/** Shared by the benchmarks: the corpus files and a large library built from them. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFromFile } from '../../main/core/articles';
import { openLibrary } from '../../main/core/store';
import type { ExtractedArticle } from '../../main/core/types';

/** The shared corpus beside the checkout (KABAR_CORPUS overrides). */
export const CORPUS = process.env.KABAR_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
// `npm run bench -- --articles 100000` sets the size as the environment variable does (children inherit it).
const flagAt = process.argv.indexOf('--articles');
if (flagAt >= 0 && process.argv[flagAt + 1]) process.env.KABAR_BENCH_ARTICLES = process.argv[flagAt + 1];

/** Library size for the benchmarks (`--articles N` or KABAR_BENCH_ARTICLES overrides). */
export const ARTICLES = Number(process.env.KABAR_BENCH_ARTICLES ?? 10_000);

/** The corpus HTML pages and plain-text articles. */
export async function corpusFiles(): Promise<{ pages: string[]; texts: string[] }> {
  const pagesDir = join(CORPUS, 'pages');
  const pages = (await readdir(pagesDir)).map((p) => join(pagesDir, p, 'source.html'));
  const n4k = join(CORPUS, 'articles', 'newspaper4k');
  const html = (await readdir(join(n4k, 'html'))).map((f) => join(n4k, 'html', f));
  const texts = (await readdir(join(n4k, 'txt'))).map((f) => join(n4k, 'txt', f));
  return { pages: [...pages, ...html], texts: [...texts, join(CORPUS, 'seed', 'diplomasi-bayangan.txt')] };
}

/** A variant of a corpus article: numbered title, rotated paragraphs, a unique word. */
function variant(base: ExtractedArticle, n: number): ExtractedArticle {
  const shift = n % Math.max(1, base.blocks.length);
  const blocks = [...base.blocks.slice(shift), ...base.blocks.slice(0, shift)];
  blocks.push({ type: 'paragraph', text: `Catatan ${n}: kata unik zq${n.toString(36)} untuk pengujian.` });
  return { ...base, title: `${base.title} #${n}`, url: undefined, blocks, publishedAt: new Date(1.7e12 - n * 36e5).toISOString() };
}

/** Articles per addMany call when building and in the bulk-add figure (one durable commit each). */
const BATCH = 100;

async function corpusBases(sources: string[]): Promise<ExtractedArticle[]> {
  const bases: ExtractedArticle[] = [];
  for (const file of sources) bases.push(await extractFromFile(file).catch(() => null as never));
  return bases.filter(Boolean);
}

/** Builds a library of ARTICLES variants of the corpus articles in `dir` (through Library.addMany, in batches). */
export async function buildLibrary(dir: string, sources: string[]): Promise<void> {
  const usable = await corpusBases(sources);
  const library = await openLibrary({ dir });
  for (let start = 0; start < ARTICLES; start += BATCH) {
    const batch = [];
    for (let n = start; n < Math.min(ARTICLES, start + BATCH); n++) batch.push({ extracted: variant(usable[n % usable.length] as ExtractedArticle, n) });
    const created = await library.addMany(batch);
    created.forEach((meta, i) => {
      const n = start + i;
      if (n % 7 === 0) library.addTags(meta.id, [`tag${n % 40}`]);
      if (n % 11 === 0) library.setBookmarked(meta.id, true);
    });
  }
  await library.close();
}

/**
 * `bulk_add_per_s`: `count` new articles with content (corpus variants, in addMany batches of BATCH)
 * added to the library in `dir`, opened fresh; the clock stops when the last batch is durable.
 */
export async function measureBulkAdd(dir: string, sources: string[], count = 2000): Promise<{ bulk_add_per_s: number; bulk_add_library: number }> {
  const usable = await corpusBases(sources);
  const library = await openLibrary({ dir });
  const size = library.ids().length;
  const started = performance.now();
  for (let start = 0; start < count; start += BATCH) {
    const batch = [];
    for (let n = start; n < Math.min(count, start + BATCH); n++) batch.push({ extracted: variant(usable[n % usable.length] as ExtractedArticle, size + n) });
    await library.addMany(batch);
  }
  const seconds = (performance.now() - started) / 1000;
  await library.close();
  return { bulk_add_per_s: count / seconds, bulk_add_library: size };
}
