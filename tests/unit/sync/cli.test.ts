/**
 * `kabar sync` as a user runs it (a real child process of the bundled CLI) against a real FreshRSS:
 * the password comes on stdin, never argv; it lands in a 0600 file the CLI names; status, now and
 * remove work with --json; no credential appears in stdout, stderr or any other data file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds } from '../../../main/core/feeds';
import { openLibrary } from '../../../main/core/store';
import { rss, serve, startServer, type TestServer } from '../feeds/server';
import { tempDir } from '../helpers';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from './freshrss';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED sync CLI tests: ${missing}`);

const ROOT = resolve(__dirname, '../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(missing !== null)('kabar sync (CLI) against a real FreshRSS', () => {
  let server: FreshRss;
  let feeds: TestServer;
  let cli: string;
  const outputs: string[] = [];

  const kabar = (dir: string, args: string[], stdin = ''): Promise<Run> =>
    new Promise((done) => {
      const proc = spawn(process.execPath, [cli, '--data', dir, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      proc.stdin.end(stdin);
      proc.on('close', (code) => {
        outputs.push(stdout, stderr);
        done({ code, stdout, stderr });
      });
    });

  beforeAll(async () => {
    const out = join(ROOT, 'node_modules', '.cache', 'kabar-sync-test');
    mkdirSync(out, { recursive: true });
    cli = join(out, `cli-${process.pid}.mjs`);
    await build({ entryPoints: [join(ROOT, 'main/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
    server = await startFreshRss();
    feeds = await startServer();
    feeds.routes.set('/a.xml', serve(rss('Alpha', [1, 2].map((n) => ({ title: `alpha ${n}`, link: `${feeds.url}/a/${n}`, guid: `a${n}` }))), { 'content-type': 'application/rss+xml' }));
    const raw = new RawApi(server.api, server.user, server.password);
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]);
    await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/a.xml`)}`, []);
  });

  afterAll(async () => {
    rmSync(cli, { force: true });
    await feeds?.close();
    await server?.close();
  });

  /** The library's articles, read the way a second reader would (no lock). */
  const articles = async (dir: string) => {
    const library = await openLibrary({ dir, access: 'read' });
    try {
      return library.allMeta();
    } finally {
      await library.close();
    }
  };

  // Ten CLI processes: each costs about 1 s of CPU, several on a loaded 2-core machine.
  it('adds an account from stdin, syncs, reports status, sends a change and removes the account', { timeout: 300_000 }, async () => {
    const dir = await tempDir('kabar-sync-cli-');
    const raw = new RawApi(server.api, server.user, server.password);

    const refused = await kabar(dir, ['sync', 'add', server.api, '--user', 'alice', '--password', server.password]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/password/i);

    const wrong = await kabar(dir, ['--json', 'sync', 'add', server.api, '--user', 'alice'], 'not-it\n');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stderr).error.code).toBe('SYNC_AUTH_FAILED');

    const added = await kabar(dir, ['sync', 'add', server.api, '--user', 'alice'], `${server.password}\n`);
    expect(added.code, added.stderr).toBe(0);
    const secret = join(dir, 'sync', 'secret');
    expect(added.stdout).toContain(secret);
    expect(added.stdout).toContain('0600');
    expect((await stat(secret)).mode & 0o777).toBe(0o600);

    const now = await kabar(dir, ['--json', 'sync', 'now']);
    expect(now.code, now.stderr).toBe(0);
    expect(JSON.parse(now.stdout).report.articlesAdded).toBe(2);

    const alpha1 = (await articles(dir)).find((a) => a.title === 'alpha 1')?.id as string;
    expect((await kabar(dir, ['read', alpha1])).code).toBe(0);
    expect((await kabar(dir, ['tag', alpha1, 'Later'])).code).toBe(0);

    const text = await kabar(dir, ['sync', 'status']);
    expect(text.stdout).toMatch(/^Synced (just now|\d+ min ago) — 2 changes waiting/);
    expect(text.stdout).toContain('Saved web pages stay on this computer');

    const sent = JSON.parse((await kabar(dir, ['--json', 'sync', 'now'])).stdout);
    expect(sent.report.changesSent).toBe(2);
    expect(sent.status.waiting).toBe(0);
    const item = (await raw.items()).get('alpha 1');
    expect(item?.categories).toEqual(expect.arrayContaining(['user/-/state/com.google/read', 'user/-/label/Later']));

    const removed = await kabar(dir, ['--json', 'sync', 'remove']);
    expect(JSON.parse(removed.stdout)).toMatchObject({ removed: true, dropped: 0 });
    await expect(stat(join(dir, 'sync'))).rejects.toThrow();
    const library = await openLibrary({ dir, access: 'read' });
    const feedsAfter = readFeeds(library);
    await library.close();
    expect(feedsAfter.map((f) => f.title)).toEqual(['Alpha']);
    expect(feedsAfter[0]?.sync).toBeUndefined();
    const gone = await kabar(dir, ['--json', 'sync', 'now']);
    expect(JSON.parse(gone.stderr).error.code).toBe('SYNC_NO_ACCOUNT');

    // Nothing printed and no file left holds the password or the auth token.
    const secrets = [server.password, await raw.login()];
    for (const out of outputs) for (const s of secrets) expect(out.includes(s)).toBe(false);
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const f of files.filter((e) => e.isFile())) {
      const body = await readFile(join(f.parentPath, f.name), 'latin1');
      for (const s of secrets) expect(body.includes(s), f.name).toBe(false);
    }
  });
});
