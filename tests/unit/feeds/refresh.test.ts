/** Subscribe and refresh against a real local HTTP server: 304s, redirects, 500s, slow, Retry-After, oversized and gzip bodies. */
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFeed, putFeedRecord, readFeeds, refreshFeeds, subscribe, type RefreshProgress } from '../../../main/core/feeds';
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

const items = (n: number, prefix = 'a'): Parameters<typeof rss>[1] =>
  Array.from({ length: n }, (_, i) => ({ title: `Story ${prefix}${i}`, link: `http://example.org/${prefix}/${i}`, date: new Date(Date.now() - i * 3600_000) }));

async function sub(path: string): Promise<string> {
  const result = await subscribe(library, `${server.url}${path}`, { hostGapMs: 0, captureImages: false });
  if (result.kind !== 'subscribed') throw new Error('expected a feed');
  return result.feed.id;
}

describe('subscribe', () => {
  it('stores the feed and its items as feed articles with feedId, language and blocks', async () => {
    server.routes.set('/feed.xml', serve(rss('Kabar Test', items(3)), { 'content-type': 'application/rss+xml' }));
    const id = await sub('/feed.xml');
    const feed = findFeed(library, id);
    expect(feed?.title).toBe('Kabar Test');
    const page = library.list({ feedId: id });
    expect(page.total).toBe(3);
    const meta = page.items[0];
    expect(meta?.source).toBe('feed');
    expect(meta?.lang).toBe('en');
    const article = await library.get(meta?.id as string);
    expect(article.blocks[0]?.type).toBe('paragraph');
  });

  it('finds the feed of a site page (autodiscovery) and offers a choice when there are several', async () => {
    server.routes.set('/feed.xml', serve(rss('One', items(1)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/atom.xml', serve(rss('Two', items(1)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/one', serve('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>', { 'content-type': 'text/html' }));
    server.routes.set('/two', serve('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS"><link rel="alternate" type="application/atom+xml" href="atom.xml" title="Atom"></head></html>', { 'content-type': 'text/html' }));
    server.routes.set('/none', serve('<!doctype html><html><head><title>x</title></head><body>No feed</body></html>', { 'content-type': 'text/html' }));
    const one = await subscribe(library, `${server.url}/one`, { captureImages: false });
    expect(one.kind === 'subscribed' && one.feed.url).toBe(`${server.url}/feed.xml`);
    const two = await subscribe(library, `${server.url}/two`, { captureImages: false });
    expect(two.kind).toBe('choose');
    expect(two.kind === 'choose' && two.candidates.map((c) => c.url)).toEqual([`${server.url}/feed.xml`, `${server.url}/atom.xml`]);
    await expect(subscribe(library, `${server.url}/none`)).rejects.toMatchObject({ code: 'NO_FEED_FOUND' });
  });
});

describe('refresh', () => {
  it('uses conditional GET: a 304 adds nothing and costs no body', async () => {
    server.routes.set('/feed.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }).end(rss('F', items(2)));
    });
    const id = await sub('/feed.xml');
    expect(findFeed(library, id)?.etag).toBe('"v1"');
    const results = await refreshFeeds(library, { hostGapMs: 0, captureImages: false });
    expect(results).toEqual([{ feedId: id, state: 'not-modified', added: 0 }]);
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('adds only new items (dedup by guid / link), keeps old ones, follows permanent redirects, reads gzip', async () => {
    let version = 1;
    server.routes.set('/old.xml', serve('', { location: '/feed.xml' }, 301));
    server.routes.set('/feed.xml', (_req, res) => {
      const body = gzipSync(rss('F', version === 1 ? items(2) : [...items(1, 'b'), ...items(2)]));
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(body);
    });
    const id = await sub('/old.xml');
    expect(findFeed(library, id)?.url).toBe(`${server.url}/feed.xml`);
    version = 2;
    const [result] = await refreshFeeds(library, { hostGapMs: 0, captureImages: false });
    expect(result).toMatchObject({ state: 'ok', added: 1 });
    expect(library.list({ feedId: id }).total).toBe(3);
  });

  it('keeps errors per feed: 500, HTML instead of a feed, oversized, slow; old items stay and others carry on', async () => {
    let broken = false;
    server.routes.set('/good.xml', serve(rss('Good', items(2)), { 'content-type': 'application/rss+xml' }));
    server.routes.set('/flaky.xml', (_req, res) => {
      if (broken) res.writeHead(500).end('oops');
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Flaky', items(2, 'f')));
    });
    server.routes.set('/page.xml', serve('<!doctype html><html><body><p>Moved</p></body></html>', { 'content-type': 'text/html' }));
    server.routes.set('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 3; i++) res.write(chunk);
      res.end();
    });
    server.routes.set('/slow.xml', (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Slow', [])), 3000);
    });
    const good = await sub('/good.xml');
    const flaky = await sub('/flaky.xml');
    broken = true;
    const now = new Date();
    for (const path of ['/page.xml', '/huge.xml', '/slow.xml']) {
      const id = `x${path.slice(1, 5)}`;
      putFeedRecord(library, { id, url: `${server.url}${path}`, title: path, folder: [], error: null, failures: 0, fullText: false, keepDays: null, seen: [], addedAt: now.toISOString() });
    }
    const progress: RefreshProgress[] = [];
    const results = await refreshFeeds(library, { hostGapMs: 0, timeoutMs: 1000, maxBytes: 2 * 1024 * 1024, captureImages: false, onProgress: (p) => progress.push(p) });
    const byId = Object.fromEntries(results.map((r) => [r.feedId, r]));
    expect(byId[good]?.state).toBe('ok');
    expect(byId[flaky]?.error?.code).toBe('HTTP_ERROR');
    expect(byId.xpage?.error?.code).toBe('NOT_A_FEED');
    expect(byId.xhuge?.error?.code).toBe('TOO_LARGE');
    expect(byId.xslow?.error?.code).toBe('TIMEOUT');
    expect(library.list({ feedId: flaky }).total).toBe(2);
    const stored = findFeed(library, flaky);
    expect(stored?.failures).toBe(1);
    expect(Date.parse(stored?.nextFetchAfter ?? '')).toBeGreaterThan(Date.now());
    expect(progress.filter((p) => ['ok', 'error', 'not-modified'].includes(p.state)).map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
    // Backoff: the failed feeds are skipped until their time comes.
    const again = await refreshFeeds(library, { hostGapMs: 0, captureImages: false, timeoutMs: 1000 });
    expect(again.find((r) => r.feedId === flaky)?.state).toBe('skipped');
  });

  it('honours Retry-After', async () => {
    server.routes.set('/feed.xml', serve(rss('F', items(1)), { 'content-type': 'application/rss+xml' }));
    const id = await sub('/feed.xml');
    server.routes.set('/feed.xml', serve('busy', { 'retry-after': '7200' }, 503));
    const [result] = await refreshFeeds(library, { hostGapMs: 0, captureImages: false, force: true });
    expect(result?.state).toBe('error');
    const next = Date.parse(findFeed(library, id)?.nextFetchAfter ?? '');
    expect(next - Date.now()).toBeGreaterThan(7000_000);
  });

  it('fetches one host at a time with a gap, at most 4 at once overall, and can be cancelled', async () => {
    let inFlight = 0;
    let most = 0;
    const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
    for (const [i, host] of hosts.entries()) {
      for (let k = 0; k < 2; k++) {
        server.routes.set(`/f${i}-${k}.xml`, (_req, res) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          setTimeout(() => {
            inFlight -= 1;
            res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`F${i}`, items(1, `${i}-${k}-`)));
          }, 60);
        });
        putFeedRecord(library, { id: `h${i}${k}`, url: `http://${host}:${server.port}/f${i}-${k}.xml`, title: 't', folder: [], error: null, failures: 0, fullText: false, keepDays: null, seen: [], addedAt: new Date().toISOString() });
      }
    }
    // the server listens on 127.0.0.1 only; reach the others through the fetch we pass in
    const via: typeof fetch = (input, init) => fetch(String(input).replace(/127\.0\.0\.\d+/, '127.0.0.1'), init);
    await refreshFeeds(library, { fetch: via, hostGapMs: 100, captureImages: false });
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
    const firstHost = server.requests.filter((r) => r.path.startsWith('/f0-'));
    expect((firstHost[1]?.at ?? 0) - (firstHost[0]?.at ?? 0)).toBeGreaterThanOrEqual(150); // 60 ms answer + 100 ms gap

    const controller = new AbortController();
    const progress: RefreshProgress[] = [];
    const run = refreshFeeds(library, { fetch: via, hostGapMs: 100, captureImages: false, force: true, signal: controller.signal, onProgress: (p) => progress.push(p) });
    setTimeout(() => controller.abort(), 30);
    const results = await run;
    expect(results).toHaveLength(12);
    expect(results.filter((r) => r.state === 'cancelled').length).toBeGreaterThan(0);
    expect(readFeeds(library).every((f) => f.error === null)).toBe(true);
  });
});
