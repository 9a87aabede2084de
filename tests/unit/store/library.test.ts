import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

describe('library operations', () => {
  it('adds, lists, gets and deduplicates articles', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const first = await library.add(article({ title: 'Satu' }));
    const again = await library.add(article({ title: 'Satu' }));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.meta.id).toBe(first.meta.id);
    await library.add(article({ title: 'Dua', url: 'https://example.com/dua?utm_source=x#top' }));
    const byUrl = await library.add(article({ title: 'Dua (changed)', url: 'https://EXAMPLE.com/dua' }));
    expect(byUrl.created).toBe(false);

    const page = library.list();
    expect(page.total).toBe(2);
    const full = await library.get(first.meta.id);
    expect(full.blocks[1]).toEqual({ type: 'heading', level: 2, text: 'Saluran belakang' });
    expect(full.wordCount).toBeGreaterThan(15);
    expect(full.readingMinutes).toBe(1);
    expect(full.readAt).toBeNull();
    await library.close();
  });

  it('filters by tag, bookmark, unread and language, sorts and pages', async () => {
    const dir = await tempDir();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const library = await openLibrary({ dir, now: () => new Date((clock += 60_000)) });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { meta } = await library.add(
        article({ title: `Artikel ${i}`, lang: i % 3 === 0 ? 'en' : 'id', publishedAt: `2025-0${(i % 9) + 1}-01T00:00:00Z` }),
      );
      ids.push(meta.id);
    }
    library.addTags(ids[0]!, ['Politik', 'intel']);
    library.addTags(ids[1]!, ['politik']);
    library.setBookmarked(ids[2]!, true);
    library.setRead(ids[3]!, true);

    expect(library.list({ tags: ['POLITIK'] }).total).toBe(2);
    expect(library.list({ tags: ['politik', 'intel'] }).items.map((m) => m.id)).toEqual([ids[0]]);
    expect(library.list({ bookmarked: true }).items.map((m) => m.id)).toEqual([ids[2]]);
    expect(library.list({ unread: true }).total).toBe(11);
    expect(library.list({ lang: 'en' }).total).toBe(4);
    expect(library.list({ limit: 5 }).items.map((m) => m.id)).toEqual(ids.slice(7).reverse());
    expect(library.list({ limit: 5, offset: 10 }).items.map((m) => m.id)).toEqual([ids[1], ids[0]]);
    expect(library.list({ order: 'asc', limit: 1 }).items[0]!.id).toBe(ids[0]);
    const byPublished = library.list({ sort: 'publishedAt', limit: 1 }).items[0]!;
    expect(byPublished.publishedAt).toBe('2025-09-01T00:00:00Z');
    const counts = library.counts();
    expect(counts).toMatchObject({ all: 12, unread: 11, bookmarked: 1, trash: 0 });
    expect(counts.tags).toEqual([
      { name: 'intel', count: 1 },
      { name: 'Politik', count: 2 },
    ]);
    expect(counts.langs).toEqual([
      { lang: 'id', count: 8 },
      { lang: 'en', count: 4 },
    ]);
    await library.close();
  });

  it('renames and merges tags case-insensitively', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const a = (await library.add(article({ title: 'A' }), { tags: ['Rusia', 'MI6'] })).meta.id;
    const b = (await library.add(article({ title: 'B' }), { tags: ['russia'] })).meta.id;
    expect(library.renameTag('rusia', 'Russia')).toBe(1);
    expect(library.meta(a).tags).toEqual(['Russia', 'MI6']);
    expect(library.tags().find((t) => t.name.toLowerCase() === 'russia')!.count).toBe(2);
    expect(library.mergeTags(['MI6', 'russia'], 'intel')).toBe(2);
    expect(library.meta(a).tags).toEqual(['intel']);
    expect(library.meta(b).tags).toEqual(['intel']);
    expect(() => library.addTags(a, ['   '])).toThrow(/cannot be empty/);
    await library.close();
  });

  it('moves deleted articles to the trash, restores them, and empties the trash', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article({ title: 'Sementara' }));
    await library.delete(meta.id);
    expect(library.list().total).toBe(0);
    expect(library.list({ trash: true }).total).toBe(1);
    expect(await library.search('sementara')).toEqual([]);
    await library.restore(meta.id);
    expect((await library.search('sementara')).map((h) => h.id)).toEqual([meta.id]);
    await library.delete(meta.id);
    expect(await library.emptyTrash()).toBe(1);
    expect(() => library.meta(meta.id)).toThrow(/No article/);
    await expect(readFile(join(dir, 'articles', `${meta.id}.json`))).rejects.toThrow();
    await library.close();
  });

  it('keeps search current on every change and highlights matches', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article({ title: 'Diplomasi Bayangan' }));
    const [hit] = await library.search('diplo');
    expect(hit!.id).toBe(meta.id);
    expect(hit!.title.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(['diplomasi']);
    expect(hit!.snippet.some((p) => p.hit)).toBe(true);
    expect((await library.search('mata-mata')).length).toBe(1);
    await library.close();
  });

  it('saves progress, read state and settings across close and reopen', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article(), { tags: ['simpan'] });
    library.setProgress(meta.id, 0.42);
    library.setRead(meta.id, true);
    library.setBookmarked(meta.id, true);
    library.updateSettings({ locale: 'id', theme: 'sepia' });
    await library.close();

    const reopened = await openLibrary({ dir });
    const again = reopened.meta(meta.id);
    expect(again).toMatchObject({ progress: 0.42, bookmarked: true, tags: ['simpan'] });
    expect(again.readAt).not.toBeNull();
    expect(reopened.settings()).toMatchObject({ locale: 'id', theme: 'sepia' });
    expect((await reopened.search('raja')).length).toBe(1);
    await reopened.close();
  });

  it('tells listeners which changes were reading progress only', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article());
    const seen: [string[], boolean][] = [];
    const off = library.onChange((ids, progressOnly) => seen.push([ids, progressOnly]));
    library.setProgress(meta.id, 0.3);
    library.addTags(meta.id, ['x']);
    off();
    library.setRead(meta.id, true);
    expect(seen).toEqual([
      [[meta.id], true],
      [[meta.id], false],
    ]);
    await library.close();
  });
});
