/**
 * SIGKILL mid-sync, 20 times: a real child changes read/starred/tags of synced articles and syncs
 * with a real FreshRSS in a loop (new feeds and items arrive on the server between kills, so kills
 * land in pulls too). After the last kill one clean sync runs; then every change the child confirmed is
 * in the library AND on the server (none lost), the two agree on every item, and there is exactly
 * one article per server item (none duplicated).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../../main/core/sync';
import { rss, serve, startServer, type TestServer } from '../feeds/server';
import { tempDir } from '../helpers';
import { rng } from '../store/seeded-random';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from './freshrss';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED sync crash test: ${missing}`);

const KILLS = 20;
const SEED = Number(process.env.KABAR_SYNC_CRASH_SEED ?? 20261207);
const ROOT = resolve(__dirname, '../../..');

/** Per article and field ('read', 'star', 'tag:red'…): the values the final state may have. */
type Expected = Map<string, Set<boolean>>;

function record(expected: Expected, line: string): void {
  const [kind, id, field, value] = line.split(' ');
  if ((kind !== 'int' && kind !== 'ok') || !id || !field) return;
  const key = `${id} ${field}`;
  const v = value === 'true';
  // An intent may or may not have reached the disk before the kill: both values stay possible until its ok.
  if (kind === 'int') expected.set(key, new Set([...(expected.get(key) ?? [!v]), v]));
  else expected.set(key, new Set([v]));
}

describe.skipIf(missing !== null)('sync survives SIGKILL mid-sync', () => {
  let server: FreshRss;
  let feeds: TestServer;
  let child: string;
  let items = 6;
  const feedXml = (): string => rss('Wire', Array.from({ length: 6 }, (_, i) => ({ title: `wire ${i + 1}`, link: `${feeds.url}/w/${i + 1}`, guid: `w${i + 1}` })));

  beforeAll(async () => {
    const out = join(ROOT, 'node_modules', '.cache', 'kabar-sync-test');
    mkdirSync(out, { recursive: true });
    child = join(out, `crash-child-${process.pid}.mjs`);
    await build({ entryPoints: [join(__dirname, 'crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
    server = await startFreshRss();
    feeds = await startServer();
    feeds.routes.set('/wire.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml()));
    const raw = new RawApi(server.api, server.user, server.password);
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]);
    await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/wire.xml`)}`, []);
  });

  afterAll(async () => {
    rmSync(child, { force: true });
    await feeds?.close();
    await server?.close();
  });

  const runAndKill = (dir: string, seed: number, killAfterMs: number, expected: Expected): Promise<void> =>
    new Promise((done, fail) => {
      const proc = spawn(process.execPath, [child, dir, String(seed)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let buffer = '';
      let stderr = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === 'ready') setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
          record(expected, line);
        }
      });
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      proc.on('close', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child exited by itself (${code}): ${stderr}`))));
    });

  it(`loses no change and duplicates no article over ${KILLS} kills`, { timeout: 1_200_000 }, async () => {
    const dir = await tempDir('kabar-sync-crash-');
    const setup = await openLibrary({ dir });
    const first = new SyncSession(setup, { box: ownerOnlyFileBox });
    await first.addAccount({ url: server.api, user: server.user, password: server.password });
    await first.sync();
    await setup.close();

    const raw = new RawApi(server.api, server.user, server.password);
    const random = rng(SEED);
    const expected: Expected = new Map();
    for (let run = 0; run < KILLS; run++) {
      if (run % 4 === 1) {
        // A new feed on the server (FreshRSS fetches it at once): the next child pulls a feed and its items mid-run.
        const path = `/extra-${run}.xml`;
        feeds.routes.set(path, serve(rss(`Extra ${run}`, [1, 2, 3].map((n) => ({ title: `extra ${run}.${n}`, link: `${feeds.url}/x/${run}/${n}`, guid: `x${run}.${n}` }))), { 'content-type': 'application/rss+xml' }));
        await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(feeds.url + path)}`, []);
        items += 3;
      }
      await runAndKill(dir, SEED + run, 150 + Math.floor(random() * 2500), expected);
    }

    const library = await openLibrary({ dir });
    try {
      expect(library.recovery).toBeNull();
      const sync = new SyncSession(library, { box: ownerOnlyFileBox });
      await sync.sync();
      await sync.sync();
      expect(sync.status()).toMatchObject({ waiting: 0, lastError: null });

      const onServer = await raw.items();
      const metas = library.allMeta();
      // One article per server item, none twice.
      expect(metas).toHaveLength(onServer.size);
      expect(new Set(metas.map((m) => m.url)).size).toBe(metas.length);
      expect(onServer.size).toBe(items);

      let checked = 0;
      for (const meta of metas) {
        const item = onServer.get(meta.title);
        expect(item, meta.title).toBeDefined();
        const cats = item?.categories ?? [];
        const server = {
          read: cats.includes('user/-/state/com.google/read'),
          star: cats.includes('user/-/state/com.google/starred'),
          tags: cats.filter((c) => /^user\/-\/label\/(red|green|blue)$/.test(c)).map((c) => c.slice(13)).sort(),
        };
        // Library and server agree on every item…
        expect({ read: Boolean(meta.readAt), star: meta.bookmarked, tags: [...meta.tags].sort() }, meta.title).toEqual(server);
        // …and hold every change the child confirmed.
        for (const [key, allowed] of expected) {
          const [id, field] = key.split(' ') as [string, string];
          if (id !== meta.id) continue;
          const actual = field === 'read' ? server.read : field === 'star' ? server.star : server.tags.includes(field.slice(4));
          expect(allowed.has(actual), `${meta.title} ${field}`).toBe(true);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(10);
      console.log(`sync crash test: ${KILLS} kills, ${expected.size} fields changed, ${checked} checked, ${metas.length} articles, seed ${SEED}`);
    } finally {
      await library.close();
    }
  });
});
