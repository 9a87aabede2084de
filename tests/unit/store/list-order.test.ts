/**
 * library.json keeps articles oldest first, so the first list after open only checks the order
 * and reverses it. The fast path must give exactly the full sort's order, whatever the input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { sortArticles } from '../../../main/core/store/query';
import type { ArticleMeta } from '../../../main/core/types';
import { article, tempDir } from '../helpers';

function meta(i: number, savedAt: string, publishedAt?: string): ArticleMeta {
  return { id: (0x1000 + i).toString(16).padStart(16, '0'), savedAt, ...(publishedAt ? { publishedAt } : {}) } as ArticleMeta;
}

/** The full sort alone (the fast path never applies to a shuffled list of distinct ids and times). */
function referenceSort(list: ArticleMeta[], sort: 'savedAt' | 'publishedAt'): string[] {
  const time = (m: ArticleMeta): string => (sort === 'publishedAt' && m.publishedAt) || m.savedAt;
  return [...list].sort((a, b) => (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : a.id < b.id ? 1 : -1)).map((m) => m.id);
}

describe('list order', () => {
  it('gives the full sort order for oldest-first, newest-first, tied and shuffled input', () => {
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'];
    const list = Array.from({ length: 60 }, (_, i) => meta(i, times[i % 3] as string, i % 4 === 0 ? `2025-0${(i % 9) + 1}-01T00:00:00.000Z` : undefined));
    for (const sort of ['savedAt', 'publishedAt'] as const) {
      const expected = referenceSort(list, sort);
      const oldestFirst = [...expected].reverse().map((id) => list.find((m) => m.id === id) as ArticleMeta);
      expect(sortArticles(oldestFirst, sort).map((m) => m.id)).toEqual(expected);
      expect(sortArticles([...oldestFirst].reverse(), sort).map((m) => m.id)).toEqual(expected);
      const shuffled = [...list].sort((a, b) => (a.id.charCodeAt(15) * 7) % 13 - (b.id.charCodeAt(15) * 7) % 13);
      expect(sortArticles(shuffled, sort).map((m) => m.id)).toEqual(expected);
    }
  });

  it('writes library.json oldest first, and lists newest first again after reopening', async () => {
    const dir = await tempDir();
    let clock = Date.parse('2026-03-01T00:00:00.000Z');
    const library = await openLibrary({ dir, now: () => new Date((clock += 1000)) });
    for (let i = 0; i < 5; i++) await library.add(article({ title: `Urutan ${i}`, url: `https://example.com/order/${i}` }));
    const newestFirst = library.list().items.map((m) => m.id);
    await library.close();
    const stored = (JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as { articles: ArticleMeta[] }).articles.map((m) => m.id);
    expect(stored).toEqual([...newestFirst].reverse());
    const reopened = await openLibrary({ dir });
    expect(reopened.list().items.map((m) => m.id)).toEqual(newestFirst);
    await reopened.close();
  });
});
