import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { CORPUS, SEED, tempDir } from '../helpers';

const SEED_TITLE = 'Diplomasi Bayangan: Kontak Langsung Bos MI6 dan Intelijen Rusia di Tengah Panasnya Retorika Perang';

/** Runs the CLI in-process and captures what it prints. */
async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], {
    stdout: (t) => (out += t + '\n'),
    stderr: (t) => (err += t + '\n'),
    env: {},
    cwd: process.cwd(),
  });
  return { code, out, err };
}

async function kabarJson<T>(dir: string, ...args: string[]): Promise<T> {
  const result = await kabar(dir, '--json', ...args);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as T;
}

interface Summary {
  results: { ok: boolean; id?: string; created?: boolean; error?: { code: string } }[];
  imported: number;
  failed: number;
}

let server: Server;
let base: string;

beforeAll(async () => {
  const page = await readFile(join(CORPUS, 'pages', 'lemonde-1', 'source.html'));
  server = createServer((req, res) => {
    if (req.url === '/lemonde.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('kabar command line', () => {
  it('imports the seed and shows every metadata field and its blocks', async () => {
    const dir = await tempDir();
    const summary = await kabarJson<Summary>(dir, 'import', SEED, '--tag', 'intel');
    expect(summary.imported).toBe(1);
    const id = summary.results[0]!.id!;
    const shown = await kabarJson<Record<string, unknown> & { blocks: { type: string; text: string }[] }>(dir, 'show', id);
    expect(shown).toMatchObject({
      id,
      title: SEED_TITLE,
      section: 'International',
      place: 'Semarang',
      siteName: 'usmnews',
      credit: 'SINDOnews',
      lang: 'id',
      tags: ['intel'],
      bookmarked: false,
      readAt: null,
      progress: 0,
    });
    for (const field of ['savedAt', 'wordCount', 'readingMinutes', 'excerpt']) expect(shown).toHaveProperty(field);
    expect(shown.blocks.filter((b) => b.type === 'heading')).toHaveLength(3);
    expect(shown.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(11);
    const again = await kabarJson<Summary>(dir, 'import', SEED);
    expect(again.results[0]).toMatchObject({ ok: true, id, created: false });
  });

  it('tags, bookmarks, marks read, lists with filters and searches', async () => {
    const dir = await tempDir();
    const { results } = await kabarJson<Summary>(dir, 'import', SEED, `${base}/lemonde.html`);
    const [seed, lemonde] = results.map((r) => r.id!) as [string, string];
    await kabarJson(dir, 'tag', seed.slice(0, 8), 'politik', 'rusia');
    await kabarJson(dir, 'untag', seed, 'rusia');
    await kabarJson(dir, 'bookmark', seed);
    await kabarJson(dir, 'read', lemonde);
    const ids = async (...f: string[]) => (await kabarJson<{ items: { id: string }[] }>(dir, 'list', ...f)).items.map((i) => i.id);
    expect(await ids('--tag', 'politik')).toEqual([seed]);
    expect(await ids('--bookmarked')).toEqual([seed]);
    expect(await ids('--unread')).toEqual([seed]);
    expect(await ids('--lang', 'fr')).toEqual([lemonde]);
    await kabarJson(dir, 'bookmark', seed, '--off');
    expect(await ids('--bookmarked')).toEqual([]);
    const hits = await kabarJson<{ id: string }[]>(dir, 'search', 'intelijen');
    expect(hits.map((h) => h.id)).toEqual([seed]);
    const text = await kabar(dir, 'search', 'intelijen');
    expect(text.out).toMatch(/«[Ii]ntelijen»/);
  });

  it('deletes to the trash, exports and reports errors on stderr with a non-zero code', async () => {
    const dir = await tempDir();
    const out = await tempDir();
    const { results } = await kabarJson<Summary>(dir, 'import', SEED);
    const id = results[0]!.id!;
    const exported = await kabarJson<{ files: string[] }>(dir, 'export', id, '--format', 'md', '--out', join(out, 'seed.md'));
    const md = await readFile(exported.files[0]!, 'utf8');
    expect(md).toContain('# Diplomasi Bayangan');
    expect(md).toContain('## Konteks Ketegangan London-Moskow');
    await kabarJson(dir, 'export', id, '--format', 'html', '--out', out);
    await kabarJson(dir, 'export', id, '--format', 'json', '--out', out);
    expect((await readdir(out)).sort()).toHaveLength(3);

    await kabarJson(dir, 'delete', id);
    expect((await kabarJson<{ total: number }>(dir, 'list')).total).toBe(0);
    expect((await kabarJson<{ total: number }>(dir, 'list', '--trash')).total).toBe(1);

    const missing = await kabar(dir, '--json', 'show', 'ffffffff');
    expect(missing.code).not.toBe(0);
    expect(missing.out).toBe('');
    expect(JSON.parse(missing.err)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const unknown = await kabar(dir, 'frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Unknown command/);
  });

  it('imports several sources where some fail, and says which', async () => {
    const dir = await tempDir();
    const empty = join(await tempDir(), 'empty.txt');
    await writeFile(empty, '');
    const result = await kabar(dir, '--json', 'import', SEED, empty, `${base}/missing.html`);
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.out) as Summary;
    expect(summary.results.map((r) => (r.ok ? 'ok' : r.error!.code))).toEqual(['ok', 'EMPTY_INPUT', 'HTTP_ERROR']);
    expect((await kabarJson<{ total: number }>(dir, 'list')).total).toBe(1);
  });

  it('backs up and restores the whole library byte for byte', async () => {
    const dir = await tempDir();
    const archive = join(await tempDir(), 'kabar-backup.tar.gz');
    const { results } = await kabarJson<Summary>(dir, 'import', SEED, '--tag', 'simpan');
    const id = results[0]!.id!;
    await kabarJson(dir, 'backup', '--out', archive);
    const before = await readFile(join(dir, 'articles', `${id}.json`));
    await kabarJson(dir, 'delete', id);
    await kabarJson(dir, 'empty-trash');
    const restored = await kabarJson<{ previous: string }>(dir, 'restore', archive);
    expect(await readFile(join(dir, 'articles', `${id}.json`))).toEqual(before);
    expect(await readdir(restored.previous)).toContain('library.json');
    const list = await kabarJson<{ items: { id: string; tags: string[] }[] }>(dir, 'list');
    expect(list.items).toMatchObject([{ id, tags: ['simpan'] }]);
    expect((await kabarJson<unknown[]>(dir, 'search', 'naryshkin')).length).toBe(1);

    const bogus = join(await tempDir(), 'bogus.tar.gz');
    await copyFile(SEED, bogus);
    const bad = await kabar(dir, 'restore', bogus);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a readable Kabar backup/);
    expect((await kabarJson<{ total: number }>(dir, 'list')).total).toBe(1);
  });

  it('translates the seed to Malay with Apertium and stores it (--to, --engine)', async () => {
    const dir = await tempDir();
    const { results } = await kabarJson<Summary>(dir, 'import', SEED);
    const id = results[0]!.id!;
    const summary = await kabarJson<{ lang: string; from: string; engine: string; blocks: number; failedBlocks: number }>(
      dir, 'translate', id, '--to', 'ms', '--engine', 'apertium',
    );
    expect(summary).toMatchObject({ lang: 'ms', from: 'id', engine: 'apertium', failedBlocks: 0 });
    const shown = await kabarJson<{ blocks: unknown[] }>(dir, 'show', id);
    expect(summary.blocks).toBe(shown.blocks.length);
    const engines = await kabarJson<{ engines: { id: string; pairs: { from: string; to: string }[] }[] }>(dir, 'engines');
    expect(engines.engines.find((e) => e.id === 'apertium')!.pairs).toContainEqual({ from: 'id', to: 'ms' });
  });
  // The built CLI as a real process (npm run cli, out/main/cli.js): build.test.ts.
});
