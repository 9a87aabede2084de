/**
 * `npm run bench`: builds a 10,000-article library from the corpus in a temp folder, then
 * measures the store in fresh processes and prints one JSON line (issue 2's figures).
 * `KABAR_BENCH_ARTICLES` changes the library size; `KABAR_BENCH_KEEP=1` keeps the folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFromFile } from '../../main/core/articles';
import { importSources } from '../../main/core/importer';
import { openLibrary } from '../../main/core/store';
import type { ExtractedArticle } from '../../main/core/types';

const CORPUS = process.env.KABAR_CORPUS ?? resolve(__dirname, '../../../shared/corpus');
const ARTICLES = Number(process.env.KABAR_BENCH_ARTICLES ?? 10_000);

/** A fetch that only reaches this machine: remote images fail at once, as they would offline. */
const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new TypeError('offline (benchmark)');
  return fetch(input, init);
};

async function corpusFiles(): Promise<{ pages: string[]; texts: string[] }> {
  const pagesDir = join(CORPUS, 'pages');
  const pages = (await readdir(pagesDir)).map((p) => join(pagesDir, p, 'source.html'));
  const n4k = join(CORPUS, 'articles', 'newspaper4k');
  const html = (await readdir(join(n4k, 'html'))).map((f) => join(n4k, 'html', f));
  const texts = (await readdir(join(n4k, 'txt'))).map((f) => join(n4k, 'txt', f));
  return { pages: [...pages, ...html], texts: [...texts, join(CORPUS, 'seed', 'diplomasi-bayangan.txt')] };
}

/** Imports the corpus HTML pages through the whole pipeline; returns pages per second. */
async function measureImport(pages: string[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-import-'));
  const library = await openLibrary({ dir });
  const started = performance.now();
  const summary = await importSources(
    library,
    pages.map((path) => ({ kind: 'path' as const, path })),
    { fetch: loopbackFetch },
  );
  const seconds = (performance.now() - started) / 1000;
  await library.close();
  await rm(dir, { recursive: true, force: true });
  return (summary.results.length - summary.failed) / seconds;
}

/** A variant of a corpus article: numbered title, rotated paragraphs, a unique word. */
function variant(base: ExtractedArticle, n: number): ExtractedArticle {
  const shift = n % Math.max(1, base.blocks.length);
  const blocks = [...base.blocks.slice(shift), ...base.blocks.slice(0, shift)];
  blocks.push({ type: 'paragraph', text: `Catatan ${n}: kata unik zq${n.toString(36)} untuk pengujian.` });
  return { ...base, title: `${base.title} #${n}`, url: undefined, blocks, publishedAt: new Date(1.7e12 - n * 36e5).toISOString() };
}

async function buildLibrary(dir: string, sources: string[]): Promise<void> {
  const bases: ExtractedArticle[] = [];
  for (const file of sources) bases.push(await extractFromFile(file).catch(() => null as never));
  const usable = bases.filter(Boolean);
  const library = await openLibrary({ dir });
  for (let n = 0; n < ARTICLES; n++) {
    const { meta } = await library.add(variant(usable[n % usable.length] as ExtractedArticle, n));
    if (n % 7 === 0) library.addTags(meta.id, [`tag${n % 40}`]);
    if (n % 11 === 0) library.setBookmarked(meta.id, true);
  }
  await library.close();
}

function measureInFreshProcess(dir: string, ...flags: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'measure-store.ts'), dir, ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
}

async function main(): Promise<void> {
  const { pages, texts } = await corpusFiles();
  const importPagesPerS = await measureImport(pages);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-'));
  const buildStarted = performance.now();
  await buildLibrary(dir, [...pages, ...texts]);
  const buildS = (performance.now() - buildStarted) / 1000;
  const figures = { ...measureInFreshProcess(dir, '--parse-floor'), ...measureInFreshProcess(dir) };
  if (process.env.KABAR_BENCH_KEEP !== '1') await rm(dir, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      articles: ARTICLES,
      ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)])),
      import_pages_per_s: round(importPagesPerS),
      build_s: round(buildS),
    }),
  );
}

await main();
