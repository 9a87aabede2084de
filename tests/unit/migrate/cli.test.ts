/**
 * `kabar import-library` and `kabar fetch-pending`: real files, a real local server, summaries in
 * text and --json, a second import that adds nothing and says so, progress on stderr, error codes.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { startServer, type TestServer } from '../feeds/server';
import { CORPUS, tempDir } from '../helpers';
import { SAMPLES, writeTemp } from './helpers';

async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('kabar import-library / fetch-pending', () => {
  it('imports wallabag with content, then says nothing new the second time', async () => {
    const dir = await tempDir();
    const first = await kabar(dir, 'import-library', join(SAMPLES, 'wallabag-v2-read.json'), '--tag', 'from-wallabag');
    expect(first.code).toBe(0);
    expect(first.out).toContain('wallabag-json: 2 entries read');
    expect(first.out).toContain('imported 2 (2 with their text, 0 links waiting for their page), already there 0, failed 0');
    const again = await kabar(dir, '--json', 'import-library', join(SAMPLES, 'wallabag-v2-read.json'));
    const summary = JSON.parse(again.out) as { imported: number; alreadyThere: number };
    expect(summary).toMatchObject({ imported: 0, alreadyThere: 2 });
    const text = await kabar(dir, 'import-library', join(SAMPLES, 'wallabag-v2-read.json'));
    expect(text.out).toContain('Nothing new: every entry was already in the library');
    const list = await kabar(dir, 'list', '--tag', 'from-wallabag');
    expect(list.out).toContain('(2 of 2)');
  }, 60_000);

  it('--no-fetch queues the links; fetch-pending fetches them and lists failures with reasons', async () => {
    server = await startServer();
    const page = await readFile(join(CORPUS, 'pages/001/source.html'));
    server.routes.set('/good', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    const csv = await writeTemp('instapaper.csv', `URL,Title,Selection,Folder\n${server.url}/good,Good one,,Starred\n${server.url}/missing,Missing one,,Unread\n`);
    const dir = await tempDir();
    const imported = await kabar(dir, 'import-library', csv, '--no-fetch');
    expect(imported.out).toContain('2 links waiting');
    expect(imported.out).toContain('kabar fetch-pending');
    const fetched = await kabar(dir, '--json', 'fetch-pending');
    expect(fetched.code).toBe(2);
    const status = JSON.parse(fetched.out) as { fetched: number; failed: number; failedLinks: { title: string; code: string; reason: string }[] };
    expect(status).toMatchObject({ fetched: 1, failed: 1 });
    expect(status.failedLinks).toEqual([expect.objectContaining({ title: 'Missing one', code: 'HTTP_ERROR', reason: expect.stringMatching(/404/) })]);
    const show = await kabar(dir, 'search', 'coverage');
    expect(show.out).toContain('Good one');
  }, 60_000);

  it('errors carry their code in --json; an unknown --from is refused', async () => {
    const dir = await tempDir();
    const bad = await kabar(dir, '--json', 'import-library', join(CORPUS, 'seed/diplomasi-bayangan.txt'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toMatchObject({ error: { code: 'IMPORT_UNKNOWN_FORMAT' } });
    const from = await kabar(dir, 'import-library', join(SAMPLES, 'pocket.csv'), '--from', 'myspace');
    expect(from.err).toContain('Unknown format "myspace"');
  });

  it('prints progress on stderr when asked (KABAR_PROGRESS=1), summary on stdout', async () => {
    const dir = await tempDir();
    const root = resolve(__dirname, '../../..');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'main/cli.ts'), '--data', dir, 'import-library', join(SAMPLES, 'omnivore.json'), '--no-fetch'],
      { cwd: root, env: { ...process.env, KABAR_PROGRESS: '1' } },
    );
    expect(stderr).toMatch(/importing: \d+ of 20/);
    expect(stdout).toContain('omnivore-json: 20 entries read');
  }, 60_000);
});
