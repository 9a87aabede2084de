/** A smart view chosen in the sidebar: the article list narrowed by a query in the search syntax. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSources } from '../../../main/core/importer';
import { addHighlight, listByQuery, openLibrary } from '../../../main/core/store';
import { CORPUS, SEED, tempDir } from '../helpers';

describe('listByQuery', () => {
  it('pages the matching articles with the list filters applied first; a malformed query answers QUERY_*', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const arabic = join(CORPUS, 'articles', 'newspaper4k', 'html', 'arabic_article.html');
    const summary = await importSources(library, [{ kind: 'path', path: SEED }, { kind: 'path', path: arabic }]);
    const [seed, other] = summary.results.map((r) => (r as { id: string }).id) as [string, string];
    const { blocks } = await library.get(seed);
    const block = blocks.findIndex((b) => b.text.includes('Sir Richard Moore'));
    const start = blocks[block]!.text.indexOf('Sir Richard Moore');
    await addHighlight(library, seed, { anchor: { block, start, end: start + 17 }, color: 'pink' });

    expect((await listByQuery(library, { query: 'is:highlighted' })).items.map((m) => m.id)).toEqual([seed]);
    expect((await listByQuery(library, { query: 'lang:ar' })).items.map((m) => m.id)).toEqual([other]);
    const both = await listByQuery(library, { query: 'lang:ar OR is:highlighted', limit: 1, offset: 1 });
    expect(both.total).toBe(2);
    expect(both.items).toHaveLength(1);
    // The list's own filter (bookmarked) comes first: nothing is bookmarked.
    expect((await listByQuery(library, { query: 'is:highlighted', bookmarked: true })).total).toBe(0);
    await expect(listByQuery(library, { query: 'is:nonsense' })).rejects.toMatchObject({ code: 'QUERY_BAD_VALUE' });
    await library.close();
  });
});
