/**
 * Damaged files: each case gives a clear report or error code, keeps the damaged bytes (moved or
 * copied aside, never overwritten), and leaves the rest of the library readable and writable.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KabarError } from '../../../main/core/errors';
import { openLibrary, type Library } from '../../../main/core/store';
import type { Translation } from '../../../main/core/types';
import { article, tempDir } from '../helpers';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof KabarError ? error.code : `not a KabarError: ${String(error)}`;
  }
}

/** A library with two articles in its last backup and a third added after it. */
async function libraryWithThree(): Promise<{ dir: string; ids: string[] }> {
  const dir = await tempDir();
  const first = await openLibrary({ dir });
  const a = (await first.add(article({ title: 'Pertama', url: 'https://example.com/a' }), { tags: ['satu'] })).meta.id;
  const b = (await first.add(article({ title: 'Kedua', url: 'https://example.com/b' }))).meta.id;
  first.setBookmarked(b, true);
  await first.close();
  const second = await openLibrary({ dir });
  const c = (await second.add(article({ title: 'Ketiga tambahan', url: 'https://example.com/c' }))).meta.id;
  await second.close();
  return { dir, ids: [a, b, c] };
}

async function expectUsable(library: Library, ids: string[]): Promise<void> {
  for (const id of ids) expect((await library.get(id)).blocks.length).toBeGreaterThan(0);
  expect((await library.search('tambahan')).map((h) => h.id)).toEqual([ids[2]]);
  library.addTags(ids[0] as string, ['sesudah']);
}

describe('a damaged library.json', () => {
  const cases: [string, (good: string) => string | Buffer][] = [
    ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['garbage bytes', () => Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x22])],
    ['empty', () => ''],
    ['valid JSON of the wrong shape', () => '{"articles":"none","schemaVersion":1}'],
    ['an array', () => '[1,2,3]'],
    ['articles without ids', () => '{"schemaVersion":1,"articles":[{"title":7}],"tags":[],"feeds":[],"settings":{}}'],
  ];
  for (const [name, damage] of cases) {
    it(`(${name}) is kept aside, the backup and the article files restore every article`, async () => {
      const { dir, ids } = await libraryWithThree();
      const bad = damage(await readFile(join(dir, 'library.json'), 'utf8'));
      await writeFile(join(dir, 'library.json'), bad);
      const library = await openLibrary({ dir });
      const report = library.recovery;
      expect(report?.movedAsideTo).toMatch(/library\.json\.damaged-/);
      expect(await readFile(report?.movedAsideTo as string)).toEqual(Buffer.from(bad));
      expect(report?.restoredFrom).toMatch(/backups/);
      expect(report?.articlesRecovered).toBe(1);
      expect(library.meta(ids[0] as string).tags).toEqual(['satu']);
      expect(library.meta(ids[1] as string).bookmarked).toBe(true);
      await expectUsable(library, ids);
      await library.close();
      const again = await openLibrary({ dir });
      expect(again.recovery).toBeNull();
      expect(again.meta(ids[0] as string).tags).toEqual(['satu', 'sesudah']);
      await again.close();
    });
  }
});

describe('a damaged article file', () => {
  for (const [name, damage] of [
    ['truncated', (good: string) => good.slice(0, 40)],
    ['garbage', () => '\u0000\u0001not json at all'],
    ['without blocks', () => '{"schemaVersion":1,"id":"x","blocks":"gone"}'],
  ] as [string, (good: string) => string][]) {
    it(`(${name}) says ARTICLE_DAMAGED, the others stay readable, and importing it again repairs it`, async () => {
      const { dir, ids } = await libraryWithThree();
      const [damaged, ...others] = ids as [string, ...string[]];
      const path = join(dir, 'articles', `${damaged}.json`);
      const bad = damage(await readFile(path, 'utf8'));
      await writeFile(path, bad);
      const library = await openLibrary({ dir });
      expect(library.recovery).toBeNull();
      expect(library.list().total).toBe(3);
      expect(await codeOf(library.get(damaged))).toBe('ARTICLE_DAMAGED');
      for (const id of others) expect((await library.get(id)).blocks.length).toBeGreaterThan(0);
      expect((await library.search('tambahan')).map((h) => h.id)).toEqual([ids[2]]);
      // A translation cannot be saved over it (that would overwrite what is left).
      expect(await codeOf(library.saveTranslation(damaged, translation('es', 'Primero')))).toBe('ARTICLE_DAMAGED');
      expect(await readFile(path, 'utf8')).toBe(bad);

      await library.add(article({ title: 'Pertama', url: 'https://example.com/a' }));
      const kept = await readdir(join(dir, 'damaged'));
      expect(kept).toHaveLength(1);
      expect(await readFile(join(dir, 'damaged', kept[0] as string), 'utf8')).toBe(bad);
      expect((await library.get(damaged)).blocks.length).toBeGreaterThan(0);
      expect(library.meta(damaged).tags).toEqual(['satu']);
      await library.close();
    });
  }
});

function translation(lang: string, title: string): Translation {
  return { lang, title, blocks: [{ type: 'paragraph', text: `${title} texto traducido` }], engine: 'apertium', createdAt: '2026-01-01T00:00:00.000Z' };
}

describe('a damaged translation inside an article file', () => {
  it('is left out of the article (named in damagedTranslations), kept on disk, and replaced only after a copy is kept', async () => {
    const { dir, ids } = await libraryWithThree();
    const id = ids[0] as string;
    const library = await openLibrary({ dir });
    await library.saveTranslation(id, translation('es', 'Primero'));
    await library.saveTranslation(id, translation('fr', 'Premier'));
    const path = join(dir, 'articles', `${id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as { translations: Record<string, unknown> };
    file.translations.es = { lang: 'es', title: 'Primero', blocks: 'cut short' };
    await writeFile(path, JSON.stringify(file));

    const read = await library.get(id);
    expect(Object.keys(read.translations)).toEqual(['fr']);
    expect(read.damagedTranslations).toEqual(['es']);
    await library.saveTranslation(id, translation('de', 'Erster'));
    const afterDe = JSON.parse(await readFile(path, 'utf8')) as { translations: Record<string, unknown> };
    expect(afterDe.translations.es).toEqual({ lang: 'es', title: 'Primero', blocks: 'cut short' });
    expect(Object.keys((await library.get(id)).translations).sort()).toEqual(['de', 'fr']);

    await library.saveTranslation(id, translation('es', 'Primero otra vez'));
    const kept = await readdir(join(dir, 'damaged'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, 'damaged', kept[0] as string), 'utf8')).toContain('"cut short"');
    const repaired = await library.get(id);
    expect(repaired.damagedTranslations).toBeUndefined();
    expect(repaired.translations.es?.title).toBe('Primero otra vez');
    await library.close();
  });
});

describe('a damaged search index', () => {
  for (const [name, file, given] of [
    ['manifest', 'manifest.json', '{"format":'],
    ['log', null, ''],
  ] as [string, string | null, string][]) {
    it(`(${name}) is moved aside and rebuilt from the article files; the library needs no recovery`, async () => {
      const { dir, ids } = await libraryWithThree();
      const indexDir = join(dir, 'index');
      const target = file ?? (await readdir(indexDir)).find((n) => n.startsWith('log-'));
      let bytes = given;
      if (file === null) {
        // The first logged document garbled, the ones after it intact: damage, not a torn tail.
        const lines = (await readFile(join(indexDir, target as string), 'utf8')).split('\n');
        lines[0] = 'x'.repeat((lines[0] as string).length);
        bytes = lines.join('\n');
      }
      await writeFile(join(indexDir, target as string), bytes);
      const library = await openLibrary({ dir });
      expect(library.recovery).toBeNull();
      expect(await readFile(join(`${indexDir}.damaged`, target as string), 'utf8')).toBe(bytes);
      await expectUsable(library, ids);
      await library.close();
    });
  }
});

describe('a damaged journal', () => {
  it('skips a damaged line in the middle, keeps every other change and a copy of the journal', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const id = (await library.add(article({ title: 'Berjurnal' }))).meta.id;
    library.addTags(id, ['a']);
    library.setBookmarked(id, true);
    // Not closed: the changes live only in the journal. Damage its second line.
    const path = join(dir, 'library.journal');
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[1] = '{"t":"put","meta":{"id":"' + '\u0000'.repeat(8);
    const damaged = lines.join('\n');
    await writeFile(path, damaged);

    const reopened = await openLibrary({ dir });
    expect(reopened.recovery?.cause).toBe('journal');
    expect(await readFile(reopened.recovery?.movedAsideTo as string, 'utf8')).toBe(damaged);
    expect(reopened.meta(id).bookmarked).toBe(true);
    expect(reopened.meta(id).tags).toEqual(['a']); // the bookmark line carried the whole metadata
    reopened.addTags(id, ['b']);
    await reopened.close();
    const third = await openLibrary({ dir });
    expect(third.recovery).toBeNull();
    expect(third.meta(id).tags).toEqual(['a', 'b']);
    await third.close();
  });
});
