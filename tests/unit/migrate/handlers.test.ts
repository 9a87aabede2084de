/**
 * The import-from-another-app channels over a real library, real files and a real local server:
 * choose / dropped path → summary and progress events, the link fetch started, paused, its
 * progress, retry failed; arguments checked against the contract before any handler runs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMATS } from '../../../main/core/migrate';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { parseArgs } from '../../../main/wire';
import { MIGRATE_FORMATS } from '../../../preload/contract-migrate';
import type { Events, FetchStatus, MigrateSummary } from '../../../preload/contract';
import { startServer, type TestServer } from '../feeds/server';
import { CORPUS, tempDir } from '../helpers';
import { SAMPLES, writeTemp } from './helpers';

let server: TestServer;
let set: HandlerSet;
const events: { event: keyof Events; payload: unknown }[] = [];
let nextFile: string | null = null;
const strings = { title: 'Import from another app', button: 'Import', filterName: 'Exports' };

beforeEach(async () => {
  server = await startServer();
  events.length = 0;
  set = await createHandlers({
    dataDir: await tempDir(),
    version: 'x',
    systemLocale: 'en',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: (event, payload) => void events.push({ event, payload }),
    chooseFiles: async () => [],
    chooseFile: async () => nextFile,
    setMenuStrings: () => undefined,
  });
  await set.handlers['settings:set']({ refreshMinutes: 0 });
});
afterEach(async () => {
  await set.close();
  await server.close();
});

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('migrate channels', () => {
  it('the window offers exactly the formats the core reads', () => {
    expect([...MIGRATE_FORMATS]).toEqual([...FORMATS]);
  });

  it('choose: cancelled is null; a chosen export is imported with progress events', async () => {
    nextFile = null;
    expect(await set.handlers['migrate:choose'](strings, {})).toBeNull();
    nextFile = join(SAMPLES, 'omnivore.json');
    const summary = (await set.handlers['migrate:choose'](strings, { tags: ['omnivore'], noFetch: true })) as MigrateSummary;
    expect(summary).toMatchObject({ format: 'omnivore-json', total: 20, entries: 20, imported: 20, linksWaiting: 20 });
    const progress = events.filter((e) => e.event === 'migrate:progress').map((e) => e.payload as MigrateSummary);
    expect(progress.at(-1)).toMatchObject({ entries: 20, total: 20 });
    const list = await set.handlers['library:list']({ tags: ['omnivore'] });
    expect(list.total).toBe(20);
    expect((await set.handlers['migrate:fetchStatus']()).waiting).toBe(20);
  });

  it('a dropped export starts the fetch; failures keep their reason; retry failed fetches them', async () => {
    const page = await readFile(join(CORPUS, 'pages/001/source.html'));
    let fixed = false;
    server.routes.set('/a', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    server.routes.set('/b', (_req, res) => void (fixed ? res.writeHead(200, { 'content-type': 'text/html' }).end(page) : res.writeHead(404).end()));
    const csv = await writeTemp('pocket.csv', `title,url,time_added,tags,status\nA,${server.url}/a,1600000000,,unread\nB,${server.url}/b,1600000000,,unread\n`);
    const summary = await set.handlers['migrate:importPath'](csv, {});
    expect(summary.linksWaiting).toBe(2);
    const last = (): FetchStatus | undefined => events.filter((e) => e.event === 'migrate:fetchProgress').map((e) => e.payload as FetchStatus).at(-1);
    await until(() => last()?.done === 2);
    expect(last()).toMatchObject({ fetched: 1, failed: 1, waiting: 0 });
    expect(last()?.failures[0]).toMatchObject({ title: 'B', code: 'HTTP_ERROR' });
    fixed = true;
    expect(await set.handlers['migrate:retryFailed']()).toBe(1);
    await until(() => last()?.fetched === 1 && last()?.done === 1 && last()?.total === 1);
    const all = await set.handlers['library:list']({});
    expect(all.items.every((m) => !m.link)).toBe(true);
  }, 120_000);

  it('pause is remembered and reported; start resumes', async () => {
    const page = await readFile(join(CORPUS, 'pages/001/source.html'));
    server.routes.set('/slow', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 300));
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    const rows = Array.from({ length: 6 }, (_, i) => `S${i},${server.url}/slow?n=${i},1600000000,,unread`);
    await set.handlers['migrate:importPath'](await writeTemp('p.csv', ['title,url,time_added,tags,status', ...rows].join('\n')), {});
    const paused = await set.handlers['migrate:fetchPause']();
    expect(paused.paused).toBe(true);
    expect((await set.handlers['migrate:fetchStatus']()).paused).toBe(true);
    const waiting = (await set.handlers['migrate:fetchStatus']()).waiting;
    expect(waiting).toBeGreaterThan(0);
    await set.handlers['migrate:fetchStart']();
    await until(() => events.some((e) => e.event === 'migrate:fetchProgress' && (e.payload as FetchStatus).waiting === 0 && !(e.payload as FetchStatus).paused));
  }, 120_000);

  it('a dropped export by content (no path): the wallabag sample is imported with its text, and its temp copy is gone', async () => {
    const drops = async (): Promise<string[]> => (await readdir(tmpdir())).filter((n) => n.startsWith('kabar-drop-'));
    const before = await drops();
    const data = new Uint8Array(await readFile(join(SAMPLES, 'wallabag-v2.json')));
    const summary = await set.handlers['migrate:importFile']({ name: 'wallabag-v2.json', data }, { tags: ['dropped'], noFetch: true });
    expect(summary).toMatchObject({ format: 'wallabag-json', entries: 6, failed: 0 });
    expect(summary.imported).toBeGreaterThan(0);
    const list = await set.handlers['library:list']({ tags: ['dropped'] });
    expect(list.total).toBe(summary.imported);
    expect(await drops()).toEqual(before);
    // A malformed drop is refused with its code and stores nothing.
    const bad = { name: 'broken.json', data: new TextEncoder().encode('[{"is_archived": 1, "title": ') };
    await expect(set.handlers['migrate:importFile'](bad, {})).rejects.toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/) });
    expect((await set.handlers['library:list']({})).total).toBe(list.total);
    expect(() => parseArgs('migrate:importFile', [{ name: '', data }, {}])).toThrow();
    expect(() => parseArgs('migrate:importFile', [{ name: 'x.json', data: 'text' }, {}])).toThrow();
  }, 120_000);

  it('refuses bad arguments before any handler runs', () => {
    expect(() => parseArgs('migrate:importPath', ['', {}])).toThrow();
    expect(() => parseArgs('migrate:importPath', ['/x.csv', { from: 'myspace' }])).toThrow();
    expect(() => parseArgs('migrate:importPath', ['/x.csv', { evil: true }])).toThrow();
    expect(parseArgs('migrate:importPath', ['/x.csv', { from: 'pocket-csv', tags: ['a'] }])).toEqual(['/x.csv', { from: 'pocket-csv', tags: ['a'] }]);
  });
});
