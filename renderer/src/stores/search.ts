/**
 * Search as you type: every keystroke asks at once (the local index answers in a few ms),
 * and a sequence number drops answers that arrive after a newer query was sent.
 */
import { create } from 'zustand';
import { api } from '../api';
import type { SearchHit } from '../../../preload/contract';

/** How many results to show. */
export const SEARCH_LIMIT = 50;

interface SearchState {
  query: string;
  hits: SearchHit[];
  /** The query the shown hits answer (lags `query` while a request is in flight). */
  answered: string;
  active: number;
  error: unknown;
  setQuery: (query: string) => void;
  setActive: (index: number) => void;
  clear: () => void;
}

let sequence = 0;

/** The search store. */
export const useSearch = create<SearchState>()((set) => ({
  query: '',
  hits: [],
  answered: '',
  active: 0,
  error: null,
  setQuery: (query) => {
    const seq = ++sequence;
    set({ query });
    if (query.trim() === '') {
      set({ hits: [], answered: '', active: 0, error: null });
      return;
    }
    api.search.query(query, SEARCH_LIMIT).then(
      (hits) => {
        if (seq === sequence) set({ hits, answered: query, active: 0, error: null });
      },
      (error: unknown) => {
        if (seq === sequence) set({ error, hits: [], answered: query });
      },
    );
  },
  setActive: (active) => set({ active }),
  clear: () => {
    sequence += 1;
    set({ query: '', hits: [], answered: '', active: 0, error: null });
  },
}));
