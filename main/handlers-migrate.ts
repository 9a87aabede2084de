/**
 * Import from another app (issue 12) over an opened library: an export file chosen in the open
 * dialog or dropped on the window, then the background fetch of its links, with progress events.
 * Imports no 'electron' (the browser harness reuses it).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { importLibraryFile, LinkFetcher, type FetchStatus, type MigrateSummary } from './core/migrate';
import type { Library } from './core/store';
import type { HandlerContext, PartHandlers } from './handlers';
import type { MigrateHandlers, MigrateOptions } from '../preload/contract';

const PROGRESS_EVERY_MS = 200;

/** The migrate domain's handlers; `close` pauses nothing (the queue is on disk) but waits for a fetch under way. */
export function migrateHandlers(library: Library, ctx: HandlerContext): PartHandlers<MigrateHandlers> {
  let lastProgress = 0;
  const fetcher = new LinkFetcher(library, {
    fetch: ctx.fetch,
    onProgress: (status) => {
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_EVERY_MS || status.done === status.total) {
        lastProgress = now;
        ctx.emit('migrate:fetchProgress', status);
      }
    },
  });
  let running: Promise<FetchStatus> | null = null;
  const start = (): FetchStatus => {
    running ??= fetcher.run().finally(() => (running = null));
    void running.catch(() => undefined);
    return fetcher.status();
  };
  const importPath = async (path: string, options: MigrateOptions): Promise<MigrateSummary> => {
    let last = 0;
    const summary = await importLibraryFile(library, path, {
      from: options.from,
      tags: options.tags,
      onProgress: (s) => {
        if (Date.now() - last < PROGRESS_EVERY_MS) return;
        last = Date.now();
        ctx.emit('migrate:progress', s);
      },
    });
    ctx.emit('migrate:progress', summary);
    if (!options.noFetch && summary.linksWaiting > 0) start();
    return summary;
  };
  const handlers: MigrateHandlers = {
    'migrate:choose': async (strings, options) => {
      const path = await ctx.chooseFile?.(strings, { mode: 'open', extensions: ['csv', 'html', 'htm', 'json', 'zip', '*'] });
      return path ? importPath(path, options) : null;
    },
    'migrate:importPath': async (path, options) => importPath(path, options),
    'migrate:importFile': async (file, options) => {
      // The importers read files (ZIPs by random access): the bytes go to a private temp folder, removed after.
      const dir = await mkdtemp(join(tmpdir(), 'kabar-drop-'));
      try {
        const path = join(dir, basename(file.name.replace(/\\/g, '/')) || 'export');
        await writeFile(path, file.data);
        return await importPath(path, options);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    'migrate:fetchStatus': async () => ({ ...fetcher.status(), waiting: fetcher.waitingLinks().length, paused: await fetcher.isPaused() }),
    'migrate:fetchStart': async () => start(),
    'migrate:fetchPause': async () => {
      await fetcher.pause();
      return fetcher.status();
    },
    'migrate:retryFailed': async () => {
      const count = await fetcher.retryFailed();
      start();
      return count;
    },
  };
  return { handlers, close: async () => void (await running?.catch(() => undefined)) };
}
