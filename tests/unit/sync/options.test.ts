/**
 * The account options and "Subscribe on the server", through the window's own handlers
 * (main/handlers-sync.ts) against a real FreshRSS (started here, ports 18700-18749) that fetches
 * feeds from a local HTTP server: the interval and days persist, more days re-reads history
 * without duplicating an article, values out of range change nothing, and a feed subscribed from
 * Kabar is on the server (the other devices' source of truth) and in the library as a synced feed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../../main/core/sync';
import { applyAccountOptions } from '../../../main/core/sync/state';
import type { HandlerContext } from '../../../main/handlers';
import { syncHandlers, type SyncPart } from '../../../main/handlers-sync';
import type { Events, SyncView } from '../../../preload/contract';
import { rss, serve, startServer, type TestServer } from '../feeds/server';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from './freshrss';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED sync options tests: ${missing}`);

describe('account options (pure): more days moves the watermark back, fewer does not, bad values change nothing', () => {
  const state = () => ({
    version: 1 as const,
    account: { url: 'http://x/api/greader.php', user: 'u', days: 14, intervalMinutes: 30, addedAt: '2026-01-01T00:00:00Z' },
    status: { lastSyncAt: null, lastAttemptAt: null, lastError: null, watermark: 1_780_000_000 },
    items: {},
    feeds: {},
  });
  const now = new Date(1_780_000_000_000);
  it('moves the watermark to now − days when days grow, and keeps it when they shrink', () => {
    const s = state();
    applyAccountOptions(s as never, { days: 90 }, now);
    expect(s.account.days).toBe(90);
    expect(s.status.watermark).toBe(1_780_000_000 - 90 * 86_400);
    applyAccountOptions(s as never, { days: 3, intervalMinutes: 0 }, now);
    expect(s.status.watermark).toBe(1_780_000_000 - 90 * 86_400);
    expect([s.account.days, s.account.intervalMinutes]).toEqual([3, 0]);
  });
  it('refuses days or minutes out of range, changing nothing', () => {
    const s = state();
    for (const bad of [{ days: 0 }, { days: 3651 }, { days: 1.5 }, { intervalMinutes: -1 }, { intervalMinutes: 1441 }, { days: 30, intervalMinutes: 2000 }]) {
      expect(() => applyAccountOptions(s as never, bad, now)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(s).toEqual(state());
  });
});

describe.skipIf(missing !== null)('sync options and subscribe on the server, with a real FreshRSS', () => {
  let server: FreshRss;
  let feeds: TestServer;
  let raw: RawApi;
  let dir: string;
  let library: Library;
  let part: SyncPart;
  const events: { event: keyof Events; payload: unknown }[] = [];

  const story = (feed: string, n: number) => ({ title: `${feed} story ${n}`, link: `${feeds.url}/${feed}/${n}`, guid: `${feed}-${n}`, html: `<p>${feed} story ${n} tells the news of the day in plain words.</p>` });

  beforeAll(async () => {
    server = await startFreshRss({ from: 18700, count: 50 });
    feeds = await startServer();
    feeds.routes.set('/world.xml', serve(rss('World', [1, 2, 3].map((n) => story('world', n))), { 'content-type': 'application/rss+xml' }));
    feeds.routes.set('/local.xml', serve(rss('Berita Lokal', [1, 2].map((n) => story('local', n))), { 'content-type': 'application/rss+xml' }));
    feeds.routes.set('/page.html', serve('<!doctype html><title>Not a feed</title><p>Hello</p>', { 'content-type': 'text/html' }));
    raw = new RawApi(server.api, server.user, server.password);
    await raw.login();
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]); // the default feed points at GitHub
    await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/world.xml`)}`, []);
    dir = await mkdtemp(join(tmpdir(), 'kabar-sync-options-'));
    library = await openLibrary({ dir });
    const ctx = { dataDir: dir, emit: (event: keyof Events, payload: unknown) => events.push({ event, payload }), secretBox: ownerOnlyFileBox } as unknown as HandlerContext;
    part = syncHandlers(library, ctx);
  }, 120_000);

  afterAll(async () => {
    await part?.close();
    await library?.close();
    await feeds?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const h = () => part.handlers;

  it('subscribing needs an account', async () => {
    await expect(h()['sync:subscribe'](`${feeds.url}/local.xml`)).rejects.toMatchObject({ code: 'SYNC_NO_ACCOUNT' });
  });

  it('saves the interval and the days; more days re-reads the history without duplicating an article', async () => {
    await h()['sync:add']({ url: server.api, user: server.user, password: server.password, days: 7, intervalMinutes: 15 });
    const first = await h()['sync:now']();
    expect([first.days, first.intervalMinutes, first.lastError]).toEqual([7, 15, null]);
    expect(library.allMeta().map((m) => m.title).sort()).toEqual(['world story 1', 'world story 2', 'world story 3']);

    const changed = (await h()['sync:options']({ days: 90, intervalMinutes: 0 })) as SyncView;
    expect([changed.days, changed.intervalMinutes]).toEqual([90, 0]);
    expect(events.some((e) => e.event === 'sync:changed' && (e.payload as SyncView | null)?.days === 90)).toBe(true);
    const saved = JSON.parse(await readFile(join(dir, 'sync', 'state.json'), 'utf8'));
    expect([saved.account.days, saved.account.intervalMinutes]).toEqual([90, 0]);
    const again = await h()['sync:now']();
    expect(again.lastError).toBeNull();
    expect(library.allMeta()).toHaveLength(3); // the re-read found only known items

    // A new session (a restart) reads the saved options.
    const reopened = new SyncSession(library, { box: ownerOnlyFileBox });
    expect([reopened.status().account.days, reopened.status().account.intervalMinutes]).toEqual([90, 0]);
    await expect(reopened.setOptions({ days: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(JSON.parse(await readFile(join(dir, 'sync', 'state.json'), 'utf8')).account.days).toBe(90);
  }, 120_000);

  it('subscribes on the server: the feed is on FreshRSS, in its folder, and in the library as a synced feed with its stories', async () => {
    const view = await h()['sync:subscribe'](`${feeds.url}/local.xml`, 'Berita');
    expect(view.lastError).toBeNull();
    expect(view.syncedFeeds).toBe(2);
    const subs = await raw.subscriptions();
    expect(subs.get('Berita Lokal')).toMatchObject({ folder: 'Berita', url: `${feeds.url}/local.xml` });
    const local = readFeeds(library).find((f) => f.url === `${feeds.url}/local.xml`);
    expect(local?.sync?.stream).toBe(subs.get('Berita Lokal')?.id);
    expect(local?.folder).toEqual(['Berita']);
    expect(library.allMeta().filter((m) => m.title.startsWith('local story'))).toHaveLength(2);
    expect(events.some((e) => e.event === 'feeds:changed')).toBe(true);
  }, 120_000);

  it('a page that is not a feed is refused with its own code, and nothing changes', async () => {
    const before = readFeeds(library).length;
    await expect(h()['sync:subscribe'](`${feeds.url}/page.html`)).rejects.toMatchObject({ code: 'SYNC_SUBSCRIBE_FAILED' });
    expect(readFeeds(library)).toHaveLength(before);
    expect((await raw.subscriptions()).size).toBe(2);
  }, 120_000);
});
