/** Highlights an import from another app stores quote-only (`highlights`, anchor null) join the highlights feature. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightFromQuote } from '../../../main/core/migrate/highlights';
import { catalogOf, changeMarks, openLibrary, readMarks } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

describe('imported quote-only highlights', () => {
  it('are placed by quote, counted, listed in the catalog, and folded into marks at the next change', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const extracted = article();
    const words = extracted.blocks[0]!.text.slice(5, 40);
    const quote = highlightFromQuote(words, '2026-01-01T00:00:00.000Z', 'dari Omnivore');
    const lost = highlightFromQuote('kalimat yang tidak ada di artikel ini', undefined);
    const [meta] = await library.addMany([{ extracted, highlights: [quote, lost] }]);
    const id = meta!.id;
    expect(library.meta(id).highlights).toBe(2);

    const marks = await readMarks(library, id);
    const placed = marks.highlights.find((h) => h.id === quote.id)!;
    expect(placed.anchor).not.toBeNull();
    expect(placed.detached).toBeFalsy();
    expect(placed.note).toBe('dari Omnivore');
    expect(marks.highlights.find((h) => h.id === lost.id)?.detached).toBe(true);
    const listed = await catalogOf(library).list({});
    expect(listed.items.map((e) => e.highlight.id).sort()).toEqual([quote.id, lost.id].sort());

    await changeMarks(library, id, { op: 'note', text: 'Catatan' });
    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as { highlights?: unknown; marks: { highlights: { id: string }[] } };
    expect(file.highlights).toBeUndefined();
    expect(file.marks.highlights.map((h) => h.id).sort()).toEqual([quote.id, lost.id].sort());
    await library.close();
  });
});
