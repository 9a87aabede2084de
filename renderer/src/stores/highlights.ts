/**
 * The Highlights view (issue 13): every highlight in the library, newest first, filtered by tag,
 * colour, article and language, fetched a page at a time; and the search box's highlights group.
 */
import { create } from 'zustand';
import { api } from '../api';
import type { HighlightColor, HighlightEntry, HighlightHit } from '../../../preload/contract';
import { openArticle } from './actions';
import { useLibrary } from './library';
import { useMarks } from './marks';

/** Highlights per fetched page. */
export const HIGHLIGHT_PAGE = 100;

/** What the Highlights view is filtered by. */
export interface HighlightsFilter {
  tag?: string;
  color?: HighlightColor;
  lang?: string;
  articleId?: string;
}

interface HighlightsState {
  /** The list pane shows the Highlights view. */
  open: boolean;
  filter: HighlightsFilter;
  items: HighlightEntry[];
  total: number | null;
  error: unknown;
  show: () => void;
  /** The pointer or focus reached the Highlights entry: start loading main's catalog before the click. */
  prefetch: () => void;
  close: () => void;
  setFilter: (patch: Partial<HighlightsFilter>) => void;
  loadMore: () => Promise<void>;
  /** Highlights matching the search box's words (their own results group). */
  hits: HighlightHit[];
  searchHits: (query: string) => Promise<void>;
}

let generation = 0;
let prefetched = false;

/** The Highlights view store. */
export const useHighlights = create<HighlightsState>()((set, get) => {
  const fetch = async (reset: boolean): Promise<void> => {
    const gen = reset ? ++generation : generation;
    const offset = reset ? 0 : get().items.length;
    try {
      const page = await api.marks.list({ ...get().filter, offset, limit: HIGHLIGHT_PAGE });
      if (gen !== generation) return;
      set((s) => ({ items: reset ? page.items : [...s.items, ...page.items], total: page.total, error: null }));
    } catch (error) {
      if (gen === generation) set({ error, total: 0, items: [] });
    }
  };
  return {
    open: false,
    filter: {},
    items: [],
    total: null,
    error: null,
    hits: [],
    prefetch: () => {
      if (prefetched || get().open) return;
      prefetched = true;
      void api.marks.list({ limit: 1 }).catch(() => undefined);
    },
    show: () => {
      set({ open: true, items: [], total: null });
      void fetch(true);
    },
    close: () => {
      generation += 1;
      set({ open: false });
    },
    setFilter: (patch) => {
      const filter = { ...get().filter, ...patch };
      for (const key of Object.keys(filter) as (keyof HighlightsFilter)[]) if (!filter[key]) delete filter[key];
      set({ filter, items: [], total: null });
      void fetch(true);
    },
    loadMore: async () => {
      const { items, total } = get();
      if (total !== null && items.length < total) await fetch(false);
    },
    searchHits: async (query) => {
      if (query.trim() === '') {
        set({ hits: [] });
        return;
      }
      try {
        set({ hits: await api.marks.search(query, 20) });
      } catch {
        // The query syntax may not parse as plain words: the articles group shows that error.
        set({ hits: [] });
      }
    },
  };
});

// Choosing a view, tag, language, feed or smart view in the sidebar leaves the Highlights view.
useLibrary.subscribe((s, prev) => {
  if (s.filter !== prev.filter && useHighlights.getState().open) useHighlights.getState().close();
});

/** Opens the article of a highlight, scrolled to it with a flash. */
export async function openHighlight(entry: HighlightEntry): Promise<void> {
  useMarks.getState().setFlash(entry.highlight.id);
  await openArticle(entry.articleId);
}
