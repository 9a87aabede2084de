/** The store methods translation uses: saveTranslation (file + index) and setSourceLang. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import type { Translation } from '../../../main/core/types';
import { article, tempDir } from '../helpers';

const translation = (lang: string, word: string): Translation => ({
  lang,
  title: `Judul ${word}`,
  blocks: [{ type: 'paragraph', text: `Terjemahan dengan kata ${word}.` }],
  engine: 'apertium',
  model: 'ind-zlm',
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('library translations', () => {
  it('stores translations in the article file, indexes their words, and keeps them through trash, restore and an index rebuild', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article());
    const changed: string[][] = [];
    library.onChange((ids) => changed.push(ids));

    await library.saveTranslation(meta.id, translation('ms', 'zorbakata'));
    await library.saveTranslation(meta.id, translation('en', 'quuxword'));
    expect(changed).toEqual([[meta.id], [meta.id]]);
    expect(Object.keys((await library.get(meta.id)).translations).sort()).toEqual(['en', 'ms']);
    expect((await library.search('zorbakata')).map((h) => h.id)).toEqual([meta.id]);
    expect((await library.search('quuxword')).map((h) => h.id)).toEqual([meta.id]);

    // Replacing the Malay translation drops its old words from the index.
    await library.saveTranslation(meta.id, translation('ms', 'plinkety'));
    expect(await library.search('zorbakata')).toEqual([]);
    expect((await library.search('plinkety')).map((h) => h.id)).toEqual([meta.id]);

    await library.delete(meta.id);
    expect(await library.search('plinkety')).toEqual([]);
    await library.restore(meta.id);
    expect((await library.search('plinkety')).map((h) => h.id)).toEqual([meta.id]);
    await library.close();

    // A lost index is rebuilt with the translations too.
    await rm(join(dir, 'index'), { recursive: true, force: true });
    const again = await openLibrary({ dir });
    expect((await again.search('plinkety')).map((h) => h.id)).toEqual([meta.id]);
    expect((await again.get(meta.id)).translations.ms?.title).toBe('Judul plinkety');
    await again.close();
  });

  it('remembers the user’s correction of the article language', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article());
    expect(library.setSourceLang(meta.id, ' MS ').lang).toBe('ms');
    expect(library.list({ lang: 'ms' }).total).toBe(1);
    await library.close();
    const again = await openLibrary({ dir });
    expect(again.meta(meta.id).lang).toBe('ms');
    await again.close();
  });
});
