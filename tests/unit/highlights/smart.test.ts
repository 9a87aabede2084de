/** Smart views and rules over a real library: the query syntax end to end, rules on import and feed refresh (real local servers). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshFeeds, subscribe } from '../../../main/core/feeds';
import { importSources } from '../../../main/core/importer';
import {
  addHighlight,
  addRule,
  addView,
  applyRules,
  changeMarks,
  countQuery,
  countViews,
  listRules,
  listViews,
  openLibrary,
  removeRule,
  removeView,
  searchQuery,
  testRule,
  type Library,
} from '../../../main/core/store';
import { article, SEED, tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from '../feeds/server';

let server: TestServer;
let dir: string;
let library: Library;

beforeEach(async () => {
  server = await startServer();
  dir = await tempDir();
  library = await openLibrary({ dir });
});
afterEach(async () => {
  await library.close();
  await server.close();
});

const para = (text: string): ReturnType<typeof article>['blocks'][number] => ({ type: 'paragraph', text });

/** Four hand-made articles with different tags, languages, sites, dates and states. */
async function fixtures(): Promise<Record<'politik' | 'sport' | 'english' | 'old', string>> {
  const politik = (await library.add(article({ title: 'Diplomasi bayangan', url: 'https://nasional.kompas.com/a', siteName: 'Kompas', publishedAt: '2026-02-01T00:00:00Z', blocks: [para('Kepala intelijen Inggris menelepon mitranya dari Rusia.')] }), { tags: ['Politik'] })).meta;
  const sport = (await library.add(article({ title: 'Final bulu tangkis', url: 'https://www.detik.com/b', publishedAt: '2026-03-01T00:00:00Z', blocks: [para('Pemain Indonesia menang di final. Diplomasi tidak dibahas.')] }), { tags: ['sport'] })).meta;
  const english = (await library.add(article({ title: 'Shadow diplomacy', lang: 'en', url: 'https://example.org/c', publishedAt: '2025-12-01T00:00:00Z', blocks: [para('The head of British intelligence called his Russian counterpart.')] }))).meta;
  const old = (await library.add(article({ title: 'Berita lama', url: 'https://kompas.id/d', publishedAt: '2024-01-01T00:00:00Z', blocks: [para('Bayangan diplomasi lama yang sudah usang.')] }), { tags: ['politik', 'arsip'] })).meta;
  library.setBookmarked(sport.id, true);
  library.setRead(english.id, true);
  await library.saveTranslation(politik.id, { lang: 'en', title: 'Shadow diplomacy', engine: 'fixture', createdAt: '2026-02-02T00:00:00Z', blocks: [para('The head of British intelligence called.')] });
  await addHighlight(library, english.id, { anchor: { block: 0, start: 4, end: 8 }, color: 'yellow', note: 'siapa' });
  return { politik: politik.id, sport: sport.id, english: english.id, old: old.id };
}

describe('the query syntax over a library', () => {
  it('counts what each filter, phrase, negation and OR selects', async () => {
    await fixtures();
    const cases: [string, number][] = [
      ['tag:politik', 2],
      ['tag:POLITIK -tag:arsip', 1],
      ['lang:en', 1],
      ['site:kompas.com', 1],
      ['site:detik.com', 1],
      ['is:unread', 3],
      ['is:read', 1],
      ['is:bookmarked', 1],
      ['is:highlighted', 1],
      ['has:translation', 1],
      ['has:note', 1],
      ['before:2026-01-01', 2],
      ['after:2026-01-01', 2],
      ['diplomasi', 3],
      ['"diplomasi bayangan"', 1],
      ['"bayangan diplomasi"', 1],
      ['diplomasi -final', 2],
      ['menang OR usang', 2],
      ['(tag:sport OR lang:en) is:unread', 1],
      ['intelligence', 2], // the English article, and the stored English translation of the first
      ['-', 4],
    ];
    for (const [query, expected] of cases) expect([query, await countQuery(library, query)]).toEqual([query, expected]);
  });

  it('feed:"Name" selects the articles of the feed with that title', async () => {
    server.routes.set('/feed.xml', serve(rss('Berita Satu', [{ title: 'Harimau Sumatra', link: 'http://example.org/1' }, { title: 'Gajah', link: 'http://example.org/2' }]), { 'content-type': 'application/rss+xml' }));
    await subscribe(library, `${server.url}/feed.xml`, { captureImages: false });
    await library.add(article());
    expect(await countQuery(library, 'feed:"Berita Satu"')).toBe(2);
    expect(await countQuery(library, 'feed:"berita satu" harimau')).toBe(1);
    expect(await countQuery(library, 'feed:"Nope"')).toBe(0);
  });

  it('search takes the syntax: plain words rank as before, filters narrow, malformed queries say why', async () => {
    const ids = await fixtures();
    expect((await searchQuery(library, 'diplomasi')).length).toBe(3);
    const filtered = await searchQuery(library, 'diplomasi tag:politik -tag:arsip');
    expect(filtered.map((h) => h.id)).toEqual([ids.politik]);
    expect(filtered[0]!.title.some((p) => p.hit)).toBe(true);
    expect((await searchQuery(library, 'is:bookmarked')).map((h) => h.id)).toEqual([ids.sport]);
    await expect(searchQuery(library, 'is:nonsense')).rejects.toMatchObject({ code: 'QUERY_BAD_VALUE', params: { position: 1 } });
  });
});

describe('smart views', () => {
  it('are saved in library.json (schema 2), counted live, refuse malformed queries, and survive a restart', async () => {
    await fixtures();
    const politik = addView(library, { name: 'Politik belum dibaca', query: 'tag:politik is:unread' });
    addView(library, { name: 'Highlighted', query: 'is:highlighted' });
    expect(() => addView(library, { name: 'Broken', query: 'tag:x "open' })).toThrow(expect.objectContaining({ code: 'QUERY_UNCLOSED_QUOTE' }));
    expect((await countViews(library)).map((c) => c.count)).toEqual([2, 1]);
    await library.add(article({ title: 'Politik baru', blocks: [para('Sidang kabinet.')] }), { tags: ['politik'] });
    expect((await countViews(library))[0]!.count).toBe(3);
    await library.close();
    const saved = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { schemaVersion: number; views: { name: string }[] };
    expect(saved.schemaVersion).toBe(2);
    expect(saved.views.map((v) => v.name)).toEqual(['Politik belum dibaca', 'Highlighted']);
    library = await openLibrary({ dir });
    expect(listViews(library).map((v) => v.query)).toEqual(['tag:politik is:unread', 'is:highlighted']);
    expect(removeView(library, politik.id.slice(0, 8)).name).toBe('Politik belum dibaca');
    expect(listViews(library)).toHaveLength(1);
  });

  it('a stored view whose query no longer parses counts as an error, and the others still count', async () => {
    await fixtures();
    addView(library, { name: 'ok', query: 'tag:sport' });
    library.saveDataList('views', [...library.dataList('views'), { id: 'bad', name: 'bad', query: 'is:', createdAt: '' }]);
    expect(await countViews(library)).toEqual([expect.objectContaining({ count: 1 }), { id: 'bad', count: null, error: 'QUERY_BAD_VALUE' }]);
  });

  it('an older library.json (schema 1) is migrated with empty views and rules', async () => {
    await library.add(article());
    await library.close();
    const path = join(dir, 'library.json');
    const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete data.views;
    delete data.rules;
    await writeFile(path, JSON.stringify({ ...data, schemaVersion: 1 }));
    library = await openLibrary({ dir });
    expect(listViews(library)).toEqual([]);
    expect(listRules(library)).toEqual([]);
    expect(library.ids()).toHaveLength(1);
  });
});

describe('rules', () => {
  it('test against the library, apply to existing articles in order, and undo by removal', async () => {
    const ids = await fixtures();
    expect(await testRule(library, 'diplomasi OR diplomacy')).toBe(4);
    const first = addRule(library, { query: 'site:kompas.com OR site:kompas.id', actions: { addTags: ['kompas'] } });
    // The second rule sees the first one's tag: rules run in order.
    addRule(library, { name: 'Kompas politik', query: 'tag:kompas tag:politik', actions: { bookmark: true, markRead: true } });
    expect(() => addRule(library, { query: 'tag:x', actions: {} })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => addRule(library, { query: 'OR', actions: { bookmark: true } })).toThrow(expect.objectContaining({ code: 'QUERY_MISPLACED_OR' }));
    const report = await applyRules(library);
    expect(report.matched[first.id]).toBe(2);
    expect(report.changed).toBe(2);
    for (const id of [ids.politik, ids.old]) expect(library.meta(id)).toMatchObject({ bookmarked: true, tags: expect.arrayContaining(['kompas']) });
    expect(library.meta(ids.politik).readAt).not.toBeNull();
    expect(library.meta(ids.sport).tags).toEqual(['sport']);
    expect((await applyRules(library)).changed).toBe(0); // nothing left to do: applying again changes nothing
    const removed = removeRule(library, first.id);
    expect(removed.index).toBe(0);
    expect(listRules(library)).toHaveLength(1);
  });

  it('run on import (a real local web page) and on feed refresh (a real local feed)', async () => {
    addRule(library, { query: 'harimau OR site:127.0.0.1', actions: { addTags: ['satwa'] } });
    addRule(library, { query: 'tag:satwa feed:"Berita Satu"', actions: { markRead: true } });
    const page = `<!doctype html><html lang="id"><head><title>Harimau Sumatra terlihat lagi</title></head><body><article><h1>Harimau Sumatra terlihat lagi</h1>${'<p>Warga desa melihat seekor harimau Sumatra di tepi hutan pada pagi hari, dan petugas konservasi segera datang untuk memeriksa jejaknya di tanah yang basah.</p>'.repeat(6)}</article></body></html>`;
    server.routes.set('/harimau.html', serve(page, { 'content-type': 'text/html; charset=utf-8' }));
    const summary = await importSources(library, [{ kind: 'url', url: `${server.url}/harimau.html` }, { kind: 'path', path: SEED }]);
    expect(summary.failed).toBe(0);
    const [web, seed] = summary.results.map((r) => (r.ok ? r.id : ''));
    expect(library.meta(web!).tags).toEqual(['satwa']);
    expect(library.meta(seed!).tags).toEqual([]);

    let items = [{ title: 'Harimau di kebun', link: 'http://example.org/1' }, { title: 'Gajah di sawah', link: 'http://example.org/2' }];
    server.routes.set('/feed.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Berita Satu', items)));
    const sub = await subscribe(library, `${server.url}/feed.xml`, { captureImages: false });
    if (sub.kind !== 'subscribed') throw new Error('expected a feed');
    const tagged = (): string[] => library.list({ feedId: sub.feed.id, limit: 50 }).items.filter((m) => m.tags.includes('satwa')).map((m) => m.title);
    expect(tagged()).toEqual(['Harimau di kebun']);
    expect(library.list({ feedId: sub.feed.id, unread: true }).items.map((m) => m.title)).toEqual(['Gajah di sawah']);
    items = [{ title: 'Harimau lagi', link: 'http://example.org/3' }, ...items];
    await refreshFeeds(library, { force: true, captureImages: false });
    expect(tagged().sort()).toEqual(['Harimau di kebun', 'Harimau lagi']);
    expect(library.list({ feedId: sub.feed.id, unread: true }).items.map((m) => m.title)).toEqual(['Gajah di sawah']);
  });

  it('a rule never fails an import, even when its stored query is broken', async () => {
    library.saveDataList('rules', [{ id: 'r', name: 'broken', query: '(', actions: { addTags: ['x'] }, enabled: true, createdAt: '' }]);
    const { meta, created } = await library.add(article());
    expect(created).toBe(true);
    expect(meta.tags).toEqual([]);
  });

  it('highlights count toward is:highlighted as they are made and deleted', async () => {
    const { meta } = await library.add(article());
    const made = await addHighlight(library, meta.id, { anchor: { block: 0, start: 0, end: 6 }, color: 'blue' });
    expect(await countQuery(library, 'is:highlighted')).toBe(1);
    await changeMarks(library, meta.id, { op: 'delete', id: made.highlight!.id });
    expect(await countQuery(library, 'is:highlighted')).toBe(0);
  });
});
