/** OPML import over the corpus (real exports, listparser's cases, malformed files) and a lossless round trip. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFeed, exportOpml, FeedError, importOpml, parseOpmlBytes, readFeeds } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { CORPUS, tempDir } from '../helpers';

const OPML = join(CORPUS, 'feeds', 'opml');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

let library: Library;
beforeEach(async () => {
  library = await openLibrary({ dir: await tempDir() });
});
afterEach(() => library.close());

describe('OPML import', () => {
  it('reads every corpus file to feeds or a clear error, never a crash', () => {
    let ok = 0;
    const errors: string[] = [];
    for (const file of walk(OPML)) {
      try {
        parseOpmlBytes(readFileSync(file));
        ok += 1;
      } catch (error) {
        expect(error, file).toBeInstanceOf(FeedError);
        expect((error as FeedError).code).toBe('FEED_MALFORMED');
        errors.push(relative(OPML, file));
      }
    }
    console.log(`[opml corpus] ${ok} read, ${errors.length} refused with FEED_MALFORMED: ${errors.join(', ')}`);
    // The well-formed exports always parse.
    expect(errors.filter((e) => !/malformed/.test(e))).toEqual([]);
  });

  it("agrees with listparser's Eval lines on feed counts, urls and titles", () => {
    let checked = 0;
    let agreed = 0;
    const misses: string[] = [];
    for (const file of walk(join(OPML, 'listparser'))) {
      const text = readFileSync(file, 'latin1');
      let doc: ReturnType<typeof parseOpmlBytes> | undefined;
      try {
        doc = parseOpmlBytes(readFileSync(file));
      } catch {
        doc = undefined;
      }
      for (const m of text.matchAll(/Eval:\s*(.+)/g)) {
        const clause = (m[1] as string).replace(/"/g, "'").trim();
        const len = /^len\(result\['feeds'\]\) == (\d+)$/.exec(clause);
        const field = /^result\['feeds'\]\[0\]\['(url|title)'\] == '(.*)'$/.exec(clause);
        if (!len && !field) continue;
        checked += 1;
        const got = len ? doc?.feeds.length : field?.[1] === 'url' ? doc?.feeds[0]?.url : doc?.feeds[0]?.title;
        const want = len ? Number(len[1]) : field?.[2];
        if (got === want) agreed += 1;
        else misses.push(`${relative(OPML, file)}: ${clause} (got ${JSON.stringify(got)})`);
      }
    }
    console.log(`[opml corpus] listparser Eval agreement: ${agreed}/${checked}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(agreed / checked).toBeGreaterThan(0.8);
  });

  it('imports the real exports with nested folders', () => {
    const subs = parseOpmlBytes(readFileSync(join(OPML, 'rsparser', 'Subs.opml')));
    expect(subs.feeds.length).toBeGreaterThan(50);
    expect(subs.feeds.some((f) => f.folder.length > 0)).toBe(true);
    const top = parseOpmlBytes(readFileSync(join(OPML, 'node-opmlparser', 'top100.opml')));
    expect(top.feeds.length).toBeGreaterThanOrEqual(90);
    const nested = parseOpmlBytes(
      new TextEncoder().encode(
        '<opml version="2.0"><body><outline text="News"><outline text="World"><outline type="rss" text="A" xmlUrl="http://a.example/feed"/></outline></outline><outline text="B" xmlUrl="http://b.example/rss"/></body></opml>',
      ),
    );
    expect(nested.feeds).toEqual([
      { url: 'http://a.example/feed', title: 'A', folder: ['News', 'World'] },
      { url: 'http://b.example/rss', title: 'B', folder: [] },
    ]);
  });

  it('round-trips losslessly: import → export → import gives the same feeds, folders and settings', async () => {
    const bytes = readFileSync(join(OPML, 'rsparser', 'Subs.opml'));
    const first = importOpml(library, bytes, new Date());
    expect(first.added.length).toBeGreaterThan(50);
    const [one] = readFeeds(library);
    editFeed(library, one?.id as string, { fullText: true, keepDays: 14, title: 'Renamed & "quoted" <ok>', folder: ['Één', 'Zwei/Drei'] });
    const before = readFeeds(library).map(({ url, title, folder, siteUrl, fullText, keepDays }) => ({ url, title, folder, siteUrl, fullText, keepDays }));
    const text = exportOpml(library, new Date());
    const other = await openLibrary({ dir: await tempDir() });
    try {
      importOpml(other, new TextEncoder().encode(text), new Date());
      const after = readFeeds(other).map(({ url, title, folder, siteUrl, fullText, keepDays }) => ({ url, title, folder, siteUrl, fullText, keepDays }));
      const sort = (a: { url: string }, b: { url: string }): number => (a.url < b.url ? -1 : 1);
      expect(after.sort(sort)).toEqual(before.sort(sort));
      expect(exportOpml(other, new Date(0))).toBe(exportOpml(library, new Date(0)));
    } finally {
      await other.close();
    }
    // importing the same file again adds nothing
    expect(importOpml(library, bytes, new Date()).added).toEqual([]);
  });
});
