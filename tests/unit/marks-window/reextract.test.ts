/** A body extracted again (a link entry's page fetched) re-anchors the article's highlights and saves them. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../main/core/importer';
import { addHighlight, openLibrary } from '../../../main/core/store';
import type { Block } from '../../../main/core/types';
import { SEED, tempDir } from '../helpers';

interface StoredMarks {
  marks: { highlights: { quote: { exact: string }; anchor: { block: number; start: number; end: number } | null; detached?: boolean }[] };
}

describe('re-extraction re-anchors highlights', () => {
  it('moves highlights to where their quote now reads, keeps a vanished one detached, and writes both to the file', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const summary = await importSources(library, [{ kind: 'path', path: SEED }]);
    const id = (summary.results[0] as { id: string }).id;
    const before = await library.get(id);
    const at = (words: string) => {
      const block = before.blocks.findIndex((b) => b.text.includes(words));
      const start = before.blocks[block]!.text.indexOf(words);
      return { block, start, end: start + words.length };
    };
    const moore = at('Sir Richard Moore');
    await addHighlight(library, id, { anchor: moore, color: 'yellow' });
    await addHighlight(library, id, { anchor: at('raja mata-mata'), color: 'blue' });

    // The page comes back with a new lead paragraph, an edited neighbour sentence and without the spies' paragraph.
    const blocks: Block[] = [{ type: 'paragraph', text: 'Catatan redaksi: artikel ini diperbarui.' }];
    for (const b of before.blocks) {
      if (b.text.includes('raja mata-mata')) continue;
      blocks.push(b.text.includes('Sir Richard Moore') ? { ...b, text: `Menurut laporan, ${b.text}` } : b);
    }
    await library.fillLink(id, { title: before.title, lang: before.lang, dir: before.dir, blocks, excerpt: '', url: 'https://example.com/a', source: 'url' });

    const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as StoredMarks;
    const [first, second] = file.marks.highlights;
    expect(first?.quote.exact).toBe('Sir Richard Moore');
    expect(first?.anchor?.block).toBe(moore.block + 1);
    expect(first?.anchor?.start).toBe(moore.start + 'Menurut laporan, '.length);
    expect(first?.detached).toBeUndefined();
    expect(blocks[first!.anchor!.block]!.text.slice(first!.anchor!.start, first!.anchor!.end)).toBe('Sir Richard Moore');
    expect(second?.quote.exact).toBe('raja mata-mata');
    expect(second?.detached).toBe(true);
    await library.close();
  });
});
