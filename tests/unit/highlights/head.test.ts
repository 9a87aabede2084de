/**
 * The Highlights view's first page from `highlights.head.json` (marks-head.ts): served while the
 * catalog is not loaded only when it still describes the library, and equal to the full list.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../main/core/importer';
import { addHighlight, catalogOf, CATALOG_HEAD, openLibrary, type Library } from '../../../main/core/store';
import { SEED, tempDir } from '../helpers';

/** A library with the seed and three highlights, its catalog saved (cache and head); closed. */
async function prepared(dir: string): Promise<string> {
  const library = await openLibrary({ dir });
  const summary = await importSources(library, [{ kind: 'path', path: SEED }]);
  const first = summary.results[0];
  if (!first?.ok) throw new Error('seed import failed');
  const { blocks } = await library.get(first.id);
  const block = blocks.findIndex((b) => b.text.length > 80);
  for (const start of [0, 20, 40]) await addHighlight(library, first.id, { anchor: { block, start, end: start + 12 }, color: 'yellow' });
  await catalogOf(library).save();
  await library.close();
  return first.id;
}

/** The first page as served at once (from the head when it is valid), then after the full catalog loaded. */
async function pageAndTruth(library: Library): Promise<{ early: unknown; full: unknown }> {
  const early = await catalogOf(library).list({ limit: 2 });
  await catalogOf(library).ready();
  const full = await catalogOf(library).list({ limit: 2 });
  return { early, full };
}

describe('the first page of highlights from the head file', () => {
  it('equals the full list after a restart', async () => {
    const dir = await tempDir();
    await prepared(dir);
    const library = await openLibrary({ dir });
    const { early, full } = await pageAndTruth(library);
    expect(early).toEqual(full);
    expect((full as { total: number }).total).toBe(3);
    await library.close();
  });

  it('is used: a head that disagrees with the cache but matches the library is what the first call returns', async () => {
    const dir = await tempDir();
    await prepared(dir);
    const head = JSON.parse(await readFile(join(dir, CATALOG_HEAD), 'utf8')) as { total: number };
    await writeFile(join(dir, CATALOG_HEAD), JSON.stringify({ ...head, total: 99 }));
    const library = await openLibrary({ dir });
    expect((await catalogOf(library).list({ limit: 2 })).total).toBe(99);
    await library.close();
  });

  it('is not used once the library changed: a trashed article or a new highlight', async () => {
    const dir = await tempDir();
    const id = await prepared(dir);
    let library = await openLibrary({ dir });
    await library.delete(id);
    await library.close(); // The catalog was never loaded, so no new head was written.
    library = await openLibrary({ dir });
    expect((await catalogOf(library).list({ limit: 2 })).total).toBe(0);
    await library.close();

    const other = await tempDir();
    const id2 = await prepared(other);
    library = await openLibrary({ dir: other });
    const { blocks } = await library.get(id2);
    await addHighlight(library, id2, { anchor: { block: blocks.findIndex((b) => b.text.length > 80), start: 60, end: 70 }, color: 'blue' });
    await library.close();
    library = await openLibrary({ dir: other });
    expect((await catalogOf(library).list({ limit: 2 })).total).toBe(4);
    await library.close();
  });

  it('is not used for a filtered list, and a missing or broken head only means the catalog loads first', async () => {
    const dir = await tempDir();
    await prepared(dir);
    await writeFile(join(dir, CATALOG_HEAD), '{"v":1,');
    let library = await openLibrary({ dir });
    expect((await catalogOf(library).list({ limit: 2 })).total).toBe(3);
    await library.close();
    await rm(join(dir, CATALOG_HEAD));
    library = await openLibrary({ dir });
    expect((await catalogOf(library).list({ color: 'blue' })).total).toBe(0);
    expect((await catalogOf(library).list({ limit: 2 })).total).toBe(3);
    // Once loaded, the catalog writes the head that was missing, so the next start can use it.
    await expect.poll(() => readFile(join(dir, CATALOG_HEAD), 'utf8').then(() => true, () => false)).toBe(true);
    await library.close();
  });
});
