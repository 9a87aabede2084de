/**
 * The refresh scheduler: one refresh at a time (by hand, on start, or every N minutes),
 * progress gathered into one snapshot of every feed's state, and cancellation. Pure Node:
 * the host (main/handlers-feeds.ts) passes the library, fetch and where progress goes.
 */
import type { Library } from '../store';
import type { RefreshStatus } from '../types';
import { refreshFeeds, type FeedRefreshResult, type FeedState, type RefreshOptions } from './refresh';

/** Where a refresh stands: how many feeds are done, and each feed's state. */
export type { RefreshStatus };

/** How the scheduler runs refreshes. */
export interface SchedulerOptions {
  library: Library;
  /** Milliseconds between automatic refreshes; 0 or less: only by hand. Read each time a timer is set. */
  intervalMs: () => number;
  /** Options passed to every refresh (fetch, global keep-days…); read at the start of each. */
  refreshOptions?: () => Omit<RefreshOptions, 'ids' | 'signal' | 'onProgress' | 'force'>;
  /** Called whenever the status changes (the host throttles what it sends on). */
  onStatus?: (status: RefreshStatus) => void;
  /** Called when a feed finished (its record, unread count or error changed). */
  onFeedDone?: (result: { feedId: string; state: FeedState }) => void;
}

/** A running scheduler. */
export interface RefreshScheduler {
  /** Starts a refresh of these feeds (all when omitted); while one runs, returns that one. */
  refresh: (ids?: string[]) => Promise<FeedRefreshResult[]>;
  /** Cancels the running refresh (feeds not yet fetched are reported cancelled). */
  cancel: () => void;
  status: () => RefreshStatus;
  /** Plans the next automatic refresh `firstDelayMs` from now (default: one interval). */
  reschedule: (firstDelayMs?: number) => void;
  /** Stops the timer and cancels a running refresh; resolves once it has stopped. */
  close: () => Promise<void>;
}

const IDLE: RefreshStatus = { running: false, done: 0, total: 0, added: 0, states: {} };

/** Creates a scheduler; nothing runs until `refresh` or `reschedule` is called. */
export function createRefreshScheduler(opts: SchedulerOptions): RefreshScheduler {
  let status: RefreshStatus = { ...IDLE };
  let current: { promise: Promise<FeedRefreshResult[]>; controller: AbortController } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const publish = (next: RefreshStatus): void => {
    status = next;
    opts.onStatus?.(status);
  };

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const reschedule = (firstDelayMs?: number): void => {
    clearTimer();
    if (closed) return;
    const interval = opts.intervalMs();
    if (interval <= 0) return;
    timer = setTimeout(() => {
      timer = null;
      // An automatic refresh never forces: feeds in backoff or Retry-After stay skipped.
      void refresh(undefined).catch(() => undefined);
    }, firstDelayMs ?? interval);
    // The timer must not keep a CLI or test process alive.
    timer.unref?.();
  };

  const run = async (ids: string[] | undefined, controller: AbortController): Promise<FeedRefreshResult[]> => {
    publish({ running: true, done: 0, total: 0, added: 0, states: {} });
    try {
      return await refreshFeeds(opts.library, {
        ...opts.refreshOptions?.(),
        ids,
        // A refresh of chosen feeds is the user asking now: backoff and Retry-After give way.
        force: ids !== undefined,
        signal: controller.signal,
        onProgress: (p) => {
          const finished = p.state !== 'queued' && p.state !== 'fetching';
          publish({ ...status, done: p.done, total: p.total, added: status.added + (p.added ?? 0), states: { ...status.states, [p.feedId]: p.state } });
          if (finished) opts.onFeedDone?.({ feedId: p.feedId, state: p.state });
        },
      });
    } finally {
      publish({ ...status, running: false });
      current = null;
      reschedule();
    }
  };

  const refresh = (ids?: string[]): Promise<FeedRefreshResult[]> => {
    if (current) return current.promise;
    if (closed) return Promise.resolve([]);
    clearTimer();
    const controller = new AbortController();
    const promise = run(ids, controller);
    current = { promise, controller };
    return promise;
  };

  return {
    refresh,
    cancel: () => current?.controller.abort(),
    status: () => status,
    reschedule,
    close: async () => {
      closed = true;
      clearTimer();
      const running = current;
      running?.controller.abort();
      await running?.promise.catch(() => undefined);
    },
  };
}
