/** Folders, rename, unsubscribe, unread counts, mark all read, retention; feed records survive reopening. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  editFeed,
  findFeed,
  markAllRead,
  pruneFeed,
  readFeeds,
  renameFolder,
  unreadCounts,
  unsubscribe,
  type FeedRecord,
} from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

let dir: string;
let library: Library;
const NOW = new Date('2026-11-20T12:00:00Z');

function feed(id: string, folder: string[], extra: Partial<FeedRecord> = {}): FeedRecord {
  return { id, url: `http://example.org/${id}.xml`, title: id, folder, error: null, failures: 0, fullText: false, keepDays: null, seen: [], addedAt: NOW.toISOString(), ...extra };
}

async function addItem(feedId: string, n: number, daysOld: number): Promise<string> {
  const published = new Date(NOW.getTime() - daysOld * 86_400_000).toISOString();
  const { meta } = await library.add(
    article({ title: `${feedId} story ${n}`, url: `http://example.org/${feedId}/${n}`, source: 'feed', feedId, publishedAt: published }),
  );
  return meta.id;
}

beforeEach(async () => {
  dir = await tempDir();
  library = await openLibrary({ dir, now: () => NOW });
  library.putFeed(feed('a', ['News', 'World']));
  library.putFeed(feed('b', ['News']));
  library.putFeed(feed('c', []));
});
afterEach(() => library.close());

describe('organising feeds', () => {
  it('counts unread per feed and per folder (folders include subfolders), and marks all read', async () => {
    await addItem('a', 1, 0);
    await addItem('a', 2, 0);
    await addItem('b', 1, 0);
    const c1 = await addItem('c', 1, 0);
    library.setRead(c1, true);
    expect(unreadCounts(library)).toEqual({ feeds: { a: 2, b: 1, c: 0 }, folders: { News: 3, 'News / World': 2 }, total: 3 });
    expect(markAllRead(library, { folder: ['News', 'World'] })).toBe(2);
    expect(unreadCounts(library).folders).toEqual({ News: 1, 'News / World': 0 });
    expect(markAllRead(library)).toBe(1);
    expect(unreadCounts(library).total).toBe(0);
  });

  it('renames feeds and folders, sets full text and retention, and keeps it all across reopening', async () => {
    editFeed(library, 'a', { title: 'World news', fullText: true, keepDays: 7 });
    expect(renameFolder(library, ['News'], ['Berita'])).toBe(2);
    await library.close();
    library = await openLibrary({ dir, now: () => NOW });
    expect(findFeed(library, 'a')).toMatchObject({ title: 'World news', renamed: true, fullText: true, keepDays: 7, folder: ['Berita', 'World'] });
    expect(findFeed(library, 'b')?.folder).toEqual(['Berita']);
    expect(() => editFeed(library, 'a', { keepDays: 0 })).toThrow(/whole number/);
    expect(() => editFeed(library, 'zzz', { title: 'x' })).toThrow(/No feed/);
  });

  it('unsubscribing trashes the articles except bookmarked or tagged ones', async () => {
    const keepBm = await addItem('a', 1, 0);
    const keepTag = await addItem('a', 2, 0);
    const gone = await addItem('a', 3, 0);
    library.setBookmarked(keepBm, true);
    library.addTags(keepTag, ['later']);
    expect(await unsubscribe(library, 'a')).toEqual({ trashed: 1, kept: 2 });
    expect(readFeeds(library).map((f) => f.id)).toEqual(['b', 'c']);
    expect(library.has(keepBm) && library.has(keepTag)).toBe(true);
    expect(library.meta(gone).deletedAt).toBeTruthy();
  });

  it('retention prunes old articles of a feed, never bookmarked or tagged ones; per-feed days win over global', async () => {
    const fresh = await addItem('b', 1, 1);
    const old = await addItem('b', 2, 10);
    const oldBm = await addItem('b', 3, 10);
    const oldTag = await addItem('b', 4, 10);
    library.setBookmarked(oldBm, true);
    library.addTags(oldTag, ['keep']);
    expect(await pruneFeed(library, 'b', { now: NOW, keepDays: null })).toBe(0);
    expect(await pruneFeed(library, 'b', { now: NOW, keepDays: 30 })).toBe(0);
    editFeed(library, 'b', { keepDays: 5 });
    expect(await pruneFeed(library, 'b', { now: NOW, keepDays: 30 })).toBe(1);
    expect(library.meta(old).deletedAt).toBeTruthy();
    expect([fresh, oldBm, oldTag].every((id) => library.has(id))).toBe(true);
  });
});
