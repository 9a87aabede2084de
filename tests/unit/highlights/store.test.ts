/** Highlights in the store: with the article file, across restarts, translations, backups and damage. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../../main/core/export';
import { importSources } from '../../../main/core/importer';
import { addHighlight, catalogOf, CATALOG_CACHE, changeMarks, importHighlights, openLibrary, readMarks } from '../../../main/core/store';
import type { Library } from '../../../main/core/store';
import { article, SEED, tempDir } from '../helpers';

/** A library with the seed article imported; returns it and the seed's id. */
async function withSeed(dir: string): Promise<{ library: Library; id: string }> {
  const library = await openLibrary({ dir });
  const summary = await importSources(library, [{ kind: 'path', path: SEED }]);
  const first = summary.results[0];
  if (!first?.ok) throw new Error('seed import failed');
  return { library, id: first.id };
}

/** An anchor on the first occurrence of `words` in the article's blocks. */
async function anchorOf(library: Library, id: string, words: string): Promise<{ block: number; start: number; end: number }> {
  const { blocks } = await library.get(id);
  const block = blocks.findIndex((b) => b.text.includes(words));
  expect(block).toBeGreaterThanOrEqual(0);
  const start = blocks[block]!.text.indexOf(words);
  return { block, start, end: start + words.length };
}

describe('highlights in the store', () => {
  it('are written into articles/<id>.json, counted in the metadata, and survive a restart', async () => {
    const dir = await tempDir();
    const { library, id } = await withSeed(dir);
    const { blocks } = await library.get(id);
    const words = blocks.find((b) => b.text.length > 80)!.text.slice(10, 60);
    const made = await addHighlight(library, id, { anchor: await anchorOf(library, id, words), color: 'green', note: 'catatan' });
    expect(made.highlight?.quote.exact).toBe(words);
    expect(library.meta(id).highlights).toBe(1);
    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as { marks: { highlights: unknown[] } };
    expect(file.marks.highlights).toHaveLength(1);
    await changeMarks(library, id, { op: 'note', text: 'Catatan artikel' });
    await library.close();

    const again = await openLibrary({ dir });
    const marks = await readMarks(again, id);
    expect(marks.highlights.map((h) => [h.quote.exact, h.color, h.note])).toEqual([[words, 'green', 'catatan']]);
    expect(marks.note?.text).toBe('Catatan artikel');
    expect(again.meta(id).highlights).toBe(1);
    await again.close();
  });

  it('undo brings back a deleted highlight with its id, and removes an added one', async () => {
    const dir = await tempDir();
    const { library, id } = await withSeed(dir);
    const added = await addHighlight(library, id, { anchor: await anchorOf(library, id, 'Sir Richard Moore'), color: 'yellow' });
    const deleted = await changeMarks(library, id, { op: 'delete', id: added.highlight!.id });
    expect((await readMarks(library, id)).highlights).toHaveLength(0);
    expect(library.meta(id).highlights).toBeUndefined();
    await changeMarks(library, id, deleted.undo);
    expect((await readMarks(library, id)).highlights.map((h) => h.id)).toEqual([added.highlight!.id]);
    await changeMarks(library, id, added.undo);
    expect((await readMarks(library, id)).highlights).toHaveLength(0);
    await library.close();
  });

  it('are kept when a translation is saved, and a highlight on the translation carries its language', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article());
    await addHighlight(library, meta.id, { anchor: { block: 2, start: 0, end: 10 }, color: 'blue' });
    await library.saveTranslation(meta.id, {
      lang: 'en',
      title: 'Direct contact',
      engine: 'test-fixture',
      createdAt: new Date().toISOString(),
      blocks: [{ type: 'paragraph', text: 'Direct contact.' }, { type: 'heading', text: 'Back channel' }, { type: 'paragraph', text: 'The communication between two spymasters.' }],
    });
    const onTranslation = await addHighlight(library, meta.id, { anchor: { block: 2, start: 4, end: 17 }, color: 'pink', lang: 'en' });
    expect(onTranslation.highlight).toMatchObject({ lang: 'en', quote: { exact: 'communication' } });
    const marks = await readMarks(library, meta.id);
    expect(marks.highlights.map((h) => [h.quote.exact, h.lang ?? null])).toEqual([
      ['Komunikasi', null],
      ['communication', 'en'],
    ]);
    await expect(addHighlight(library, meta.id, { anchor: { block: 0, start: 0, end: 3 }, color: 'pink', lang: 'fr' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await library.close();
  });

  it('places imported quote-only highlights, keeps unplaceable ones detached, and adds nothing on re-import', async () => {
    const dir = await tempDir();
    const { library, id } = await withSeed(dir);
    const at = '2025-01-01T00:00:00.000Z';
    const incoming = [
      { id: 'o1', createdAt: at, updatedAt: at, color: 'yellow' as const, anchor: null, quote: { exact: 'Sir Richard Moore', prefix: '', suffix: '' } },
      { id: 'o2', createdAt: at, updatedAt: at, color: 'yellow' as const, anchor: null, quote: { exact: 'words that are not in the seed', prefix: '', suffix: '' }, note: 'kept' },
    ];
    const added = await importHighlights(library, id, incoming);
    expect(added.map((h) => [h.id, Boolean(h.detached), h.anchor !== null])).toEqual([
      ['o1', false, true],
      ['o2', true, false],
    ]);
    expect(await importHighlights(library, id, incoming)).toEqual([]);
    expect((await readMarks(library, id)).highlights).toHaveLength(2);
    await library.close();
  });

  it('keeps entries it cannot read, and writes them back untouched', async () => {
    const dir = await tempDir();
    const { library, id } = await withSeed(dir);
    const path = join(dir, 'articles', `${id}.json`);
    const file = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const strange = { id: 'x', color: 'ultraviolet', quote: 42 };
    file.marks = { highlights: [strange] };
    await writeFile(path, JSON.stringify(file));
    await addHighlight(library, id, { anchor: await anchorOf(library, id, 'Sir Richard Moore'), color: 'yellow' });
    const after = JSON.parse(await readFile(path, 'utf8')) as { marks: { highlights: unknown[]; damaged: unknown[] } };
    expect(after.marks.damaged).toEqual([strange]);
    expect(after.marks.highlights).toHaveLength(1);
    await library.close();
  });

  it('survive a backup and restore', async () => {
    const dir = await tempDir();
    const { library, id } = await withSeed(dir);
    await addHighlight(library, id, { anchor: await anchorOf(library, id, 'Sir Richard Moore'), color: 'purple', note: 'cadangan' });
    const archive = join(await tempDir(), 'backup.tar.gz');
    await library.compact();
    await createBackup(dir, archive, new Date());
    await changeMarks(library, id, { op: 'note', text: 'after the backup' });
    await library.close();
    await restoreBackup(dir, archive, new Date());
    const restored = await openLibrary({ dir });
    const marks = await readMarks(restored, id);
    expect(marks.highlights.map((h) => [h.color, h.note])).toEqual([['purple', 'cadangan']]);
    expect(marks.note).toBeUndefined();
    // The catalog agrees with the restored files even though its cache was written before the restore.
    expect((await catalogOf(restored).list()).items.map((e) => e.highlight.note)).toEqual(['cadangan']);
    await restored.close();
  });
});

describe('the highlight catalog', () => {
  it('lists newest first with filters, searches text and notes, and reuses its cache after a restart', async () => {
    const dir = await tempDir();
    let tick = Date.parse('2026-03-01T00:00:00Z');
    const now = (): Date => new Date((tick += 1000));
    const library = await openLibrary({ dir, now });
    const a = (await library.add(article({ title: 'Kontak langsung', lang: 'id' }), { tags: ['politik'] })).meta;
    const b = (await library.add(article({ title: 'Another story', lang: 'en', blocks: [{ type: 'paragraph', text: 'Ministers met in Jakarta on Monday to talk about trade.' }] }))).meta;
    await addHighlight(library, a.id, { anchor: { block: 2, start: 0, end: 10 }, color: 'yellow', note: 'prinsip penting' });
    await addHighlight(library, b.id, { anchor: { block: 0, start: 0, end: 13 }, color: 'green' });
    await addHighlight(library, b.id, { anchor: { block: 0, start: 17, end: 24 }, color: 'yellow', note: 'capital city' });
    const catalog = catalogOf(library);
    expect((await catalog.list()).items.map((e) => e.highlight.quote.exact)).toEqual(['Jakarta', 'Ministers met', 'Komunikasi']);
    expect((await catalog.list({ color: 'yellow' })).total).toBe(2);
    expect((await catalog.list({ tag: 'POLITIK' })).items.map((e) => e.articleId)).toEqual([a.id]);
    expect((await catalog.list({ lang: 'en' })).total).toBe(2);
    expect((await catalog.list({ articleId: b.id, limit: 1 })).items).toHaveLength(1);
    const byNote = await catalog.search('capit');
    expect(byNote.map((h) => h.highlight.quote.exact)).toEqual(['Jakarta']);
    expect(byNote[0]!.note?.some((p) => p.hit && p.text.toLowerCase() === 'capital')).toBe(true);
    expect((await catalog.search('komunikasi prinsip')).map((h) => h.articleId)).toEqual([a.id]);
    expect(await catalog.search('nothing-like-this')).toEqual([]);
    await library.delete(b.id);
    expect((await catalog.list()).total).toBe(1);
    await catalog.save();
    await library.close();

    const cache = JSON.parse(await readFile(join(dir, CATALOG_CACHE), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries).sort()).toEqual([a.id, b.id].sort());
    // The cache is only a shortcut: without it the catalog is rebuilt from the article files.
    await rm(join(dir, CATALOG_CACHE));
    const again = await openLibrary({ dir });
    expect((await catalogOf(again).list({ trash: true })).total).toBe(3);
    await again.close();
  });
});
