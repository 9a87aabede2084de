/**
 * Language packs from the pack server (Firefox's models by default): the listing Settings shows,
 * the "Translate into" data per article language, and the one download that may run, with its
 * progress and Cancel. A finished download refreshes the listing and the targets.
 */
import { create } from 'zustand';
import { api, onEvent } from '../api';
import type { PackListingInfo, TargetLanguageInfo } from '../../../preload/contract';

/** A download's state, as PackOffer and PackCatalog show it. */
export type DownloadState = { status: 'idle' } | { status: 'downloading'; done: number; total: number } | { status: 'failed'; error: unknown };

interface PackSourceState {
  listing: PackListingInfo | null;
  listingError: unknown;
  /** "Translate into" per article language. */
  targets: Record<string, TargetLanguageInfo[]>;
  /** The running or last download: which pair and how it went. */
  download: { from: string; to: string; state: DownloadState } | null;
  loadListing: () => Promise<void>;
  loadTargets: (from: string) => Promise<TargetLanguageInfo[]>;
  /** Downloads what from→to needs; true when installed. */
  get: (from: string, to: string) => Promise<boolean>;
  cancel: () => Promise<void>;
}

/** The pack source store. */
export const usePackSource = create<PackSourceState>()((set, get) => ({
  listing: null,
  listingError: null,
  targets: {},
  download: null,
  loadListing: async () => {
    set({ listingError: null });
    try {
      set({ listing: await api.packs.available() });
    } catch (error) {
      set({ listingError: error });
    }
  },
  loadTargets: async (from) => {
    try {
      const targets = await api.packs.targets(from);
      set((s) => ({ targets: { ...s.targets, [from]: targets } }));
      return targets;
    } catch {
      // Without targets the language menu keeps its plain order; nothing to tell the user.
      return [];
    }
  },
  get: async (from, to) => {
    if (get().download?.state.status === 'downloading') return false;
    set({ download: { from, to, state: { status: 'downloading', done: 0, total: 0 } } });
    const off = onEvent('packs:download', (p) => {
      if (p.from === from && p.to === to) set({ download: { from, to, state: { status: 'downloading', done: p.done, total: p.total } } });
    });
    try {
      await api.packs.get(from, to);
      set({ download: null });
      return true;
    } catch (error) {
      set({ download: { from, to, state: { status: 'failed', error } } });
      return false;
    } finally {
      off();
      void get().loadTargets(from);
      if (get().listing) void get().loadListing();
    }
  },
  cancel: async () => {
    await api.packs.cancel().catch(() => false);
  },
}));
