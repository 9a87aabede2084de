/** Library export (issue 12): Netscape bookmarks, Pocket CSV and wallabag v2 JSON from a real library, checked by parsing them back. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../../../main/core/articles';
import { csvCell, exportLibrary, toWallabagEntry } from '../../../main/core/export';
import { CORPUS, tempDir } from '../helpers';
import { buildFixture, FORMULA_TITLE, type Fixture } from './fixture';

let fx: Fixture;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kabar-export-'));
  fx = await buildFixture(dir);
  fx.library.setRead(fx.arabic, true);
  fx.library.setBookmarked(fx.photos, true);
}, 120_000);

afterAll(async () => {
  await fx?.close();
  await rm(dir, { recursive: true, force: true });
});

/** RFC 4180 CSV → rows (quoted cells, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const endCell = (): void => {
    (rows[rows.length - 1] as string[]).push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\n') {
      endCell();
      rows.push([]);
    } else {
      cell += c;
    }
  }
  endCell();
  return rows;
}

describe('Pocket CSV', () => {
  it('defuses cells a spreadsheet would run as formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const bad of ['+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes Pocket’s columns; the formula title stays text; articles without a web address are left out', async () => {
    const out = join(dir, 'pocket.csv');
    const result = await exportLibrary(fx.library, { format: 'pocket-csv', out });
    expect(result).toMatchObject({ format: 'pocket-csv', articles: 3, skipped: 1, path: out });
    const text = await readFile(out, 'utf8');
    const [header, ...rows] = parseCsv(text);
    // The corpus's real Pocket export has the same header.
    expect(header?.join(',')).toBe((await readFile(join(CORPUS, 'imports/wallabag/pocket.csv'), 'utf8')).split('\n')[0]);
    expect(rows).toHaveLength(3);
    const byUrl = new Map(rows.map((r) => [r[1], r]));
    const formula = byUrl.get('https://evil.example/formula');
    expect(formula?.[0]).toBe(`'${FORMULA_TITLE}`);
    expect(formula?.[3]).toBe('formula|news');
    const arabic = rows.find((r) => r[3]?.startsWith('arab'));
    expect(arabic?.[0]).toBe(fx.library.meta(fx.arabic).title);
    expect(arabic?.[4]).toBe('archive');
    expect(Number(arabic?.[2])).toBe(Math.floor(Date.parse(fx.library.meta(fx.arabic).savedAt) / 1000));
    expect(rows.every((r) => r.length === 5 && !/^[=+\-@]/.test(r[0] as string))).toBe(true);
  });
});

describe('Netscape bookmarks', () => {
  it('writes a bookmark file a browser parses into one link per article with its date, tags and read state', async () => {
    const out = join(dir, 'bookmarks.html');
    const result = await exportLibrary(fx.library, { format: 'netscape', out, tags: ['news'] });
    expect(result.articles).toBe(3);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    const links = [...new JSDOM(html).window.document.querySelectorAll('dt > a')];
    expect(links.map((a) => a.getAttribute('href')).sort()).toEqual([fx.arabic, fx.photos, fx.formula].map((id) => fx.library.meta(id).url).sort());
    const arabic = links.find((a) => a.getAttribute('href') === fx.library.meta(fx.arabic).url);
    expect(arabic?.textContent).toBe(fx.library.meta(fx.arabic).title);
    expect(arabic?.getAttribute('tags')).toBe('arab,news');
    expect(arabic?.getAttribute('toread')).toBe('0');
    const photos = links.find((a) => a.getAttribute('href') === fx.library.meta(fx.photos).url);
    expect(photos?.getAttribute('toread')).toBe('1');
    expect(Number(photos?.getAttribute('add_date'))).toBe(Math.floor(Date.parse(fx.library.meta(fx.photos).savedAt) / 1000));
    expect(links.find((a) => a.getAttribute('href') === 'https://evil.example/formula')?.textContent).toBe(FORMULA_TITLE);
  });
});

describe('wallabag v2 JSON', () => {
  it('has the shape of wallabag’s own v2 export (the corpus sample) with content, tags and states', async () => {
    const out = join(dir, 'wallabag.json');
    const result = await exportLibrary(fx.library, { format: 'wallabag-json', out });
    expect(result.articles).toBe(4);
    const entries = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>[];
    const sample = JSON.parse(await readFile(join(CORPUS, 'imports/wallabag/wallabag-v2.json'), 'utf8')) as Record<string, unknown>[];
    // Every key wallabag writes in its sample, with the same JSON type (null where Kabar has no value).
    const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
    for (const entry of entries) {
      for (const [key, value] of Object.entries(sample[3] as Record<string, unknown>)) {
        expect(key in entry, key).toBe(true);
        if (entry[key] !== null) expect([typeOf(value), key === 'id' ? 'number' : typeOf(value)]).toContain(typeOf(entry[key]));
      }
      expect(entry.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
      expect(entry.mimetype).toBe('text/html');
    }
    const byTitle = new Map(entries.map((e) => [e.title, e]));
    const arabic = byTitle.get(fx.library.meta(fx.arabic).title);
    expect(arabic).toMatchObject({ is_archived: 1, is_starred: 0, language: 'ar', tags: ['arab', 'news'], url: fx.library.meta(fx.arabic).url });
    expect(byTitle.get(fx.library.meta(fx.photos).title)).toMatchObject({ is_archived: 0, is_starred: 1, domain_name: '127.0.0.1' });
    expect(byTitle.get(fx.library.meta(fx.seed).title)).toMatchObject({ url: null, language: 'id', tags: ['seed', 'news'] });
  });

  it('keeps the article text: content read back through the import pipeline gives the same text', async () => {
    for (const id of [fx.arabic, fx.photos, fx.formula, fx.seed]) {
      const article = await fx.library.get(id);
      const entry = toWallabagEntry(article, 1);
      const back = parseHtml(`<html><head><title>${entry.title}</title></head><body>${entry.content}</body></html>`, article.url);
      const text = (blocks: { type: string; text: string }[]): string => blocks.filter((b) => b.type !== 'image').map((b) => b.text).join('\n');
      expect(text(back.blocks), article.title).toBe(text(article.blocks));
    }
  });
});

describe('scope and bad input', () => {
  it('exports a search result, chosen ids, a tag, and into a folder', async () => {
    const folder = join(dir, 'out-folder');
    await mkdir(folder);
    const bySearch = await exportLibrary(fx.library, { format: 'wallabag-json', out: folder, search: 'Semarang', now: new Date('2026-01-02T03:04:05Z') });
    expect(bySearch.path).toBe(join(folder, 'kabar-2026-01-02.json'));
    expect((JSON.parse(await readFile(bySearch.path, 'utf8')) as { title: string }[]).map((e) => e.title)).toEqual([fx.library.meta(fx.seed).title]);
    const byIds = await exportLibrary(fx.library, { format: 'netscape', out: join(dir, 'ids.html'), ids: [fx.photos, fx.arabic] });
    expect(byIds.articles).toBe(2);
    const byTag = await exportLibrary(fx.library, { format: 'wallabag-json', out: join(dir, 'tag.json'), tags: ['photos'] });
    expect(byTag.articles).toBe(1);
  });

  it('refuses an unknown format, an empty scope and bookmarks of articles without an address, writing nothing', async () => {
    const out = join(dir, 'never.csv');
    await expect(exportLibrary(fx.library, { format: 'docx', out })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(exportLibrary(fx.library, { format: 'pocket-csv', out, tags: ['no-such-tag'] })).rejects.toMatchObject({ code: 'NOTHING_TO_EXPORT' });
    await expect(exportLibrary(fx.library, { format: 'pocket-csv', out, ids: [fx.seed] })).rejects.toMatchObject({ code: 'NOTHING_TO_EXPORT', params: { reason: 'no-url' } });
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails with a clear code when the target cannot be written, and leaves an existing file as it was', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'keep me');
    await expect(exportLibrary(fx.library, { format: 'netscape', out: join(blocked, 'x.html') })).rejects.toMatchObject({ code: 'IO' });
    expect(await readFile(blocked, 'utf8')).toBe('keep me');
  });

  it('leaves out an article whose file is damaged, names it, and exports the others', async () => {
    const scratch = await tempDir();
    const other = await buildFixture(scratch);
    try {
      await writeFile(join(scratch, 'library', 'articles', `${other.photos}.json`), '{ not json');
      const result = await exportLibrary(other.library, { format: 'wallabag-json', out: join(scratch, 'w.json') });
      expect(result.damaged).toEqual([other.photos]);
      expect(result.articles).toBe(3);
    } finally {
      await other.close();
    }
  }, 120_000);
});
