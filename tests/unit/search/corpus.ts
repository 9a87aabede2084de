/** Real article text from the shared corpus (../shared/corpus beside the repo) for search tests and the benchmark. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the shared corpus; KABAR_CORPUS overrides it. */
export const CORPUS = process.env.KABAR_CORPUS ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');

/** One source text: a name, a title line and its paragraphs. */
export interface SourceText {
  name: string;
  title: string;
  paragraphs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text of an HTML fragment: block ends become paragraph breaks, tags go, entities decode. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|section|article|figcaption|pre|tr)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 20);
}

/** Reads a file of the corpus as UTF-8. */
export function readCorpus(rel: string): string {
  return fs.readFileSync(path.join(CORPUS, rel), 'utf8');
}

/** Plain text of a readability page's expected.html. */
export function pageText(name: string): string {
  return stripHtml(readCorpus(`pages/${name}/expected.html`));
}

/** Every usable source text: readability pages, newspaper4k plain texts and the seed article. */
export function loadSources(): SourceText[] {
  const out: SourceText[] = [];
  const add = (name: string, text: string, title?: string): void => {
    const paragraphs = paragraphsOf(text);
    if (paragraphs.length === 0) return;
    out.push({ name, title: title ?? paragraphs[0].slice(0, 80), paragraphs });
  };
  for (const dir of fs.readdirSync(path.join(CORPUS, 'pages')).sort()) {
    let title: string | undefined;
    try {
      const meta = JSON.parse(readCorpus(`pages/${dir}/expected-metadata.json`)) as { title?: unknown };
      if (typeof meta.title === 'string' && meta.title.trim()) title = meta.title.trim();
    } catch {
      // no metadata: the first paragraph stands in
    }
    add(`pages/${dir}`, pageText(dir), title);
  }
  const txt = path.join(CORPUS, 'articles/newspaper4k/txt');
  for (const f of fs.readdirSync(txt).sort()) add(`txt/${f}`, fs.readFileSync(path.join(txt, f), 'utf8'));
  const seed = readCorpus('seed/diplomasi-bayangan.txt').split('\n');
  add('seed', seed.slice(2).join('\n'), seed[1]);
  return out;
}
