/** The open article; metadata changes patch it without re-rendering the body. */
import { create } from 'zustand';
import { api } from '../api';
import type { Article, ArticleMeta } from '../../../preload/contract';

interface ReaderState {
  openId: string | null;
  article: Article | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  open: (id: string) => Promise<void>;
  close: () => void;
  /** Takes new metadata for the open article, keeping its body. */
  patch: (meta: ArticleMeta) => void;
}

let generation = 0;

/** The reader store. */
export const useReader = create<ReaderState>()((set) => ({
  openId: null,
  article: null,
  status: 'idle',
  error: null,
  open: async (id) => {
    const gen = ++generation;
    set({ openId: id, status: 'loading', error: null });
    try {
      const article = await api.article.get(id);
      if (gen !== generation) return;
      set({ article, status: 'ready' });
    } catch (error) {
      if (gen === generation) set({ status: 'error', error, article: null });
    }
  },
  close: () => {
    generation += 1;
    set({ openId: null, article: null, status: 'idle', error: null });
  },
  patch: (meta) =>
    set((s) => (s.article && s.article.id === meta.id ? { article: { ...s.article, ...meta, blocks: s.article.blocks, translations: s.article.translations } } : {})),
}));
