/**
 * The background fetch of link entries against real local HTTP servers serving corpus pages: pages
 * become articles; one request at a time per host and at most four at once; back-off and retries;
 * failures kept beside their link; offline waits; pause, resume after a restart, retry failed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importLibraryFile, LinkFetcher, loadQueue } from '../../../main/core/migrate';
import { openLibrary, readMarks, type Library } from '../../../main/core/store';
import { startServer, type TestServer } from '../feeds/server';
import { CORPUS } from '../helpers';
import { freshLibrary, writeTemp } from './helpers';

const PAGES = ['001', 'aclu', 'ars-1', 'bbc-1', 'lemonde-1', 'heise', 'wikipedia', 'medium-1'];

let servers: TestServer[] = [];
let library: Library | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Tracks requests in flight per server and overall. */
const flight = { now: 0, max: 0, perHostMax: new Map<string, number>(), perHost: new Map<string, number>() };

async function pageServer(pages: string[], delayMs = 0): Promise<TestServer> {
  const server = await startServer();
  servers.push(server);
  for (const page of pages) {
    const html = await readFile(join(CORPUS, 'pages', page, 'source.html'));
    server.routes.set(`/${page}`, async (_req, res) => {
      const host = server.url;
      flight.now += 1;
      flight.max = Math.max(flight.max, flight.now);
      const inHost = (flight.perHost.get(host) ?? 0) + 1;
      flight.perHost.set(host, inHost);
      flight.perHostMax.set(host, Math.max(flight.perHostMax.get(host) ?? 0, inHost));
      await new Promise((r) => setTimeout(r, delayMs));
      flight.now -= 1;
      flight.perHost.set(host, inHost - 1);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
  }
  return server;
}

async function importLinks(lib: Library, urls: string[]): Promise<void> {
  const csv = ['title,url,time_added,tags,status', ...urls.map((u, i) => `Saved ${i},${u},1600000000,imported,unread`)].join('\n');
  const summary = await importLibraryFile(lib, await writeTemp('pocket.csv', csv));
  expect(summary.linksWaiting).toBe(urls.length);
}

describe('fetching link entries', () => {
  it('fetches corpus pages into articles, one at a time per host, at most four at once', async () => {
    flight.max = 0;
    flight.perHostMax.clear();
    const hosts = await Promise.all([0, 1, 2, 3, 4, 5].map(() => pageServer(PAGES.slice(0, 3), 80)));
    library = await freshLibrary();
    await importLinks(library, hosts.flatMap((h) => PAGES.slice(0, 3).map((p) => `${h.url}/${p}`)));
    const seen: string[] = [];
    const fetcher = new LinkFetcher(library, { images: false, onProgress: (s) => seen.push(`${s.done}/${s.total}`) });
    const status = await fetcher.run();
    expect(status).toMatchObject({ total: 18, done: 18, fetched: 18, failed: 0, waiting: 0 });
    expect(seen.at(-1)).toBe('18/18');
    expect(flight.max).toBeLessThanOrEqual(4);
    expect(flight.max).toBeGreaterThan(1);
    expect(Math.max(...flight.perHostMax.values())).toBe(1);
    const metas = library.allMeta();
    expect(metas.every((m) => m.link === undefined && m.wordCount > 50)).toBe(true);
    // The user's saved title and tags are kept; the body is searchable.
    expect(metas.every((m) => m.title.startsWith('Saved ') && m.tags[0] === 'imported')).toBe(true);
    const hits = await library.search('coverage');
    expect(hits.length).toBeGreaterThan(0);
  }, 120_000);

  it('stores fetched pages in batches: a link with an imported highlight gets its body and the highlight placed on it', async () => {
    const hosts = await Promise.all([0, 1, 2, 3].map(() => pageServer(['001', 'aclu'])));
    library = await freshLibrary();
    // Instapaper keeps a highlight ("Selection") with a saved link: it waits, unplaced, for the page.
    const quote = 'The idea behind code coverage is to record which parts of your code';
    const rows = hosts.flatMap((h, i) => [`${h.url}/001,Coverage ${i},"${quote}",Unread,1600000000`, `${h.url}/aclu,ACLU ${i},,Unread,1600000000`]);
    const summary = await importLibraryFile(library, await writeTemp('instapaper.csv', ['URL,Title,Selection,Folder,Timestamp', ...rows].join('\n')));
    expect(summary).toMatchObject({ linksWaiting: 8, highlights: 4 });
    const batches: number[] = [];
    const fillLinks = library.fillLinks.bind(library);
    library.fillLinks = (items) => (batches.push(items.length), fillLinks(items));
    const status = await new LinkFetcher(library, { images: false }).run();
    expect(status).toMatchObject({ total: 8, fetched: 8, failed: 0, waiting: 0 });
    expect(batches.reduce((a, b) => a + b, 0)).toBe(8);
    expect(batches.length).toBeLessThan(8);
    for (const meta of library.allMeta().filter((m) => m.title.startsWith('Coverage'))) {
      expect(meta.link).toBeUndefined();
      const marks = await readMarks(library, meta.id);
      expect(marks.highlights).toHaveLength(1);
      expect(marks.highlights[0]).toMatchObject({ quote: { exact: quote } });
      expect(marks.highlights[0]?.anchor).not.toBeNull();
      expect(marks.highlights[0]?.detached).toBeFalsy();
    }
    // Reopened from disk: every page and highlight is there (the batch was durable when counted).
    await library.close();
    library = await openLibrary({ dir: library.dir });
    expect(library.allMeta().every((m) => m.link === undefined && m.wordCount > 50)).toBe(true);
  }, 120_000);

  it('links imported while a run is under way are fetched by that run when run() is called again', async () => {
    const server = await pageServer(['001', 'aclu'], 150);
    library = await freshLibrary();
    await importLinks(library, [`${server.url}/001`]);
    const fetcher = new LinkFetcher(library, { images: false });
    const first = fetcher.run();
    await importLinks(library, [`${server.url}/aclu`]);
    // The same run answers, and it does not end with the new link still waiting.
    expect(fetcher.run()).toBe(first);
    await first;
    expect(fetcher.waitingLinks()).toEqual([]);
    expect(library.allMeta().every((m) => m.link === undefined && m.wordCount > 50)).toBe(true);
  }, 60_000);

  it('retries with back-off, keeps each failure reason beside its link, never drops one', async () => {
    const server = await pageServer(['001']);
    let flaky = 0;
    server.routes.set('/flaky', (_req, res) => {
      flaky += 1;
      if (flaky < 3) res.writeHead(503).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><p>' + 'Finally here is the article text, long enough to count. '.repeat(5) + '</p></article></body></html>');
    });
    server.routes.set('/down', (_req, res) => void res.writeHead(500).end('down'));
    library = await freshLibrary();
    await importLinks(library, [`${server.url}/flaky`, `${server.url}/gone`, `${server.url}/down`, `${server.url}/001`]);
    const started = Date.now();
    const status = await new LinkFetcher(library, { images: false, backoffMs: 50, maxAttempts: 3 }).run();
    expect(status).toMatchObject({ fetched: 2, failed: 2, waiting: 0 });
    expect(flaky).toBe(3);
    // Back-off: 50 ms then 100 ms before the third try of /flaky and /down.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const byPath = new Map(library.allMeta().map((m) => [new URL(m.url ?? '').pathname, m]));
    expect(byPath.get('/gone')?.link).toMatchObject({ state: 'failed', code: 'HTTP_ERROR', attempts: 1 });
    expect(byPath.get('/gone')?.link?.reason).toMatch(/404/);
    expect(byPath.get('/down')?.link).toMatchObject({ state: 'failed', code: 'HTTP_ERROR', attempts: 3 });
    expect(server.requests.filter((r) => r.path === '/gone')).toHaveLength(1);
    expect(library.ids()).toHaveLength(4);

    // Retry failed: the server is fixed, the two come in.
    server.routes.set('/gone', server.routes.get('/flaky') as never);
    server.routes.set('/down', server.routes.get('/flaky') as never);
    const fetcher = new LinkFetcher(library, { images: false, backoffMs: 50 });
    expect(await fetcher.retryFailed()).toBe(2);
    expect(await fetcher.run()).toMatchObject({ fetched: 2, failed: 0, waiting: 0 });
    expect(library.allMeta().every((m) => m.link === undefined)).toBe(true);
  }, 60_000);

  it('waits while offline without using up tries, then resumes by itself', async () => {
    const server = await pageServer(['001', 'aclu']);
    library = await freshLibrary();
    await importLinks(library, [`${server.url}/001`, `${server.url}/aclu`]);
    let online = false;
    const states: boolean[] = [];
    const fetcher = new LinkFetcher(library, { images: false, online: () => online, offlinePollMs: 30, onProgress: (s) => states.push(s.offline) });
    const run = fetcher.run();
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requests).toHaveLength(0);
    expect(fetcher.status().offline).toBe(true);
    online = true;
    expect(await run).toMatchObject({ fetched: 2, failed: 0, offline: false });
    expect(states).toContain(true);
  }, 60_000);

  it('pause stops new fetches and is remembered; a restart resumes the queue where it was', async () => {
    const server = await pageServer(PAGES, 150);
    library = await freshLibrary();
    await importLinks(library, PAGES.map((p) => `${server.url}/${p}`));
    const dir = library.dir;
    const fetcher = new LinkFetcher(library, { images: false });
    const run = fetcher.run();
    await new Promise((r) => setTimeout(r, 200));
    await fetcher.pause();
    const paused = await run;
    expect(paused.paused).toBe(true);
    expect(paused.waiting).toBeGreaterThan(0);
    expect(paused.fetched).toBeLessThan(PAGES.length);
    expect((await loadQueue(dir)).paused).toBe(true);
    expect(await fetcher.isPaused()).toBe(true);
    await library.close();

    library = await openLibrary({ dir });
    const again = new LinkFetcher(library, { images: false });
    expect(again.waitingLinks().length).toBe(paused.waiting);
    const done = await again.run();
    expect(done).toMatchObject({ fetched: paused.waiting, waiting: 0, paused: false });
    expect(library.allMeta().filter((m) => m.link)).toHaveLength(0);
    expect(library.ids()).toHaveLength(PAGES.length);
    expect((await loadQueue(dir)).paused).toBe(false);
  }, 120_000);
});
