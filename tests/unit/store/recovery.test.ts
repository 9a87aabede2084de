import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { listBackups } from '../../../main/core/store/backups';
import { SCHEMA_VERSION } from '../../../main/core/store/schema';
import { article, tempDir } from '../helpers';

describe('nothing is lost', () => {
  it('replays the journal when the library was not closed (no compaction happened)', async () => {
    const dir = await tempDir();
    const first = await openLibrary({ dir });
    const { meta } = await first.add(article({ title: 'Belum dipadatkan' }));
    first.addTags(meta.id, ['penting']);
    first.setBookmarked(meta.id, true);
    // No close(): library.json was never rewritten; only the journal has these changes.
    const second = await openLibrary({ dir });
    expect(second.meta(meta.id)).toMatchObject({ tags: ['penting'], bookmarked: true });
    await second.close();
  });

  it('drops a torn last journal line and keeps every confirmed change', async () => {
    const dir = await tempDir();
    const first = await openLibrary({ dir });
    const { meta } = await first.add(article({ title: 'Tertulis' }));
    first.addTags(meta.id, ['satu']);
    await appendFile(join(dir, 'library.journal'), '{"t":"put","meta":{"id":"abc'); // killed mid-append
    const second = await openLibrary({ dir });
    expect(second.meta(meta.id).tags).toEqual(['satu']);
    second.addTags(meta.id, ['dua']);
    const third = await openLibrary({ dir });
    expect(third.meta(meta.id).tags).toEqual(['satu', 'dua']);
    await third.close();
  });

  it('moves a corrupt library.json aside, restores the newest backup and re-adds newer articles', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const older = (await library.add(article({ title: 'Lama' }), { tags: ['arsip'] })).meta.id;
    await library.close(); // compacts and takes the first backup
    const again = await openLibrary({ dir });
    const newer = (await again.add(article({ title: 'Baru' }))).meta.id;
    await again.close();
    expect(await listBackups(dir)).toHaveLength(1);

    await writeFile(join(dir, 'library.json'), '{"schemaVersion":1,"articles":[{"id":"tru');
    const recovered = await openLibrary({ dir });
    const report = recovered.recovery!;
    expect(report.movedAsideTo).toMatch(/library\.json\.damaged-/);
    expect(await readFile(report.movedAsideTo!, 'utf8')).toBe('{"schemaVersion":1,"articles":[{"id":"tru');
    expect(report.restoredFrom).toMatch(/backups[\\/]library-.*\.json$/);
    expect(report.articlesRecovered).toBe(1);
    expect(recovered.meta(older).tags).toEqual(['arsip']);
    expect(recovered.meta(newer).title).toBe('Baru');
    expect((await recovered.search('baru')).map((h) => h.id)).toEqual([newer]);
    await recovered.close();
    const reopened = await openLibrary({ dir });
    expect(reopened.recovery).toBeNull();
    expect(reopened.list().total).toBe(2);
    await reopened.close();
  });

  it('rebuilds from the article files when there is no backup at all', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const id = (await library.add(article({ title: 'Tanpa cadangan' }))).meta.id;
    // Not closed (so no backup was taken), then the metadata file is destroyed.
    await writeFile(join(dir, 'library.json'), Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    const recovered = await openLibrary({ dir });
    expect(recovered.recovery).toMatchObject({ restoredFrom: null });
    expect(recovered.meta(id).title).toBe('Tanpa cadangan');
    await recovered.close();
  });

  it('keeps only the ten newest backups', async () => {
    const dir = await tempDir();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 12; i++) {
      clock += 2 * 60 * 60 * 1000; // two hours apart, so every close backs up
      const library = await openLibrary({ dir, now: () => new Date(clock) });
      await library.add(article({ title: `Hari ${i}` }));
      await library.close();
    }
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(10);
    const newest = JSON.parse(await readFile(backups[0]!, 'utf8')) as { articles: unknown[] };
    // The newest backup was taken when the last session opened, before its article was added.
    expect(newest.articles).toHaveLength(11);
  });

  it('migrates a version-0 library and keeps a copy of the old file', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ articles: [{ id: 'a1b2c3d4e5f6a7b8c9d0', title: 'Lama sekali', lang: 'id', savedAt: '2020-01-01T00:00:00Z' }] }),
    );
    const library = await openLibrary({ dir });
    expect(library.meta('a1b2c3d4e5f6a7b8c9d0')).toMatchObject({ tags: [], bookmarked: false, progress: 0, readAt: null });
    await library.close();
    const saved = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { schemaVersion: number };
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    const [backup] = await listBackups(dir);
    expect(JSON.parse(await readFile(backup!, 'utf8'))).not.toHaveProperty('schemaVersion');
  });

  it('refuses a library from a newer Kabar and leaves it untouched', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: 99, articles: [] });
    await writeFile(join(dir, 'library.json'), text);
    await expect(openLibrary({ dir })).rejects.toMatchObject({ code: 'LIBRARY_NEWER' });
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((n) => n.includes('damaged'))).toEqual([]);
  });

  it('reports a damaged article file clearly and keeps the rest readable', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const bad = (await library.add(article({ title: 'Rusak' }))).meta.id;
    const good = (await library.add(article({ title: 'Utuh' }))).meta.id;
    await writeFile(join(dir, 'articles', `${bad}.json`), '{"blocks": [');
    await expect(library.get(bad)).rejects.toMatchObject({ code: 'ARTICLE_DAMAGED' });
    expect((await library.get(good)).title).toBe('Utuh');
    await library.close();
  });

  it('rebuilds a lost search index from the article files', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const id = (await library.add(article({ title: 'Indeks hilang' }))).meta.id;
    await library.close();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'index'), { recursive: true, force: true });
    await mkdir(join(dir, 'index'));
    const reopened = await openLibrary({ dir });
    expect((await reopened.search('hilang')).map((h) => h.id)).toEqual([id]);
    await reopened.close();
  });
});
