/**
 * Opening Kabar with an .opml file (the installers' file association): the paths picked from
 * a command line, the import over a real library, and the outcome held back until the
 * renderer listens.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { openWith, opmlPathsIn, readyOnFirstFeedList } from '../../../main/open-with';
import type { Events } from '../../../preload/contract';
import { tempDir } from '../helpers';

const OPML = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'feeds', 'opml', 'rsparser', 'Subs.opml');

let dir: string;
let set: HandlerSet;
const events: { event: keyof Events; payload: unknown }[] = [];

beforeEach(async () => {
  dir = await tempDir();
  events.length = 0;
  set = await createHandlers({
    dataDir: join(dir, 'library'),
    version: 'x',
    systemLocale: 'en',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    // Nothing may leave this machine: the imported feeds' refresh fails fast, offline.
    fetch: async () => {
      throw new TypeError('offline (test)');
    },
    emit: (event, payload) => void events.push({ event, payload }),
    chooseFiles: async () => [],
    setMenuStrings: () => undefined,
  });
  await set.handlers['settings:set']({ refreshMinutes: 0 });
});
afterEach(async () => {
  await set.close();
});

describe('opmlPathsIn', () => {
  it('takes .opml arguments (any case), resolves relative ones, and ignores flags and other files', () => {
    const argv = ['/opt/Kabar/kabar', '--data-dir=/x', 'subs.OPML', '/home/a/news.opml', 'notes.txt', '--inspect'];
    expect(opmlPathsIn(argv, '/home/a')).toEqual(['/home/a/subs.OPML', '/home/a/news.opml']);
    expect(opmlPathsIn(['/opt/Kabar/kabar'], '/')).toEqual([]);
  });
});

describe('openWith', () => {
  it('subscribes to the file’s feeds and reports the outcome only once the renderer lists feeds', async () => {
    const path = join(dir, 'subs.opml');
    await copyFile(OPML, path);
    const { opened, ready } = readyOnFirstFeedList(Promise.resolve(set));
    const emitted: Events['feeds:opmlOpened'][] = [];
    const open = openWith({ opened, windowReady: ready, emit: (event, payload) => event === 'feeds:opmlOpened' && void emitted.push(payload as Events['feeds:opmlOpened']) });
    const done = open([path]);
    await new Promise((r) => setTimeout(r, 100));
    expect(emitted).toEqual([]);
    await (await opened).handlers['feeds:list']();
    await done;
    const feeds = await set.handlers['feeds:list']();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ path, error: null, result: { added: feeds.feeds.length } });
    expect(feeds.feeds.length).toBeGreaterThan(0);
  });

  it('reports a file that is not OPML with its error code and keeps the library as it was', async () => {
    const path = join(dir, 'broken.opml');
    await writeFile(path, 'this is not an outline');
    const emitted: Events['feeds:opmlOpened'][] = [];
    const open = openWith({ opened: Promise.resolve(set), windowReady: async () => undefined, emit: (_e, payload) => void emitted.push(payload as Events['feeds:opmlOpened']) });
    await open([path, join(dir, 'missing.opml')]);
    expect(emitted.map((e) => e.error?.code)).toEqual([expect.stringMatching(/OPML|MALFORMED|INVALID/), 'FILE_NOT_FOUND']);
    expect(emitted.every((e) => e.result === null)).toBe(true);
    expect((await set.handlers['feeds:list']()).feeds).toEqual([]);
  });
});
