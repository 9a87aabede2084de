/**
 * Files the OS hands to Kabar (the `.opml` file association): from the command line of the
 * first launch, from a second launch (single instance: it forwards its argv here), and from
 * macOS's `open-file` event. Each file is imported once the library is open; the outcome
 * reaches the renderer as `feeds:opmlOpened`, which shows it in the interface language.
 * Imports no 'electron': main/index.ts wires the app events to it.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { toUserError } from './wire';
import type { HandlerSet } from './handlers';
import type { Events } from '../preload/contract';

/** The `.opml` paths among command-line arguments (flags and other files are ignored). */
export function opmlPathsIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === '.opml')
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/** What opening files needs from the host. */
export interface OpenWithHost {
  opened: Promise<HandlerSet>;
  /** Resolves when the window can receive events (its page has loaded). */
  windowReady: () => Promise<void>;
  emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
}

/** Returns `open(paths)`: imports each OPML file in turn and reports each outcome. */
export function openWith(host: OpenWithHost): (paths: string[]) => Promise<void> {
  let queue = Promise.resolve();
  const importOne = async (path: string): Promise<void> => {
    const set = await host.opened;
    const outcome = await set.importOpmlPath(path).then(
      (result) => ({ path, result, error: null }),
      (error: unknown) => ({ path, result: null, error: toUserError('feeds:importOpml', error) }),
    );
    await host.windowReady();
    host.emit('feeds:opmlOpened', outcome);
  };
  return (paths) => {
    // One after another: two files naming the same feed must not race to subscribe it.
    for (const path of paths) queue = queue.then(() => importOne(path)).catch(() => undefined);
    return queue;
  };
}

/**
 * Wraps the handler set so `ready` resolves on the renderer's first `feeds:list` call: the
 * feeds section subscribes to feed events in the same effect that makes this call, so an
 * event sent after it is never lost (a page load event would be too early for React).
 */
export function readyOnFirstFeedList(opened: Promise<HandlerSet>): { opened: Promise<HandlerSet>; ready: () => Promise<void> } {
  let signal: () => void = () => undefined;
  const listed = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const wrapped = opened.then((set) => {
    const list = set.handlers['feeds:list'];
    const handlers = {
      ...set.handlers,
      'feeds:list': async () => {
        const value = await list();
        signal();
        return value;
      },
    };
    return { ...set, handlers };
  });
  return { opened: wrapped, ready: () => listed };
}
