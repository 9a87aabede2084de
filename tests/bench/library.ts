/** Shared by the benchmarks: the corpus files and a large library built from them. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFromFile } from '../../main/core/articles';
import { openLibrary } from '../../main/core/store';
import type { ExtractedArticle } from '../../main/core/types';

/** The shared corpus beside the checkout (KABAR_CORPUS overrides). */
export const CORPUS = process.env.KABAR_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
/** Library size for the benchmarks (KABAR_BENCH_ARTICLES overrides). */
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

/** Builds a library of ARTICLES variants of the corpus articles in `dir` (through Library.add). */
export async function buildLibrary(dir: string, sources: string[]): Promise<void> {
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

