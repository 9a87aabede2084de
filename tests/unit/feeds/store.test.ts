/** The store methods feeds use: feed records (journaled), add with an id / keepTrashed, knows, allMeta, setReadMany. */
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

describe('library methods for feeds', () => {
  it('journals feed records: a reopen before compaction replays put, remove and bulk save', async () => {
    const dir = await tempDir();
    const first = await openLibrary({ dir });
    first.saveFeeds([{ id: 'a', url: 'http://a' }, { id: 'b', url: 'http://b' }]);
    first.putFeed({ id: 'a', url: 'http://a2' } as { id: string });
    first.putFeed({ id: 'c', url: 'http://c' } as { id: string });
    first.removeFeed('b');
    // Open a second view before the first compacts: it must replay the journal.
    const second = await openLibrary({ dir });
    expect(second.feedRecords()).toEqual([{ id: 'a', url: 'http://a2' }, { id: 'c', url: 'http://c' }]);
    await second.close();
    await first.close();
    const third = await openLibrary({ dir });
    expect(third.feedRecords()).toEqual([{ id: 'a', url: 'http://a2' }, { id: 'c', url: 'http://c' }]);
    await third.close();
  });

  it('adds under a given id, and keepTrashed never brings a trashed article back', async () => {
    const library = await openLibrary({ dir: await tempDir() });
    try {
      const { meta } = await library.add(article({ source: 'feed', feedId: 'f' }), { id: '0123456789abcdef0123' });
      expect(meta.id).toBe('0123456789abcdef0123');
      expect(library.knows(meta.id)).toBe(true);
      await library.delete(meta.id);
      const again = await library.add(article({ source: 'feed', feedId: 'f' }), { id: meta.id, keepTrashed: true });
      expect(again.created).toBe(false);
      expect(library.has(meta.id)).toBe(false);
      expect(library.allMeta().map((m) => m.id)).toEqual([meta.id]);
    } finally {
      await library.close();
    }
  });

  it('adds many articles in one batch, skipping known ids, with one change notification', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const changes: string[][] = [];
    library.onChange((changed) => changes.push(changed));
    const first = await library.add(article({ title: 'Already here', url: 'http://e.org/0' }));
    const created = await library.addMany([
      { extracted: article({ title: 'One', url: 'http://e.org/1', source: 'feed', feedId: 'f' }) },
      { extracted: article({ title: 'Two', source: 'feed', feedId: 'f' }), id: 'abcdefabcdefabcdef01' },
      { extracted: article({ title: 'Again', url: 'http://e.org/0' }) },
      { extracted: article({ title: 'Two again', source: 'feed', feedId: 'f' }), id: 'abcdefabcdefabcdef01' },
    ]);
    expect(created.map((m) => m.title)).toEqual(['One', 'Two']);
    expect(changes.at(-1)).toEqual(created.map((m) => m.id));
    expect((await library.get('abcdefabcdefabcdef01')).blocks.length).toBeGreaterThan(0);
    expect((await library.search('Two')).map((h) => h.id)).toContain('abcdefabcdefabcdef01');
    expect(library.knows(first.meta.id)).toBe(true);
    await library.close();
    const reopened = await openLibrary({ dir });
    expect(reopened.list({ feedId: 'f' }).total).toBe(2);
    await reopened.close();
  });

  it('marks many articles read in one go', async () => {
    const library = await openLibrary({ dir: await tempDir() });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await library.add(article({ title: `Story number ${i}` }))).meta.id);
      const changes: string[][] = [];
      library.onChange((changed) => changes.push(changed));
      expect(library.setReadMany(ids, true)).toBe(3);
      expect(library.setReadMany(ids, true)).toBe(0);
      expect(changes).toHaveLength(1);
      expect(library.list({ unread: true }).total).toBe(0);
      expect(library.setReadMany([ids[0] as string, 'missing'], false)).toBe(1);
    } finally {
      await library.close();
    }
  });
});
