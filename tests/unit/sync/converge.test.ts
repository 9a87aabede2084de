/**
 * Two libraries, "laptop" and "desktop", sync through one real FreshRSS (started here; feeds
 * served by a local HTTP server that FreshRSS fetches). Subscriptions, folders, read state,
 * stars and tags changed on either side converge on both, checked through FreshRSS's own API.
 * A change made while the server is stopped is sent after it restarts, exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../../main/core/sync';
import { rss, serve, startServer, type TestServer } from '../feeds/server';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from './freshrss';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED sync convergence tests: ${missing}`);

const READ = 'user/-/state/com.google/read';
const STARRED = 'user/-/state/com.google/starred';

describe.skipIf(missing !== null)('sync with a real FreshRSS: laptop and desktop converge', () => {
  let server: FreshRss;
  let feeds: TestServer;
  let raw: RawApi;
  const libs: Library[] = [];
  const dirs: string[] = [];

  const story = (feed: string, n: number) => ({ title: `${feed} story ${n}`, link: `${feeds.url}/${feed}/${n}`, guid: `${feed}-${n}`, html: `<p>${feed} story ${n} tells the news of the day in a few plain words.</p>` });

  beforeAll(async () => {
    server = await startFreshRss();
    feeds = await startServer();
    feeds.routes.set('/world.xml', serve(rss('World', [1, 2, 3].map((n) => story('world', n))), { 'content-type': 'application/rss+xml' }));
    feeds.routes.set('/tech.xml', serve(rss('Tech', [1, 2].map((n) => story('tech', n))), { 'content-type': 'application/rss+xml' }));
    raw = new RawApi(server.api, server.user, server.password);
    await raw.login();
    // The default subscription points at GitHub, unreachable here.
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]);
    await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/world.xml`)}`, []);
  });

  afterAll(async () => {
    await Promise.all(libs.map((l) => l.close()));
    await feeds?.close();
    await server?.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  async function device(): Promise<{ library: Library; sync: SyncSession }> {
    // Not tempDir(): that is emptied after each test, and these libraries close in afterAll.
    const dir = await mkdtemp(join(tmpdir(), 'kabar-sync-device-'));
    dirs.push(dir);
    const library = await openLibrary({ dir });
    libs.push(library);
    const sync = new SyncSession(library, { box: ownerOnlyFileBox, timeoutMs: 20_000 });
    await sync.addAccount({ url: server.api, user: server.user, password: server.password });
    return { library, sync };
  }

  const byTitle = (library: Library, title: string) => {
    const meta = library.allMeta().find((m) => m.title === title);
    if (!meta) throw new Error(`no article "${title}"`);
    return meta;
  };

  it('syncs subscriptions, folders, read, stars and tags both ways, and an offline change exactly once', async () => {
    const laptop = await device();
    const first = await laptop.sync.sync();
    expect(first.articlesAdded).toBe(3);
    expect(readFeeds(laptop.library).map((f) => f.title)).toEqual(['World']);
    expect(readFeeds(laptop.library)[0]?.sync?.stream).toMatch(/^feed\/\d+$/);

    // Subscribing from the laptop goes to the server, into a folder.
    await laptop.sync.subscribe(`${feeds.url}/tech.xml`, 'Tech news');
    let subs = await raw.subscriptions();
    expect(subs.get('Tech')?.folder).toBe('Tech news');
    expect(laptop.library.allMeta().filter((m) => m.title.startsWith('tech'))).toHaveLength(2);

    const desktop = await device();
    await desktop.sync.sync();
    expect(desktop.library.ids()).toHaveLength(5);
    expect(readFeeds(desktop.library).find((f) => f.title === 'Tech')?.folder).toEqual(['Tech news']);

    // Laptop: read, star, tag → server → desktop.
    laptop.library.setRead(byTitle(laptop.library, 'world story 1').id, true);
    laptop.library.setBookmarked(byTitle(laptop.library, 'world story 2').id, true);
    laptop.library.addTags(byTitle(laptop.library, 'tech story 1').id, ['economy']);
    const sent = await laptop.sync.sync();
    expect(sent.changesSent).toBe(3);
    let items = await raw.items();
    expect(items.get('world story 1')?.categories).toContain(READ);
    expect(items.get('world story 2')?.categories).toContain(STARRED);
    expect(items.get('tech story 1')?.categories).toContain('user/-/label/economy');
    await desktop.sync.sync();
    expect(byTitle(desktop.library, 'world story 1').readAt).not.toBeNull();
    expect(byTitle(desktop.library, 'world story 2').bookmarked).toBe(true);
    expect(byTitle(desktop.library, 'tech story 1').tags).toEqual(['economy']);

    // Desktop: undo and change → server → laptop; a rename and a move of a feed too.
    desktop.library.setRead(byTitle(desktop.library, 'world story 1').id, false);
    desktop.library.removeTags(byTitle(desktop.library, 'tech story 1').id, ['economy']);
    desktop.library.addTags(byTitle(desktop.library, 'tech story 2').id, ['politics']);
    const { editFeed } = await import('../../../main/core/feeds');
    const world = readFeeds(desktop.library).find((f) => f.title === 'World');
    editFeed(desktop.library, world?.id as string, { title: 'World desk', folder: ['Daily'] });
    await desktop.sync.sync();
    items = await raw.items();
    expect(items.get('world story 1')?.categories).not.toContain(READ);
    expect(items.get('tech story 1')?.categories).not.toContain('user/-/label/economy');
    expect(items.get('tech story 2')?.categories).toContain('user/-/label/politics');
    subs = await raw.subscriptions();
    expect(subs.get('World desk')?.folder).toBe('Daily');
    await laptop.sync.sync();
    expect(byTitle(laptop.library, 'world story 1').readAt).toBeNull();
    expect(byTitle(laptop.library, 'tech story 1').tags).toEqual([]);
    expect(byTitle(laptop.library, 'tech story 2').tags).toEqual(['politics']);
    expect(readFeeds(laptop.library).find((f) => f.sync?.stream === world?.sync?.stream)).toMatchObject({ title: 'World desk', folder: ['Daily'] });

    // A change made on the server by another client reaches both.
    const id3 = items.get('world story 3')?.id as string;
    await raw.post('edit-tag', [['i', id3], ['a', STARRED]]);
    await Promise.all([laptop.sync.sync(), desktop.sync.sync()]);
    expect(byTitle(laptop.library, 'world story 3').bookmarked).toBe(true);
    expect(byTitle(desktop.library, 'world story 3').bookmarked).toBe(true);

    // Offline: the server stops, the laptop changes something, sync fails and keeps it waiting.
    await server.stop();
    laptop.library.setRead(byTitle(laptop.library, 'tech story 2').id, true);
    await expect(laptop.sync.sync()).rejects.toMatchObject({ code: 'SYNC_OFFLINE' });
    expect(laptop.sync.status()).toMatchObject({ waiting: 1, lastError: { code: 'SYNC_OFFLINE' } });
    await server.start();
    const back = await laptop.sync.sync();
    expect(back.changesSent).toBe(1);
    expect(laptop.sync.status()).toMatchObject({ waiting: 0, lastError: null });
    expect((await raw.items()).get('tech story 2')?.categories).toContain(READ);
    const again = await laptop.sync.sync();
    expect(again.changesSent).toBe(0);
    await desktop.sync.sync();
    expect(byTitle(desktop.library, 'tech story 2').readAt).not.toBeNull();

    // Unsubscribing on one side removes the feed on the server and the other side; kept stories stay.
    const tech = readFeeds(laptop.library).find((f) => f.title === 'Tech');
    const { unsubscribe } = await import('../../../main/core/feeds');
    await unsubscribe(laptop.library, tech?.id as string);
    await laptop.sync.sync();
    expect((await raw.subscriptions()).has('Tech')).toBe(false);
    await desktop.sync.sync();
    expect(readFeeds(desktop.library).map((f) => f.title)).toEqual(['World desk']);
    expect(byTitle(desktop.library, 'tech story 1').deletedAt).toBeTruthy();
    expect(byTitle(desktop.library, 'tech story 2').deletedAt).toBeFalsy(); // tagged: kept
    // No duplicates anywhere: one article per server item.
    for (const { library } of [laptop, desktop]) {
      const urls = library.allMeta().map((m) => m.url);
      expect(new Set(urls).size).toBe(urls.length);
    }
  });
});
