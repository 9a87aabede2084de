/** The refresh scheduler against a real local server with real (short) timers: interval, progress, one at a time, cancel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRefreshScheduler, readFeeds, subscribe, type RefreshStatus } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from './server';

let server: TestServer;
let library: Library;

beforeEach(async () => {
  server = await startServer();
  library = await openLibrary({ dir: await tempDir() });
});
afterEach(async () => {
  await library.close();
  await server.close();
});

const feed = (name: string, n: number) =>
  rss(name, Array.from({ length: n }, (_, i) => ({ title: `${name} story ${i}`, link: `http://example.org/${name}/${i}`, date: new Date(Date.now() - i * 60_000) })));

async function addFeeds(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let f = 0; f < count; f++) {
    server.routes.set(`/f${f}.xml`, serve(feed(`Feed${f}`, 2), { 'content-type': 'application/rss+xml' }));
    const result = await subscribe(library, `${server.url}/f${f}.xml`, { captureImages: false });
    if (result.kind === 'subscribed') ids.push(result.feed.id);
  }
  return ids;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('refresh scheduler', () => {
  it('reports n of m and each feed state, ending not running', async () => {
    const ids = await addFeeds(3);
    const seen: RefreshStatus[] = [];
    const scheduler = createRefreshScheduler({ library, intervalMs: () => 0, onStatus: (s) => seen.push(s), refreshOptions: () => ({ hostGapMs: 0, captureImages: false }) });
    const results = await scheduler.refresh();
    expect(results).toHaveLength(3);
    const last = seen[seen.length - 1] as RefreshStatus;
    expect(last).toMatchObject({ running: false, done: 3, total: 3 });
    expect(Object.keys(last.states).sort()).toEqual([...ids].sort());
    expect(seen.some((s) => s.running && Object.values(s.states).includes('fetching'))).toBe(true);
    await scheduler.close();
  });

  it('runs one refresh at a time: a second call while one runs gets the same promise', async () => {
    await addFeeds(2);
    const scheduler = createRefreshScheduler({ library, intervalMs: () => 0, refreshOptions: () => ({ hostGapMs: 0, captureImages: false }) });
    const a = scheduler.refresh();
    const b = scheduler.refresh();
    expect(b).toBe(a);
    await a;
    expect(scheduler.status().running).toBe(false);
    await scheduler.close();
  });

  it('refreshes again every interval, and not at all when the interval is 0', async () => {
    await addFeeds(1);
    const before = server.requests.length;
    let interval = 40;
    const scheduler = createRefreshScheduler({ library, intervalMs: () => interval, refreshOptions: () => ({ hostGapMs: 0, captureImages: false }) });
    scheduler.reschedule(10);
    await wait(400);
    const during = server.requests.length - before;
    expect(during).toBeGreaterThanOrEqual(3);
    interval = 0;
    await wait(100);
    const stopped = server.requests.length;
    await wait(200);
    expect(server.requests.length).toBe(stopped);
    await scheduler.close();
  });

  it('cancels: slow feeds end cancelled, keep their old items and get no error', async () => {
    const ids = await addFeeds(2);
    const articles = library.list({ limit: 100 }).total;
    for (let f = 0; f < 2; f++) {
      server.routes.set(`/f${f}.xml`, async (_req, res) => {
        await wait(2000);
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(`Feed${f}`, 5));
      });
    }
    const scheduler = createRefreshScheduler({ library, intervalMs: () => 0, refreshOptions: () => ({ hostGapMs: 0, captureImages: false }) });
    const started = Date.now();
    const running = scheduler.refresh(ids);
    await wait(100);
    scheduler.cancel();
    const results = await running;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(results.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    expect(scheduler.status()).toMatchObject({ running: false, states: { [ids[0] as string]: 'cancelled' } });
    expect(library.list({ limit: 100 }).total).toBe(articles);
    expect(readFeeds(library).every((f) => f.error === null)).toBe(true);
    await scheduler.close();
  });

  it('close stops the timer and a running refresh', async () => {
    await addFeeds(1);
    const scheduler = createRefreshScheduler({ library, intervalMs: () => 20, refreshOptions: () => ({ hostGapMs: 0, captureImages: false }) });
    scheduler.reschedule(5);
    await wait(50);
    await scheduler.close();
    const after = server.requests.length;
    await wait(150);
    expect(server.requests.length).toBe(after);
    expect(scheduler.status().running).toBe(false);
  });
});
