/** Handlers for the feeds (issue 4) channels; main/handlers.ts merges them. Imports no 'electron'. */
import { readFile, writeFile } from 'node:fs/promises';
import { KabarError } from './core/errors';
import {
  createRefreshScheduler,
  editFeed,
  exportOpml,
  importOpml,
  markAllRead,
  readFeeds,
  renameFolder,
  subscribe,
  unreadCounts,
  unsubscribe,
  type FeedRecord,
  type RefreshScheduler,
} from './core/feeds';
import type { Library } from './core/store';
import type { HandlerContext, PartHandlers } from './handlers';
import type { FeedHandlers, FeedView, OpmlImportResult, RefreshStatus } from '../preload/contract';

/** The first automatic refresh waits this long after start, so the window paints first. */
export const START_DELAY_MS = 3000;
/** At most one progress event per this many ms (the last one always goes). */
const PROGRESS_EVERY_MS = 250;
/** Feed changes are gathered this long into one `feeds:changed`. */
const CHANGED_EVERY_MS = 250;

/** A feed record as the sidebar shows it. */
export function feedView(feed: FeedRecord, unread: number): FeedView {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    ...(feed.siteUrl ? { siteUrl: feed.siteUrl } : {}),
    folder: feed.folder,
    unread,
    error: feed.error ? { code: feed.error.code, message: feed.error.message, ...(feed.error.params ? { params: feed.error.params } : {}) } : null,
    fullText: feed.fullText,
    keepDays: feed.keepDays,
    ...(feed.lastSuccessAt ? { lastSuccessAt: feed.lastSuccessAt } : {}),
    ...(feed.sync ? { synced: true } : {}),
  };
}

/** Calls `send` with what was gathered at most once per `ms`; `flush` sends now. */
function throttle<T>(ms: number, merge: (acc: T | null, next: T) => T, send: (value: T) => void) {
  let pending: T | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const value = pending;
    pending = null;
    send(value);
  };
  return {
    push: (next: T): void => {
      pending = merge(pending, next);
      timer ??= setTimeout(flush, ms);
    },
    flush,
  };
}

/** The scheduler over this library, with progress and changes sent to the renderer. */
function scheduler(library: Library, ctx: HandlerContext, afterRefresh?: () => void) {
  const progress = throttle<RefreshStatus>(PROGRESS_EVERY_MS, (_acc, next) => next, (s) => ctx.emit('feeds:progress', s));
  const changed = throttle<string[]>(CHANGED_EVERY_MS, (acc, next) => [...new Set([...(acc ?? []), ...next])], (ids) => ctx.emit('feeds:changed', { ids }));
  const refresher: RefreshScheduler = createRefreshScheduler({
    library,
    intervalMs: () => library.settings().refreshMinutes * 60_000,
    refreshOptions: () => ({ fetch: ctx.fetch, keepDays: library.settings().keepDays }),
    onStatus: (status) => {
      progress.push(status);
      // The end of a refresh must not wait for the timer: the bar disappears at once.
      if (!status.running) {
        progress.flush();
        if (status.total > 0) afterRefresh?.();
      }
    },
    onFeedDone: ({ feedId }) => changed.push([feedId]),
  });
  return { refresher, changed: (ids: string[]) => changed.push(ids), flush: () => [progress.flush(), changed.flush()] };
}

/** Restarts the timer when the refresh interval setting changes. */
function followInterval(library: Library, refresher: RefreshScheduler): () => void {
  let minutes = library.settings().refreshMinutes;
  return library.onChange((ids) => {
    if (ids.length > 0 || library.settings().refreshMinutes === minutes) return;
    minutes = library.settings().refreshMinutes;
    refresher.reschedule();
  });
}

function viewOf(library: Library, feed: FeedRecord): FeedView {
  return feedView(feed, unreadCounts(library).feeds[feed.id] ?? 0);
}

/** The feed handlers plus what main calls itself: importing an .opml file the OS opened Kabar with. */
export interface FeedPart extends PartHandlers<FeedHandlers> {
  importOpmlPath: (path: string) => Promise<OpmlImportResult>;
}

/** The feeds (issue 4) handlers over one library, and how to release what they hold. */
export function feedHandlers(library: Library, ctx: HandlerContext, afterRefresh?: () => void): FeedPart {
  const { refresher, changed, flush } = scheduler(library, ctx, afterRefresh);
  const stopFollowing = followInterval(library, refresher);
  if (library.settings().refreshMinutes > 0) refresher.reschedule(START_DELAY_MS);
  const edited = (feed: FeedRecord): FeedView => {
    changed([feed.id]);
    return viewOf(library, feed);
  };

  const importOpmlPath = async (path: string): Promise<OpmlImportResult> => {
    const bytes = await readFile(path).catch(() => {
      throw new KabarError('FILE_NOT_FOUND', `The file ${path} cannot be read.`, { path });
    });
    const result = importOpml(library, bytes, new Date());
    changed(result.added.map((f) => f.id));
    // New subscriptions fill in at once rather than at the next interval.
    if (result.added.length > 0) void refresher.refresh(result.added.map((f) => f.id)).catch(() => undefined);
    return { added: result.added.length, existing: result.existing, total: result.total };
  };

  const handlers: FeedHandlers = {
    'feeds:list': async () => {
      const counts = unreadCounts(library);
      return { feeds: readFeeds(library).map((f) => feedView(f, counts.feeds[f.id] ?? 0)), folders: counts.folders, refresh: refresher.status() };
    },
    'feeds:subscribe': async (url, folder) => {
      const result = await subscribe(library, url, { folder, fetch: ctx.fetch, keepDays: library.settings().keepDays });
      if (result.kind === 'choose') return result;
      changed([result.feed.id]);
      return { kind: 'subscribed', feed: viewOf(library, result.feed), created: result.created, added: result.added };
    },
    'feeds:refresh': async (ids) => {
      void refresher.refresh(ids ?? undefined).catch(() => undefined);
      return refresher.status();
    },
    'feeds:cancelRefresh': async () => refresher.cancel(),
    'feeds:rename': async (id, title) => edited(editFeed(library, id, { title })),
    'feeds:setFolder': async (id, folder) => edited(editFeed(library, id, { folder })),
    'feeds:renameFolder': async (from, to) => {
      const moved = renameFolder(library, from, to);
      changed([]);
      return moved;
    },
    'feeds:setOptions': async (id, options) => edited(editFeed(library, id, options)),
    'feeds:remove': async (id) => {
      const result = await unsubscribe(library, id);
      changed([id]);
      return result;
    },
    'feeds:markAllRead': async (scope) => {
      const n = markAllRead(library, scope);
      changed(scope.feedId ? [scope.feedId] : []);
      return n;
    },
    'feeds:importOpml': async (strings) => {
      const path = await ctx.chooseFile?.(strings, { mode: 'open', extensions: ['opml', 'xml'] });
      return path ? importOpmlPath(path) : null;
    },
    'feeds:exportOpml': async (strings) => {
      const path = await ctx.chooseFile?.(strings, { mode: 'save', extensions: ['opml'], defaultName: 'kabar-feeds.opml' });
      if (!path) return null;
      await writeFile(path, exportOpml(library, new Date()), 'utf8').catch((error: unknown) => {
        throw new KabarError('IO', `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, { path });
      });
      return { path, feeds: readFeeds(library).length };
    },
  };
  return {
    handlers,
    importOpmlPath,
    close: async () => {
      stopFollowing();
      await refresher.close();
      flush();
    },
  };
}
