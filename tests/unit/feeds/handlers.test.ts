/** The feeds IPC handlers over a real library and a real local server: list, subscribe, refresh with progress, organise, OPML, close. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { parseArgs } from '../../../main/wire';
import type { Events, RefreshStatus } from '../../../preload/contract';
import { tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from './server';

let server: TestServer;
let set: HandlerSet;
let dir: string;
const events: { event: keyof Events; payload: unknown }[] = [];
let nextFile: string | null = null;

const items = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `${name} story ${i}`, link: `${server.url}/${name}/${i}`, date: new Date(Date.now() - i * 60_000) }));

beforeEach(async () => {
  server = await startServer();
  dir = await tempDir();
  events.length = 0;
  set = await createHandlers({
    dataDir: dir,
    version: 'x',
    systemLocale: 'en',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: (event, payload) => void events.push({ event, payload }),
    chooseFiles: async () => [],
    chooseFile: async () => nextFile,
    setMenuStrings: () => undefined,
  });
  await set.handlers['settings:set']({ refreshMinutes: 0 });
});
afterEach(async () => {
  await set.close();
  await server.close();
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('feeds handlers', () => {
  it('subscribes, lists with unread counts, and offers a choice when a page has several feeds', async () => {
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 3)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/b.xml', serve(rss('Beta', items('b', 2)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/site', serve(`<html><head><link rel="alternate" type="application/rss+xml" title="A" href="/a.xml"><link rel="alternate" type="application/rss+xml" title="B" href="/b.xml"></head><body>x</body></html>`, { 'content-type': 'text/html' }));
    const choice = await set.handlers['feeds:subscribe'](`${server.url}/site`, []);
    expect(choice).toMatchObject({ kind: 'choose', candidates: [{ url: `${server.url}/a.xml` }, { url: `${server.url}/b.xml` }] });
    const sub = await set.handlers['feeds:subscribe'](`${server.url}/a.xml`, ['News', 'Local']);
    expect(sub).toMatchObject({ kind: 'subscribed', created: true, added: 3, feed: { title: 'Alpha', unread: 3, folder: ['News', 'Local'], error: null } });
    const list = await set.handlers['feeds:list']();
    expect(list.feeds).toHaveLength(1);
    expect(list.folders).toEqual({ News: 3, 'News / Local': 3 });
    expect(list.refresh.running).toBe(false);
    const id = list.feeds[0]?.id as string;
    expect(set.library.list({ feedIds: [id] }).total).toBe(3);
    expect(set.library.list({ feedIds: ['other'] }).total).toBe(0);
  });

  it('refreshes in the background with progress events, keeps a broken feed error per feed', async () => {
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 2)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/b.xml', serve(rss('Beta', items('b', 2)), { 'content-type': 'application/rss+xml' }));
    await set.handlers['feeds:subscribe'](`${server.url}/a.xml`, []);
    await set.handlers['feeds:subscribe'](`${server.url}/b.xml`, []);
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 4)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/b.xml', serve('<h1>Server error</h1>', { 'content-type': 'text/html' }, 500));
    const started = await set.handlers['feeds:refresh'](null);
    expect(started.running).toBe(true);
    await until(() => events.some((e) => e.event === 'feeds:progress' && !(e.payload as RefreshStatus).running));
    const progress = events.filter((e) => e.event === 'feeds:progress').map((e) => e.payload as RefreshStatus);
    expect(progress[progress.length - 1]).toMatchObject({ running: false, done: 2, total: 2, added: 2 });
    await until(() => events.some((e) => e.event === 'feeds:changed'));
    const list = await set.handlers['feeds:list']();
    const byTitle = Object.fromEntries(list.feeds.map((f) => [f.title, f]));
    expect(byTitle.Alpha).toMatchObject({ unread: 4, error: null });
    expect(byTitle.Beta).toMatchObject({ unread: 2, error: { code: 'HTTP_ERROR', params: { status: 500 } } });
  });

  it('renames, moves, sets options, marks all read and unsubscribes keeping bookmarked articles', async () => {
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 3)), { 'content-type': 'application/rss+xml' }));
    const sub = await set.handlers['feeds:subscribe'](`${server.url}/a.xml`, []);
    if (sub.kind !== 'subscribed') throw new Error('expected a feed');
    const id = sub.feed.id;
    expect(await set.handlers['feeds:rename'](id, 'My Alpha')).toMatchObject({ title: 'My Alpha' });
    expect(await set.handlers['feeds:setFolder'](id, ['Tech'])).toMatchObject({ folder: ['Tech'] });
    expect(await set.handlers['feeds:setOptions'](id, { fullText: true, keepDays: 7 })).toMatchObject({ fullText: true, keepDays: 7 });
    expect(await set.handlers['feeds:renameFolder'](['Tech'], ['Science'])).toBe(1);
    expect(await set.handlers['feeds:markAllRead']({ folder: ['Science'] })).toBe(3);
    expect((await set.handlers['feeds:list']()).feeds[0]).toMatchObject({ unread: 0, folder: ['Science'] });
    const first = set.library.list({ feedId: id }).items[0];
    await set.handlers['article:setBookmarked'](first?.id as string, true);
    expect(await set.handlers['feeds:remove'](id)).toEqual({ trashed: 2, kept: 1 });
    expect((await set.handlers['feeds:list']()).feeds).toEqual([]);
  });

  it('exports OPML to the chosen file and imports it back; a cancelled dialog does nothing', async () => {
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 1)), { 'content-type': 'application/rss+xml' }));
    await set.handlers['feeds:subscribe'](`${server.url}/a.xml`, ['News']);
    const strings = { title: 'Export', button: 'Save', filterName: 'OPML' };
    nextFile = null;
    expect(await set.handlers['feeds:exportOpml'](strings)).toBeNull();
    nextFile = join(dir, 'out.opml');
    expect(await set.handlers['feeds:exportOpml'](strings)).toEqual({ path: nextFile, feeds: 1 });
    const text = await readFile(nextFile, 'utf8');
    expect(text).toContain(`${server.url}/a.xml`);
    const other = join(dir, 'more.opml');
    await writeFile(other, text.replace(`${server.url}/a.xml`, `${server.url}/b.xml`));
    server.routes.set('/b.xml', serve(rss('Beta', items('b', 2)), { 'content-type': 'application/rss+xml' }));
    nextFile = other;
    expect(await set.handlers['feeds:importOpml'](strings)).toEqual({ added: 1, existing: 0, total: 1 });
    // The new feed fills in at once.
    await until(() => set.library.list({}).total === 3);
    nextFile = join(dir, 'missing.opml');
    await expect(set.handlers['feeds:importOpml'](strings)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('close cancels a running refresh and stops the timer', async () => {
    server.routes.set('/a.xml', serve(rss('Alpha', items('a', 1)), { 'content-type': 'application/rss+xml' }));
    await set.handlers['feeds:subscribe'](`${server.url}/a.xml`, []);
    server.routes.set('/a.xml', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 3000));
      res.writeHead(200).end(rss('Alpha', items('a', 1)));
    });
    await set.handlers['settings:set']({ refreshMinutes: 1 });
    await set.handlers['feeds:refresh'](null);
    const started = Date.now();
    await set.close();
    expect(Date.now() - started).toBeLessThan(2000);
    set = await createHandlers({ dataDir: dir, version: 'x', systemLocale: 'en', mediaBase: '/', openExternal: async () => undefined, emit: () => undefined, chooseFiles: async () => [], setMenuStrings: () => undefined });
  });
});

describe('feeds schemas', () => {
  it('accepts well-formed calls and rejects bad ones', () => {
    expect(parseArgs('feeds:subscribe', ['https://example.org/feed', ['News']])).toEqual(['https://example.org/feed', ['News']]);
    expect(parseArgs('feeds:refresh', [null])).toEqual([null]);
    expect(parseArgs('settings:set', [{ refreshMinutes: 30, keepDays: null }])).toEqual([{ refreshMinutes: 30, keepDays: null }]);
    for (const bad of [
      () => parseArgs('feeds:subscribe', ['', []]),
      () => parseArgs('feeds:subscribe', ['https://x', ['']]),
      () => parseArgs('feeds:refresh', [[]]),
      () => parseArgs('feeds:rename', ['id', '   ']),
      () => parseArgs('feeds:setOptions', ['id', { keepDays: 0 }]),
      () => parseArgs('feeds:setOptions', ['id', { fulltext: true }]),
      () => parseArgs('feeds:markAllRead', [{ folder: [] }]),
      () => parseArgs('settings:set', [{ refreshMinutes: -1 }]),
      () => parseArgs('settings:set', [{ keepDays: 1.5 }]),
    ]) expect(bad).toThrow(ZodError);
  });
});
