/** `kabar feeds …` over a real library and a local feed server, text and --json results. */
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandOptions } from '../../../main/cli/commands';
import { FEED_COMMANDS } from '../../../main/cli/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from './server';

let server: TestServer;
let library: Library;
let cwd: string;

const run = (...positionals: string[]): ReturnType<NonNullable<(typeof FEED_COMMANDS)['feeds']>> => {
  const options: CommandOptions & { feed?: string } = { positionals, tag: [], bookmarked: false, unread: false, trash: false, off: false, cwd };
  return (FEED_COMMANDS.feeds as NonNullable<(typeof FEED_COMMANDS)['feeds']>)(library, options);
};

beforeEach(async () => {
  server = await startServer();
  cwd = await tempDir();
  library = await openLibrary({ dir: await tempDir() });
  server.routes.set('/feed.xml', serve(rss('CLI feed', [{ title: 'Hello', link: 'http://example.org/h' }]), { 'content-type': 'application/rss+xml' }));
});
afterEach(async () => {
  await library.close();
  await server.close();
});

describe('kabar feeds', () => {
  it('add, list, refresh, export-opml, remove, import-opml', async () => {
    const added = await run('add', `${server.url}/feed.xml`);
    expect(added.text).toMatch(/^subscribed: [0-9a-f]{12} {2}CLI feed \(1 new articles\)/);
    const id = (added.json as { feed: { id: string } }).feed.id;
    const list = await run('list');
    expect(list.text).toContain('1 unread');
    expect((list.json as { feeds: { id: string; unread: number }[] }).feeds[0]).toMatchObject({ id, unread: 1 });
    const refresh = await run('refresh', id.slice(0, 6));
    expect(refresh.exitCode).toBe(0);
    expect((refresh.json as { results: { state: string }[] }).results[0]?.state).toBe('ok');
    const out = await run('export-opml', 'subs.opml');
    expect(await readFile(join(cwd, 'subs.opml'), 'utf8')).toContain(`xmlUrl="${server.url}/feed.xml"`);
    expect(out.json).toMatchObject({ feeds: 1 });
    const removed = await run('remove', id);
    expect(removed.json).toMatchObject({ id, trashed: 1, kept: 0 });
    await writeFile(join(cwd, 'in.opml'), '<opml version="2.0"><body><outline text="X"><outline text="Y" xmlUrl="http://y.example/f"/></outline></body></opml>');
    const imported = await run('import-opml', 'in.opml');
    expect(imported.json).toMatchObject({ existing: 0, total: 1, added: [{ folder: ['X'], title: 'Y' }] });
    await expect(run('remove')).rejects.toThrow(/Usage/);
    await expect(run('bogus')).rejects.toThrow(/Usage/);
  });
});
