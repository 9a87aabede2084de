/**
 * Feeds: the subscription list with unread counts and errors, the refresh under way (from
 * `feeds:progress` events), collapsed folders, and the last outcome to announce. Re-reads of
 * the list are coalesced, so a refresh that changes hundreds of articles costs a few.
 */
import { create } from 'zustand';
import { api } from '../api';
import { feedsUnder } from '../features/feeds/tree';
import type { FeedList, RefreshStatus } from '../../../preload/contract';
import { coalesce } from './coalesce';
import { useLibrary } from './library';

/** How long list re-reads are gathered (ms). */
export const FEEDS_RELOAD_MS = 300;
/** While changes keep coming, the list is re-read at most this often (ms). */
export const FEEDS_GAP_MS = 1000;

/** A message to announce in the feeds section: a key under `feeds.` and its params. */
export interface FeedNotice {
  key: string;
  params?: Record<string, string | number>;
}

const IDLE: RefreshStatus = { running: false, done: 0, total: 0, added: 0, states: {} };

interface FeedsState {
  list: FeedList | null;
  progress: RefreshStatus;
  /** Keys of collapsed folders. */
  collapsed: Record<string, true>;
  error: unknown;
  notice: FeedNotice | null;
  /** Re-reads the list now. */
  load: () => Promise<void>;
  /** Asks for a coalesced re-read (after events). */
  reload: () => void;
  /** Starts a refresh of these feeds (null: all). */
  refresh: (ids: string[] | null) => Promise<void>;
  cancel: () => Promise<void>;
  toggleFolder: (key: string) => void;
  onProgress: (status: RefreshStatus) => void;
  setNotice: (notice: FeedNotice | null) => void;
}

/** The new list, reusing the previous feed objects that did not change (so their rows skip re-rendering). */
function keepUnchanged(previous: FeedList | null, next: FeedList): FeedList {
  if (!previous) return next;
  const old = new Map(previous.feeds.map((f) => [f.id, f]));
  const feeds = next.feeds.map((f) => {
    const before = old.get(f.id);
    return before && JSON.stringify(before) === JSON.stringify(f) ? before : f;
  });
  const same = feeds.length === previous.feeds.length && feeds.every((f, i) => f === previous.feeds[i]);
  const folders = JSON.stringify(previous.folders) === JSON.stringify(next.folders) ? previous.folders : next.folders;
  return same && folders === previous.folders ? { ...previous, refresh: next.refresh } : { ...next, feeds, folders };
}

/** Keeps the list's feed/folder filter in step with the feeds (a feed moved or was removed). */
function syncFilter(list: FeedList): void {
  const { filter, setFeeds } = useLibrary.getState();
  const chosen = filter.feeds;
  if (!chosen) return;
  if (chosen.key.startsWith('feed:')) {
    if (!list.feeds.some((f) => `feed:${f.id}` === chosen.key)) setFeeds(null);
    return;
  }
  const path = JSON.parse(chosen.key.slice('folder:'.length)) as string[];
  const ids = feedsUnder(list.feeds, path);
  if (ids.length === 0) setFeeds(null);
  else if (ids.join() !== chosen.ids.join()) setFeeds({ key: chosen.key, ids });
}

/** The feeds store. */
export const useFeeds = create<FeedsState>()((set, get) => {
  const load = async (): Promise<void> => {
    try {
      const list = keepUnchanged(get().list, await api.feeds.list());
      // Progress events are newer than the snapshot once a refresh is under way.
      set((s) => ({ list, error: null, progress: s.progress.running || s.progress.total > 0 ? s.progress : list.refresh }));
      syncFilter(list);
    } catch (error) {
      set({ error });
    }
  };
  const coalesced = coalesce(load, FEEDS_RELOAD_MS, FEEDS_GAP_MS);
  // A refresh the user asked for always says how it ended; an automatic one (on start, on the
  // interval) speaks only when it brought something, so it never talks over another notice.
  let userAsked = false;
  return {
    list: null,
    progress: IDLE,
    collapsed: {},
    error: null,
    notice: null,
    load,
    reload: coalesced.request,
    refresh: async (ids) => {
      userAsked = true;
      set({ notice: null });
      try {
        const status = await api.feeds.refresh(ids);
        // The answer may come after the first progress event; never step back.
        set((s) => (s.progress.running ? {} : { progress: status }));
      } catch (error) {
        set({ error });
      }
    },
    cancel: async () => {
      await api.feeds.cancelRefresh().catch((error: unknown) => set({ error }));
    },
    toggleFolder: (key) =>
      set((s) => {
        const collapsed = { ...s.collapsed };
        if (collapsed[key]) delete collapsed[key];
        else collapsed[key] = true;
        return { collapsed };
      }),
    onProgress: (status) => {
      const wasRunning = get().progress.running;
      set({ progress: status });
      if (wasRunning && !status.running) {
        // Failures are named in the summary ("2 new · 3 feeds failed — show"), not only beside each feed.
        const failed = Object.values(status.states).filter((st) => st === 'error').length;
        if (failed > 0) set({ notice: { key: 'refreshDoneFailed', params: { count: status.added, failed } } });
        else if (userAsked || status.added > 0) set({ notice: { key: 'refreshDone', params: { count: status.added } } });
        userAsked = false;
        get().reload();
      }
    },
    setNotice: (notice) => set({ notice, error: null }),
  };
});

/** The list filter key of a feed. */
export function feedFilterKey(id: string): string {
  return `feed:${id}`;
}

/** The list filter key of a folder. */
export function folderFilterKey(path: string[]): string {
  return `folder:${JSON.stringify(path)}`;
}
