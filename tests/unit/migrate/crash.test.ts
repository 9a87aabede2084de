/**
 * SIGKILL during an import and during the background fetch, 20 times each, on one data folder: after
 * every kill the library opens without recovery, has no duplicate URL, keeps every entry and page
 * the child had confirmed, and every link entry is either fetched (with a body) or still waiting.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LinkFetcher } from '../../../main/core/migrate';
import { normalizeUrl, openLibrary, type Library } from '../../../main/core/store';
import { startServer, type TestServer } from '../feeds/server';
import { CORPUS, tempDir } from '../helpers';
import { rng } from '../store/seeded-random';
import { writeTemp } from './helpers';

const KILLS = 20;
const ROWS = 1500;
const ROOT = resolve(__dirname, '../../..');
let child = '';
let server: TestServer | null = null;

beforeAll(async () => {
  const out = join(ROOT, 'node_modules', '.cache', 'kabar-migrate-crash');
  mkdirSync(out, { recursive: true });
  child = join(out, `child-${process.pid}.mjs`);
  await build({ entryPoints: [join(__dirname, 'crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
});
afterAll(() => rmSync(child, { force: true }));
afterEach(async () => {
  await server?.close();
  server = null;
});

/**
 * Runs the child and kills it `delayMs` after it is ready (with `afterConfirm`, after its first
 * confirmation instead), or when it is done; returns the last confirmed number.
 */
function runAndKill(args: string[], delayMs: number, afterConfirm = false): Promise<{ confirmed: number; finished: boolean }> {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  let confirmed = 0;
  let finished = false;
  let stderr = '';
  let rest = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done, fail) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && !afterConfirm) setTimeout(() => proc.kill('SIGKILL'), delayMs);
        else if (line === 'done') {
          finished = true;
          proc.kill('SIGKILL');
        }
        else if (line.startsWith('! ')) {
          if (afterConfirm && confirmed === 0) setTimeout(() => proc.kill('SIGKILL'), delayMs);
          confirmed = Number(line.slice(2));
        }
      }
    });
    proc.on('exit', (code) => (code === null ? done({ confirmed, finished }) : fail(new Error(`child exited by itself (${code}): ${stderr}`))));
  });
}

function noDuplicates(library: Library): void {
  const urls = library.allMeta().map((m) => normalizeUrl(m.url ?? ''));
  expect(new Set(urls).size, 'duplicate URLs').toBe(urls.length);
}

describe('SIGKILL during import and fetch', () => {
  it(`an import killed ${KILLS} times loses no confirmed entry and duplicates none`, async () => {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < ROWS; i += 1) rows.push(`Entry ${i},https://example.com/a/${i}?utm_source=x,${1600000000 + i},t${i % 7},${i % 3 ? 'unread' : 'archive'}`);
    const csv = await writeTemp('pocket.csv', rows.join('\n'));
    const dir = await tempDir('kabar-migrate-crash-');
    const random = rng(2026_12_07);
    let best = 0;
    let kills = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const { confirmed, finished } = await runAndKill([dir, 'import', csv], 30 + random() * 500);
      kills += finished ? 0 : 1;
      best = Math.max(best, confirmed);
      const library = await openLibrary({ dir });
      try {
        expect(library.recovery, `run ${run}`).toBeNull();
        noDuplicates(library);
        const urls = new Set(library.allMeta().map((m) => m.url));
        // Every entry of a confirmed batch is there, with its state.
        for (let i = 0; i < best; i += 1) expect(urls.has(`https://example.com/a/${i}?utm_source=x`), `run ${run}: entry ${i} lost`).toBe(true);
        for (const m of library.allMeta()) expect(m.link?.state).toBe('waiting');
      } finally {
        await library.close();
      }
    }
    expect(kills).toBeGreaterThan(KILLS / 2);
    // The last run (not killed) completes the file: exactly one article per row.
    await runAndKill([dir, 'import', csv], 60_000);
    const library = await openLibrary({ dir });
    expect(library.ids()).toHaveLength(ROWS);
    expect(library.allMeta().filter((m) => m.readAt !== null)).toHaveLength(ROWS / 3);
    await library.close();
  }, 600_000);

  it(`a fetch killed ${KILLS} times keeps every link, fetched or waiting, and duplicates none`, async () => {
    server = await startServer();
    const pages = ['001', 'aclu', 'ars-1', 'bbc-1', 'lemonde-1', 'heise', 'medium-1', 'wikipedia'];
    const bodies = await Promise.all(pages.map((p) => readFile(join(CORPUS, 'pages', p, 'source.html'))));
    const links: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const body = bodies[i % pages.length] as Buffer;
      server.routes.set(`/p/${i}`, (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(body));
      links.push(`${server.url}/p/${i}`);
    }
    const rows = ['title,url,time_added,tags,status', ...links.map((u, i) => `Link ${i},${u},1600000000,,unread`)];
    const csv = await writeTemp('links.csv', rows.join('\n'));
    const dir = await tempDir('kabar-fetch-crash-');
    await runAndKill([dir, 'import', csv], 60_000);
    const random = rng(7);
    let confirmedTotal = 0;
    let fetchedBefore = 0;
    for (let run = 0; run < KILLS; run += 1) {
      // Half the kills land at any moment after open, half while pages are being stored.
      const { confirmed } = await runAndKill([dir, 'fetch'], random() * 1500, run % 2 === 1);
      const library = await openLibrary({ dir });
      try {
        expect(library.recovery, `run ${run}`).toBeNull();
        noDuplicates(library);
        expect(library.ids(), `run ${run}: a link was dropped`).toHaveLength(links.length);
        const fetched = library.allMeta().filter((m) => m.link === undefined);
        // What the child confirmed this run is on disk, on top of what earlier runs stored.
        expect(fetched.length, `run ${run}: confirmed pages lost`).toBeGreaterThanOrEqual(fetchedBefore + confirmed);
        for (const m of fetched) expect((await library.get(m.id)).blocks.length, `${m.id} body`).toBeGreaterThan(0);
        for (const m of library.allMeta().filter((x) => x.link)) expect(m.link?.state).toBe('waiting');
        fetchedBefore = fetched.length;
        confirmedTotal += confirmed;
      } finally {
        await library.close();
      }
    }
    expect(confirmedTotal).toBeGreaterThan(0);
    const library = await openLibrary({ dir });
    const rest = await new LinkFetcher(library, { images: false }).run();
    expect(rest.waiting).toBe(0);
    expect(library.allMeta().filter((m) => m.link)).toHaveLength(0);
    await library.close();
  }, 400_000);
});
