/**
 * Round trips through the real CLI (issue 12, "Round trips must hold"): a library built from the seed,
 * corpus pages and a feed item, with tags, read/starred state, progress and highlights with notes,
 * is exported (`kabar export-library`) and imported (`kabar import-library`) into an empty library.
 * wallabag JSON must bring back everything; Pocket CSV and Netscape what those formats can carry.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { buildArticle, parseFeedBytes } from '../../../main/core/feeds';
import { importSources } from '../../../main/core/importer';
import { addHighlight, changeMarks, openLibrary, readMarks, type Library } from '../../../main/core/store';
import type { Article } from '../../../main/core/types';
import { CORPUS, SEED, tempDir } from '../helpers';

async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

/** What a round trip must keep of one article. */
interface Expected {
  title: string;
  url?: string;
  tags: string[];
  read: boolean;
  starred: boolean;
  progress: number;
  text: string[];
  highlights: { quote: string; note?: string }[];
  /** The note on the whole article. */
  note?: string;
}

const PAGES = ['articles/newspaper4k/html/cnn_article.html', 'articles/newspaper4k/html/spanish_article.html', 'pages/aclu/source.html'];

/** The text of an article's blocks, one entry per block with text (images and rules carry none). */
function textOf(article: Article): string[] {
  return article.blocks.map((b) => (b.text ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

async function expectedOf(library: Library, id: string): Promise<Expected> {
  const a = await library.get(id);
  const marks = await readMarks(library, id);
  return {
    title: a.title,
    url: a.url,
    tags: [...a.tags].sort(),
    read: a.readAt !== null,
    starred: a.bookmarked,
    progress: a.progress,
    text: textOf(a),
    highlights: marks.highlights.map((h) => ({ quote: h.quote.exact, ...(h.note ? { note: h.note } : {}) })),
    ...(marks.note ? { note: marks.note.text } : {}),
  };
}

/** Builds the source library in `dir`; returns what each article holds, by title. */
async function buildSource(dir: string): Promise<Expected[]> {
  const library = await openLibrary({ dir });
  const ids: string[] = [];
  const sources = [SEED, ...PAGES.map((p) => join(CORPUS, p))];
  for (const [i, path] of sources.entries()) {
    const summary = await importSources(library, [{ kind: 'path', path }], { tags: [`t${i}`, 'round trip'], imageBudgetMs: 1 });
    const r = summary.results[0];
    if (!r?.ok) throw new Error(`fixture import failed: ${JSON.stringify(r)}`);
    ids.push(r.id);
  }
  const feedPath = join(CORPUS, 'feeds/rss-parser/input/content-encoded.rss');
  const feed = parseFeedBytes(new Uint8Array(await readFile(feedPath)), { url: 'https://feed.example/rss' });
  const item = feed.items.find((it) => it.link);
  if (!item) throw new Error('the corpus feed has no item with a link');
  const extracted = await buildArticle(item, feed, 'feed-1', { fullText: false });
  const [created] = await library.addMany([{ extracted: { ...extracted, blocks: extracted.blocks.filter((b) => b.type !== 'image') } }]);
  if (!created) throw new Error('feed item not added');
  ids.push(created.id);
  library.addTags(created.id, ['feed item']);

  const [seed, cnn, spanish, aclu, feedItem] = ids as [string, string, string, string, string];
  library.setRead(seed, true);
  library.setRead(spanish, true);
  library.setBookmarked(cnn, true);
  library.setRead(feedItem, true);
  library.setBookmarked(spanish, true);
  library.setProgress(cnn, 0.4);
  library.setProgress(feedItem, 0.75);
  for (const [id, note] of [
    [seed, 'The point of the whole piece.'],
    [cnn, undefined],
    [aclu, 'Check this against the report.'],
  ] as const) {
    const article = await library.get(id);
    const block = article.blocks.findIndex((b) => b.type === 'paragraph' && (b.text ?? '').length > 60);
    const text = (article.blocks[block]?.text ?? '') as string;
    const start = text.indexOf(' ') + 1;
    await addHighlight(library, id, { anchor: { block, start, end: start + 40 }, color: 'yellow', ...(note ? { note } : {}) });
  }
  // Notes on whole articles: one beside highlights, one on an article with no highlight at all.
  await changeMarks(library, seed, { op: 'note', text: 'Read again before the meeting.\nSecond line.' });
  await changeMarks(library, spanish, { op: 'note', text: 'Para la clase del jueves.' });
  const expected = await Promise.all(ids.map((id) => expectedOf(library, id)));
  await library.close();
  return expected;
}

let sourceDir: string;
let expected: Expected[];

beforeAll(async () => {
  // Not tempDir(): that folder is removed after each test, and every test exports this library.
  sourceDir = await mkdtemp(join(tmpdir(), 'kabar-roundtrip-'));
  expected = await buildSource(sourceDir);
}, 120_000);

afterAll(async () => {
  await rm(sourceDir, { recursive: true, force: true });
});

/** Exports the source library in `format` with the CLI and imports the file into a new, empty library. */
async function roundTrip(format: string, ext: string): Promise<Library> {
  const out = join(await tempDir('kabar-roundtrip-out-'), `library.${ext}`);
  const exported = await kabar(sourceDir, 'export-library', '--format', format, '--out', out);
  expect(exported.code, exported.err).toBe(0);
  const target = await tempDir('kabar-roundtrip-empty-');
  const imported = await kabar(target, 'import-library', out, '--no-fetch');
  expect(imported.code, imported.err + imported.out).toBe(0);
  return openLibrary({ dir: target });
}

function find(library: Library, e: Expected): string {
  const meta = library.allMeta().find((m) => (e.url ? m.url === e.url : m.title === e.title));
  if (!meta) throw new Error(`lost in the round trip: ${e.title} (${e.url ?? 'no address'})`);
  return meta.id;
}

describe('export, then import into an empty library', () => {
  it('wallabag JSON brings back every article: title, URL, tags, read, starred, progress, text, highlights with notes and the article note', async () => {
    expect(expected).toHaveLength(5);
    expect(expected.filter((e) => e.highlights.length > 0)).toHaveLength(3);
    expect(expected.filter((e) => e.note)).toHaveLength(2);
    const library = await roundTrip('wallabag-json', 'json');
    try {
      expect(library.allMeta().filter((m) => !m.deletedAt)).toHaveLength(expected.length);
      for (const e of expected) {
        const got = await expectedOf(library, find(library, e));
        expect(got, e.title).toEqual(e);
      }
    } finally {
      await library.close();
    }
  }, 120_000);

  it('Pocket CSV brings back URL, title, tags and read state of every article with a web address', async () => {
    const library = await roundTrip('pocket-csv', 'csv');
    try {
      const withUrl = expected.filter((e) => e.url);
      expect(library.allMeta()).toHaveLength(withUrl.length);
      for (const e of withUrl) {
        const m = library.meta(find(library, e));
        expect({ title: m.title, url: m.url, tags: [...m.tags].sort(), read: m.readAt !== null }).toEqual({ title: e.title, url: e.url, tags: e.tags, read: e.read });
      }
    } finally {
      await library.close();
    }
  }, 120_000);

  it('Netscape bookmarks bring back URL, title, tags and read state (TOREAD) of every article with a web address', async () => {
    const library = await roundTrip('netscape', 'html');
    try {
      const withUrl = expected.filter((e) => e.url);
      expect(library.allMeta()).toHaveLength(withUrl.length);
      for (const e of withUrl) {
        const m = library.meta(find(library, e));
        expect({ title: m.title, url: m.url, tags: [...m.tags].sort(), read: m.readAt !== null }).toEqual({ title: e.title, url: e.url, tags: e.tags, read: e.read });
      }
    } finally {
      await library.close();
    }
  }, 120_000);
});
