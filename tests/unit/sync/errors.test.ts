/**
 * A sync server that fails leaves the library as it was, with a clear coded error: a wrong
 * password (the real FreshRSS, its API password changed), and — through a local stand-in in front
 * of the real FreshRSS, for the broken answers only — an HTML page, a 500, a timeout, a huge answer,
 * malformed and wrong-shaped JSON, and a failure half-way through the reads.
 * No credential appears in any file of the data folder but the 0600 secret file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../../main/core/sync';
import { statusLine } from '../../../main/cli/sync';
import { rss, serve, startServer, type TestServer } from '../feeds/server';
import { tempDir } from '../helpers';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from './freshrss';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED sync error tests: ${missing}`);

type Mode = 'ok' | 'html' | '500' | 'timeout' | 'huge' | 'malformed' | 'shape' | 'ids-500';

/** Forwards to FreshRSS in mode 'ok'; otherwise answers the broken way. */
async function standIn(target: string): Promise<{ url: string; mode: Mode; close: () => Promise<void> }> {
  const state = { url: '', mode: 'ok' as Mode, close: async () => undefined };
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const h of ['authorization', 'content-type']) if (req.headers[h]) headers[h] = String(req.headers[h]);
    const answer = await fetch(target + (req.url ?? '').replace(/^\/api\/greader\.php/, ''), {
      method: req.method,
      headers,
      ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    const mode = state.mode;
    const login = (req.url ?? '').includes('ClientLogin');
    if (mode === 'ok' || (mode === 'ids-500' && !(req.url ?? '').includes('items/ids'))) return void forward(req, res);
    if (mode === 'html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>');
    if (mode === '500' || mode === 'ids-500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    if (mode === 'timeout') return; // never answers
    if (login) return void forward(req, res);
    if (mode === 'huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"subscriptions":[');
      const chunk = `${'{"id":"feed/1","title":"x"},'.repeat(1000)}`;
      for (let i = 0; i < 100; i++) res.write(chunk);
      return void res.end('{"id":"feed/2"}]}');
    }
    if (mode === 'malformed') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"subscriptions":[{"id":"feed/1","tit');
    return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"subscriptions":"none","items":7}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/greader.php`;
  state.close = () =>
    new Promise<undefined>((r) => {
      server.closeAllConnections();
      server.close(() => r(undefined));
    });
  return state;
}

/** Everything a sync could change: article metadata, feeds, files on disk (names), waiting changes. */
async function snapshot(library: Library, sync: SyncSession): Promise<string> {
  const metas = library.allMeta().map((m) => ({ ...m })).sort((a, b) => a.id.localeCompare(b.id));
  const files = (await readdir(join(library.dir, 'articles'))).sort();
  return JSON.stringify({ metas, feeds: readFeeds(library), files, waiting: sync.status().waiting, watermark: sync.status().watermark });
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(path)));
    else out.push(path);
  }
  return out;
}

describe.skipIf(missing !== null)('sync errors leave the library unchanged', () => {
  let server: FreshRss;
  let feeds: TestServer;
  let proxy: Awaited<ReturnType<typeof standIn>>;
  let raw: RawApi;

  beforeAll(async () => {
    server = await startFreshRss();
    feeds = await startServer();
    const items = [1, 2, 3].map((n) => ({ title: `story ${n}`, link: `${feeds.url}/s/${n}`, guid: `s${n}` }));
    feeds.routes.set('/news.xml', serve(rss('News', items), { 'content-type': 'application/rss+xml' }));
    raw = new RawApi(server.api, server.user, server.password);
    await raw.login();
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]);
    await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/news.xml`)}`, []);
    proxy = await standIn(server.api);
  });

  afterAll(async () => {
    await proxy?.close();
    await feeds?.close();
    await server?.close();
  });

  it('refuses a wrong password when adding an account, storing nothing', async () => {
    const library = await openLibrary({ dir: await tempDir('kabar-sync-err-') });
    try {
      const sync = new SyncSession(library, { box: ownerOnlyFileBox });
      await expect(sync.addAccount({ url: server.api, user: 'alice', password: 'not-the-password' })).rejects.toMatchObject({ code: 'SYNC_AUTH_FAILED' });
      expect(sync.hasAccount).toBe(false);
      await expect(stat(join(library.dir, 'sync', 'secret'))).rejects.toThrow();
    } finally {
      await library.close();
    }
  });

  it('each broken answer is a coded error and changes nothing; then a good sync applies everything; no secret leaks', async () => {
    const library = await openLibrary({ dir: await tempDir('kabar-sync-err-') });
    try {
      const sync = new SyncSession(library, { box: ownerOnlyFileBox, timeoutMs: 1500, maxBytes: 1024 * 1024 });
      await sync.addAccount({ url: proxy.url, user: 'alice', password: server.password });
      expect((await sync.sync()).articlesAdded).toBe(3);
      // Work on both sides that a good sync would exchange.
      const local = library.allMeta().find((m) => m.title === 'story 1')?.id as string;
      library.setRead(local, true);
      const remote = (await raw.items()).get('story 2')?.id as string;
      await raw.post('edit-tag', [['i', remote], ['a', 'user/-/state/com.google/starred']]);
      sync.capture();
      const before = await snapshot(library, sync);

      const cases: [Mode, string][] = [
        ['html', 'SYNC_NOT_API'],
        ['500', 'SYNC_SERVER_ERROR'],
        ['timeout', 'SYNC_TIMEOUT'],
        ['huge', 'SYNC_TOO_LARGE'],
        ['malformed', 'SYNC_BAD_RESPONSE'],
        ['shape', 'SYNC_BAD_RESPONSE'],
        ['ids-500', 'SYNC_SERVER_ERROR'],
      ];
      for (const [mode, code] of cases) {
        proxy.mode = mode;
        const error = await sync.sync().then(() => null, (e: unknown) => e as { code: string; message: string });
        expect(error, mode).toMatchObject({ code });
        expect(error?.message).toContain('127.0.0.1');
        expect(sync.status().lastError?.code).toBe(code);
        expect(await snapshot(library, sync), mode).toBe(before);
      }

      proxy.mode = 'ok';
      await server.setApiPassword('Changed-pass-456');
      await expect(sync.sync()).rejects.toMatchObject({ code: 'SYNC_AUTH_FAILED' });
      expect(await snapshot(library, sync)).toBe(before);
      expect(statusLine(sync.status(), new Date())).toMatch(/^Wrong password for alice@127\.0\.0\.1:\d+ — 1 change waiting$/);
      await server.setApiPassword(server.password);
      await raw.login(); // the auth value follows the password's hash

      const report = await sync.sync();
      expect(report).toMatchObject({ changesSent: 1, changesApplied: 1 });
      expect(library.meta(library.allMeta().find((m) => m.title === 'story 2')?.id as string).bookmarked).toBe(true);
      expect((await raw.items()).get('story 1')?.categories).toContain('user/-/state/com.google/read');

      // Credentials: only sync/secret (mode 0600) holds the password; nothing holds the auth or write token.
      const secrets = [server.password, await raw.login(), raw.writeToken];
      const secretFile = join(library.dir, 'sync', 'secret');
      expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
      await library.compact();
      for (const file of await allFiles(library.dir)) {
        if (file === secretFile) continue;
        const text = await readFile(file, 'latin1');
        for (const s of secrets) expect(text.includes(s), `${file} holds a credential`).toBe(false);
      }
      const status = JSON.stringify(sync.status());
      for (const s of secrets) expect(status.includes(s)).toBe(false);
    } finally {
      await library.close();
    }
  });
});
