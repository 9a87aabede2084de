/** The sync account as Settings → Accounts shows it: its status, and add / remove / sync now. */
import { create } from 'zustand';
import { api, onEvent } from '../api';
import type { SyncAccountInput, SyncView } from '../../../preload/contract';

interface SyncState {
  /** The account and its status; null when none; undefined until loaded. */
  view: SyncView | null | undefined;
  busy: boolean;
  /** The last action's error (translated by its code). */
  error: unknown;
  load: () => Promise<void>;
  add: (input: SyncAccountInput) => Promise<boolean>;
  remove: () => Promise<void>;
  syncNow: () => Promise<void>;
  /** Changes the sync interval or the days of history. */
  setOptions: (patch: { days?: number; intervalMinutes?: number }) => Promise<void>;
  /** Subscribes to a feed on the server (it appears on every device); false when it failed (see error). */
  subscribe: (feedUrl: string, folder?: string) => Promise<boolean>;
}

/** The sync store. */
export const useSync = create<SyncState>()((set, get) => {
  const act = async (work: () => Promise<void>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      await work();
      return true;
    } catch (error) {
      set({ error });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  return {
    setOptions: async (patch) => {
      await act(async () => set({ view: await api.sync.options(patch) }));
    },
    subscribe: (feedUrl, folder) => act(async () => set({ view: await (folder ? api.sync.subscribe(feedUrl, folder) : api.sync.subscribe(feedUrl)) })),
    view: undefined,
    busy: false,
    error: null,
    load: async () => {
      await act(async () => set({ view: await api.sync.status() }));
    },
    add: (input) => act(async () => set({ view: await api.sync.add(input) })),
    remove: async () => {
      await act(async () => {
        await api.sync.remove();
        set({ view: null });
      });
    },
    syncNow: async () => {
      // A failed sync is also in the status line (lastError); reload it either way.
      await act(() => api.sync.now().then((view) => set({ view })));
      if (get().error) set({ view: await api.sync.status().catch(() => get().view) });
    },
  };
});

/** Follows main's status events; returns the unsubscribe function. */
export function followSync(): () => void {
  return onEvent('sync:changed', (view) => useSync.setState({ view }));
}
