/**
 * Handlers for the sync (issue 14) channels, and when sync runs: shortly after start, after each
 * feed refresh, every N minutes, and on "Sync now". Local changes are journalled as they happen
 * (the library's change listener). Imports no 'electron': the keychain comes in as ctx.secretBox.
 */
import { KabarError } from './core/errors';
import { readFeeds } from './core/feeds';
import type { Library } from './core/store';
import { ownerOnlyFileBox, SyncSession, type SyncStatusView } from './core/sync';
import type { HandlerContext, PartHandlers } from './handlers';
import type { SyncHandlers, SyncView } from '../preload/contract';

/** The first sync waits this long after start, so the window paints first. */
export const SYNC_START_DELAY_MS = 5000;

function toView(s: SyncStatusView, running: boolean): SyncView {
  return {
    url: s.account.url,
    user: s.account.user,
    days: s.account.days,
    intervalMinutes: s.account.intervalMinutes,
    lastSyncAt: s.lastSyncAt,
    lastError: s.lastError,
    waiting: s.waiting,
    running,
    credentialStore: s.credentialStore,
    syncedFeeds: s.syncedFeeds,
  };
}

/** The sync part: its handlers, the hook the feeds part calls after a refresh, and close. */
export interface SyncPart extends PartHandlers<SyncHandlers> {
  afterRefresh: () => void;
}

/** The sync handlers over one library. */
export function syncHandlers(library: Library, ctx: HandlerContext): SyncPart {
  const session = new SyncSession(library, { box: ctx.secretBox ?? ownerOnlyFileBox, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) });
  let running: Promise<unknown> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const view = (): SyncView | null => (session.hasAccount ? toView(session.status(), running !== null) : null);
  const tell = (): void => ctx.emit('sync:changed', view());

  /** Runs a sync (or a subscribe, which syncs after it) with the status line following it. */
  const run = async (work: () => Promise<unknown> = () => session.sync()): Promise<void> => {
    if (!session.hasAccount || closed) return;
    const before = new Set(readFeeds(library).map((f) => f.id));
    const attempt = work();
    running = attempt;
    tell();
    try {
      await attempt;
    } finally {
      running = null;
      const after = readFeeds(library).map((f) => f.id);
      ctx.emit('feeds:changed', { ids: [...new Set([...before, ...after])] });
      tell();
      schedule();
    }
  };
  const runQuietly = (): void => void run().catch(() => undefined); // the error is kept in the status line

  /** The next automatic sync: after the account's interval (none when it is 0). */
  function schedule(delayMs?: number): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed || !session.hasAccount) return;
    const minutes = session.status().account.intervalMinutes;
    const wait = delayMs ?? (minutes > 0 ? minutes * 60_000 : null);
    if (wait === null) return;
    timer = setTimeout(runQuietly, wait);
    timer.unref?.();
  }

  // Changes made in the window are journalled at once (crash-safe), not only at the next sync.
  const stopListening = library.readOnly
    ? () => undefined
    : library.onChange((ids) => {
        if (ids.length > 0 && session.hasAccount && session.capture(ids) > 0) tell();
      });
  schedule(SYNC_START_DELAY_MS);

  const handlers: SyncHandlers = {
    'sync:status': async () => view(),
    'sync:add': async (input) => {
      await session.addAccount(input);
      runQuietly(); // the first sync fills the library in the background; its progress is in the status
      return view() as SyncView;
    },
    'sync:remove': async () => {
      const result = await session.removeAccount();
      schedule();
      ctx.emit('feeds:changed', { ids: readFeeds(library).map((f) => f.id) });
      tell();
      return result;
    },
    'sync:now': async () => {
      await run();
      return view() as SyncView;
    },
    'sync:options': async (patch) => {
      await session.setOptions(patch);
      schedule(); // a new interval takes effect now, not after the old one runs out
      tell();
      return view() as SyncView;
    },
    'sync:subscribe': async (feedUrl, folder) => {
      if (!session.hasAccount) throw new KabarError('SYNC_NO_ACCOUNT', 'No sync account is set up.');
      await run(() => session.subscribe(feedUrl, folder));
      return view() as SyncView;
    },
  };
  return {
    handlers,
    afterRefresh: () => {
      if (running === null) runQuietly();
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      stopListening();
      await running?.catch(() => undefined);
    },
  };
}
