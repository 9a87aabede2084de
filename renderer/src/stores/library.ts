/**
 * The article list: filters, sort, lazily fetched pages, selection and sidebar counts.
 * Only pages that rows scroll into view are fetched, so 10,000 articles cost what the
 * screen shows; a generation number drops answers to queries that are no longer current.
 */
import { create } from 'zustand';
import { api } from '../api';
import type { ArticleMeta, LibraryCounts, ListQuery, Settings } from '../../../preload/contract';

/** Rows per fetched page. */
export const PAGE_SIZE = 100;

/** The fixed views of the sidebar. */
export type View = 'all' | 'unread' | 'bookmarked' | 'trash';

/** What the list shows. */
export interface Filter {
  view: View;
  tags: string[];
  lang: string | null;
  /** A feed or folder chosen in the sidebar: its key and the feeds it holds; null shows every source. */
  feeds?: { key: string; ids: string[] } | null;
  /** A smart view chosen in the sidebar: its id and query (search syntax); null shows every article. */
  smart?: { id: string; query: string } | null;
}

interface LibraryState {
  filter: Filter;
  sort: Settings['sort'];
  /** Rows in the current list; null until the first page answers. */
  total: number | null;
  pages: Record<number, ArticleMeta[]>;
  selectedIndex: number;
  selectedId: string | null;
  counts: LibraryCounts | null;
  error: unknown;
  setView: (view: View) => void;
  toggleTag: (tag: string) => void;
  removeTag: (tag: string) => void;
  setLang: (lang: string | null) => void;
  /** Shows one feed's or folder's articles (null: every source). */
  setFeeds: (feeds: Filter['feeds']) => void;
  /** Shows the articles a smart view's query matches (null: leave the smart view). */
  setSmart: (smart: Filter['smart']) => void;
  clearFilters: () => void;
  setSort: (sort: Settings['sort']) => void;
  /** Fetches the pages holding rows start..end (inclusive) that are not loaded yet. */
  ensureRange: (start: number, end: number) => void;
  /** Re-reads the visible pages and counts after the library changed. */
  refresh: () => Promise<void>;
  loadCounts: () => Promise<void>;
  select: (index: number) => void;
  selectId: (id: string) => void;
  /** Moves the selection by delta rows (j/k). */
  move: (delta: number) => void;
  /** The row at an index, fetching its page first when it is not loaded (j/k past the loaded rows). */
  loadRow: (index: number) => Promise<ArticleMeta | undefined>;
  /** Replaces one article's metadata wherever the list shows it. */
  patch: (meta: ArticleMeta) => void;
}

let generation = 0;
const inFlight = new Map<number, Promise<void>>();
let lastRange: [number, number] = [0, PAGE_SIZE - 1];

/** The list query for a filter and sort (without paging). */
export function queryFor(filter: Filter, sort: Settings['sort']): ListQuery {
  const q: ListQuery = { sort };
  if (filter.view === 'unread') q.unread = true;
  if (filter.view === 'bookmarked') q.bookmarked = true;
  if (filter.view === 'trash') q.trash = true;
  if (filter.tags.length) q.tags = filter.tags;
  if (filter.lang) q.lang = filter.lang;
  if (filter.feeds) q.feedIds = filter.feeds.ids;
  if (filter.smart) q.query = filter.smart.query;
  return q;
}

/** The row at an index, when its page is loaded. */
export function rowAt(pages: Record<number, ArticleMeta[]>, index: number): ArticleMeta | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

function pagesOf(start: number, end: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++) out.push(p);
  return out;
}

/** The list index of a loaded article, if any. */
export function indexOfId(pages: Record<number, ArticleMeta[]>, id: string | null): number | undefined {
  if (id === null) return undefined;
  for (const [p, items] of Object.entries(pages)) {
    const i = items.findIndex((m) => m.id === id);
    if (i >= 0) return Number(p) * PAGE_SIZE + i;
  }
  return undefined;
}

const sameTag = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The previous object when it holds the same metadata, else the new one. */
function sameMeta(previous: ArticleMeta | undefined, next: ArticleMeta): ArticleMeta {
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/** The library list store. */
export const useLibrary = create<LibraryState>()((set, get) => {
  const fetchPage = (page: number, gen: number) =>
    api.library.list({ ...queryFor(get().filter, get().sort), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((res) => {
      if (gen !== generation) return null;
      return res;
    });

  const load = (page: number): Promise<void> => {
    const gen = generation;
    const pending = inFlight.get(page);
    if (pending) return pending;
    const done = fetchPage(page, gen).then(
      (res) => {
        inFlight.delete(page);
        if (!res) return;
        set((s) => {
          const pages = { ...s.pages, [page]: res.items };
          // After a filter change the selection follows the article it was on (the one being read),
          // wherever it now is; only with nothing selected does the first row take it.
          const found = indexOfId(pages, s.selectedId);
          if (found !== undefined) return { pages, total: res.total, error: null, selectedIndex: found };
          if (s.selectedIndex < 0 && s.selectedId !== null) return { pages, total: res.total, error: null };
          const selected = rowAt(pages, s.selectedIndex);
          return { pages, total: res.total, error: null, selectedId: s.selectedId ?? selected?.id ?? null };
        });
      },
      (error: unknown) => {
        inFlight.delete(page);
        if (gen === generation) set({ error });
      },
    );
    inFlight.set(page, done);
    return done;
  };

  const reset = (next: Partial<LibraryState>): void => {
    generation += 1;
    inFlight.clear();
    lastRange = [0, PAGE_SIZE - 1];
    // The selected article stays selected (index unknown, -1) until the new list shows where it is.
    const keep = get().selectedId;
    set({ ...next, pages: {}, total: null, selectedIndex: keep ? -1 : 0, selectedId: keep, error: null });
    void load(0);
  };

  const withFilter = (f: Partial<Filter>): void => reset({ filter: { ...get().filter, ...f } });

  return {
    filter: { view: 'all', tags: [], lang: null, feeds: null },
    sort: 'savedAt',
    total: null,
    pages: {},
    selectedIndex: 0,
    selectedId: null,
    counts: null,
    error: null,
    // A fixed view (All, Unread…) covers every source: it leaves a chosen feed.
    setView: (view) => withFilter({ view, feeds: null, smart: null }),
    toggleTag: (tag) => {
      const tags = get().filter.tags;
      withFilter({ tags: tags.some((t) => sameTag(t, tag)) ? tags.filter((t) => !sameTag(t, tag)) : [...tags, tag] });
    },
    removeTag: (tag) => withFilter({ tags: get().filter.tags.filter((t) => !sameTag(t, tag)) }),
    setLang: (lang) => withFilter({ lang }),
    setFeeds: (feeds) => withFilter({ feeds }),
    setSmart: (smart) => withFilter({ smart, view: 'all', feeds: null }),
    clearFilters: () => withFilter({ tags: [], lang: null }),
    setSort: (sort) => {
      if (sort !== get().sort) reset({ sort });
    },
    ensureRange: (start, end) => {
      lastRange = [start, end];
      const { pages } = get();
      for (const p of pagesOf(start, end)) if (!pages[p]) void load(p);
    },
    refresh: async () => {
      const gen = ++generation;
      inFlight.clear();
      const wanted = pagesOf(...lastRange);
      try {
        const [results, counts] = await Promise.all([Promise.all(wanted.map((p) => fetchPage(p, gen))), api.library.counts()]);
        if (gen !== generation || results.some((r) => r === null)) return;
        const pages: Record<number, ArticleMeta[]> = {};
        const before = new Map(Object.values(get().pages).flat().map((m) => [m.id, m]));
        // Rows whose metadata did not change keep their object, so the memoized rows skip
        // re-rendering: during a feed refresh this runs every half second.
        wanted.forEach((p, i) => (pages[p] = (results[i]?.items ?? []).map((m) => sameMeta(before.get(m.id), m))));
        const total = results[0]?.total ?? 0;
        set((s) => {
          // Keep the selection on the same article when it moved (e.g. marked read in Unread).
          const found = indexOfId(pages, s.selectedId);
          const selectedIndex = found ?? Math.min(s.selectedIndex, Math.max(0, total - 1));
          const selectedId = found !== undefined ? s.selectedId : (rowAt(pages, selectedIndex)?.id ?? null);
          return { pages, total, counts, selectedIndex, selectedId };
        });
      } catch (error) {
        if (gen === generation) set({ error });
      }
    },
    loadCounts: async () => {
      set({ counts: await api.library.counts() });
    },
    select: (index) => set((s) => ({ selectedIndex: index, selectedId: rowAt(s.pages, index)?.id ?? null })),
    selectId: (id) =>
      set((s) => {
        const index = indexOfId(s.pages, id);
        return index === undefined ? { selectedId: id } : { selectedIndex: index, selectedId: id };
      }),
    move: (delta) => {
      const { total, selectedIndex, select } = get();
      if (!total) return;
      select(Math.min(total - 1, Math.max(0, selectedIndex + delta)));
    },
    loadRow: async (index) => {
      const page = Math.floor(index / PAGE_SIZE);
      if (!get().pages[page]) await load(page);
      return rowAt(get().pages, index);
    },
    patch: (meta) =>
      set((s) => {
        let changed = false;
        const pages: Record<number, ArticleMeta[]> = {};
        for (const [p, items] of Object.entries(s.pages)) {
          const i = items.findIndex((m) => m.id === meta.id);
          if (i < 0) pages[Number(p)] = items;
          else {
            changed = true;
            pages[Number(p)] = items.map((m) => (m.id === meta.id ? meta : m));
          }
        }
        return changed ? { pages } : {};
      }),
  };
});

/** Starts the list: first page and counts (call once the sort setting is known). */
export function startLibrary(sort: Settings['sort']): void {
  useLibrary.setState({ sort });
  generation += 1;
  inFlight.clear();
  useLibrary.getState().ensureRange(0, PAGE_SIZE - 1);
  void useLibrary.getState().loadCounts().catch(() => undefined);
}
