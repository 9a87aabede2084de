/** Import from another app (issue 12): the running import's "n of m", its summary, and the link fetch's state. */
import { create } from 'zustand';
import { api, onEvent } from '../api';
import type { DialogStrings, DroppedFile, FetchStatus, MigrateSummary } from '../../../preload/contract';

interface MigrateState {
  running: boolean;
  /** The import under way (or the last one): entries read of the file's total. */
  progress: MigrateSummary | null;
  summary: MigrateSummary | null;
  fetch: FetchStatus | null;
  error: unknown;
  /** Shows the open dialog and imports the chosen export. */
  choose: (strings: DialogStrings, tags: string[]) => Promise<void>;
  /** Imports an export file dropped on the window. */
  importPath: (path: string, tags: string[]) => Promise<void>;
  /** Imports a dropped export file by its content (the bridge had no path for it). */
  importFile: (file: DroppedFile, tags: string[]) => Promise<void>;
  refreshFetch: () => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  retryFailed: () => Promise<void>;
  /** Listens for progress events; returns the unsubscribe function. */
  listen: () => () => void;
}

/** The migrate store. */
export const useMigrate = create<MigrateState>()((set, get) => {
  const run = async (work: () => Promise<MigrateSummary | null>): Promise<void> => {
    if (get().running) return;
    set({ running: true, error: null, progress: null });
    try {
      const summary = await work();
      if (summary) set({ summary, progress: summary });
      await get().refreshFetch();
    } catch (error) {
      set({ error });
    } finally {
      set({ running: false });
    }
  };
  const act = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      set({ error: null });
      await work();
      await get().refreshFetch();
    } catch (error) {
      set({ error });
    }
  };
  return {
    running: false,
    progress: null,
    summary: null,
    fetch: null,
    error: null,
    choose: (strings, tags) => run(() => api.migrate.choose(strings, { tags })),
    importPath: (path, tags) => run(() => api.migrate.importPath(path, { tags })),
    importFile: (file, tags) => run(() => api.migrate.importFile(file, { tags })),
    refreshFetch: async () => set({ fetch: await api.migrate.fetchStatus() }),
    pause: () => act(() => api.migrate.fetchPause()),
    resume: () => act(() => api.migrate.fetchStart()),
    retryFailed: () => act(() => api.migrate.retryFailed()),
    listen: () => {
      const off = [onEvent('migrate:progress', (progress) => set({ progress })), onEvent('migrate:fetchProgress', (fetch) => set({ fetch }))];
      return () => off.forEach((f) => f());
    },
  };
});
