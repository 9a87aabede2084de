/**
 * library.json's one-article-a-line layout (main/core/store/json-lines.ts): plain JSON to any
 * reader, read back line by line through a 64 KB buffer whose ends cut UTF-8 sequences and lines.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonLinesFile, toJsonLines, writeJsonLinesFile } from '../../../main/core/store/json-lines';
import { tempDir } from '../helpers';

const SCRIPTS = ['Berita hari ini', '今日のニュース', 'أخبار اليوم', 'ข่าววันนี้', 'Emoji 😀🇮🇩 at the end', 'line\nbreak "quoted" \\ slash'];

function library(count: number): Record<string, unknown> {
  const articles = Array.from({ length: count }, (_, i) => ({ id: i.toString(16).padStart(16, '0'), title: `${SCRIPTS[i % SCRIPTS.length]} ${'ä'.repeat(i % 97)}`, tags: [`t${i % 5}`] }));
  return { schemaVersion: 2, tags: ['t0', 'Köln'], feeds: [{ id: 'f', title: '"articles":[' }], settings: { uiLang: 'id' }, articles };
}

describe('library.json one article a line', () => {
  it('is plain JSON, and reads back equal across many 64 KB chunks that cut lines and characters', async () => {
    const dir = await tempDir();
    const data = library(4000);
    const text = toJsonLines(data, 'articles');
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 64 * 1024);
    expect(text.split('\n')).toHaveLength(4000 + 2);
    expect(JSON.parse(text)).toEqual(data);
    writeFileSync(join(dir, 'library.json'), text);
    expect(await readJsonLinesFile(join(dir, 'library.json'), 'articles')).toEqual(data);
    // The writer streams the same text, a thousand lines at a time (4,000: four chunks), atomically.
    await writeJsonLinesFile(join(dir, 'written.json'), data, 'articles');
    expect(readFileSync(join(dir, 'written.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['library.json', 'written.json']);
    for (const count of [0, 1, 1000, 1001]) {
      const small = { schemaVersion: 2, articles: Array.from({ length: count }, (_, i) => ({ id: String(i) })) };
      await writeJsonLinesFile(join(dir, 'small.json'), small, 'articles');
      expect(readFileSync(join(dir, 'small.json'), 'utf8')).toBe(toJsonLines(small, 'articles'));
    }
  });

  it('reads an empty list, an older single-line file and a hand-edited pretty one', async () => {
    const dir = await tempDir();
    const path = join(dir, 'library.json');
    const empty = { schemaVersion: 2, articles: [] };
    writeFileSync(path, toJsonLines(empty, 'articles'));
    expect(await readJsonLinesFile(path, 'articles')).toEqual(empty);
    const data = library(50);
    writeFileSync(path, JSON.stringify(data));
    expect(await readJsonLinesFile(path, 'articles')).toEqual(data);
    writeFileSync(path, JSON.stringify(data, null, 2));
    expect(await readJsonLinesFile(path, 'articles')).toEqual(data);
    expect(toJsonLines({ articles: [1, 2] }, 'articles')).toBe('{"articles":[\n1,\n2\n]}');
  });

  it('refuses a file cut short or damaged with a SyntaxError, as JSON.parse would', async () => {
    const dir = await tempDir();
    const path = join(dir, 'library.json');
    const text = toJsonLines(library(300), 'articles');
    writeFileSync(path, text.slice(0, text.length - 40));
    await expect(readJsonLinesFile(path, 'articles')).rejects.toThrow(SyntaxError);
    writeFileSync(path, text.replace('"t3"]}', '"t3"]'));
    await expect(readJsonLinesFile(path, 'articles')).rejects.toThrow(SyntaxError);
    writeFileSync(path, text.replace(/\n\]\}$/, '\n'));
    await expect(readJsonLinesFile(path, 'articles')).rejects.toThrow(SyntaxError);
  });
});
