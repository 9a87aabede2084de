/**
 * Translation in the reader: the reading mode (switched locally: the stored translation is already
 * in the open article, so no IPC round-trip), the target language per article, and the running
 * translations with their progress and errors.
 */
import { create } from 'zustand';
import { api, onEvent } from '../api';
import { errorInfo } from '../i18n/errors';
import type { Article, ReadingMode, Translation } from '../../../preload/contract';
import { useReader } from './reader';
import { useUi } from './ui';

/** The order the mode switch and its shortcut go through. */
export const MODES: ReadingMode[] = ['original', 'translated', 'bilingual'];

/** A running translation: blocks done of total (the title counts as one). */
export interface TranslateJob {
  to: string;
  done: number;
  total: number;
  failed: number;
}

interface TranslateState {
  /** The chosen mode; null follows Settings (readingMode). */
  mode: ReadingMode | null;
  /** Target language chosen for an article in the reader. */
  targets: Record<string, string>;
  jobs: Record<string, TranslateJob>;
  errors: Record<string, unknown>;
  setMode: (mode: ReadingMode) => void;
  setTarget: (id: string, lang: string) => void;
  translate: (id: string, to: string) => Promise<void>;
  cancel: (id: string) => Promise<void>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** Puts a new translation into the open article (the body stays; only translations change). */
function storeInReader(id: string, translation: Translation): void {
  useReader.setState((s) => {
    if (!s.article || s.article.id !== id) return {};
    const translatedTitles = { ...s.article.translatedTitles, [translation.lang]: translation.title };
    return { article: { ...s.article, translatedTitles, translations: { ...s.article.translations, [translation.lang]: translation } } };
  });
}

/** The translation store. */
export const useTranslate = create<TranslateState>()((set, get) => ({
  mode: null,
  targets: {},
  jobs: {},
  errors: {},
  setMode: (mode) => set({ mode }),
  setTarget: (id, lang) => set((s) => ({ targets: { ...s.targets, [id]: lang }, errors: without(s.errors, id) })),
  translate: async (id, to) => {
    if (get().jobs[id]) return;
    set((s) => ({ jobs: { ...s.jobs, [id]: { to, done: 0, total: 0, failed: 0 } }, errors: without(s.errors, id) }));
    const off = onEvent('translate:progress', (p) => {
      if (p.id !== id) return;
      set((s) => (s.jobs[id] ? { jobs: { ...s.jobs, [id]: { to, done: p.done, total: p.total, failed: p.failed } } } : {}));
    });
    try {
      const translation = await api.translate.article(id, to, null);
      storeInReader(id, translation);
      // A fresh translation is what the reader asked to see.
      if ((get().mode ?? 'original') === 'original') set({ mode: 'translated' });
    } catch (error) {
      if (errorInfo(error).code !== 'CANCELLED') set((s) => ({ errors: { ...s.errors, [id]: error } }));
    } finally {
      off();
      set((s) => ({ jobs: without(s.jobs, id) }));
    }
  },
  cancel: async (id) => {
    try {
      await api.translate.cancel(id);
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [id]: error } }));
    }
  },
}));

/** The primary subtag of a language tag ("zh-CN" → "zh"). */
export function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? tag;
}

/**
 * The language an article is translated into: the one picked for it, else Settings (null: the
 * interface language), else — when the article has translations but none in that language — its
 * newest stored translation, so a translation made earlier still shows.
 */
export function targetFor(article: Pick<Article, 'id' | 'translations'>, picked: string | undefined, setting: string | null, locale: string): string {
  if (picked) return picked;
  const wanted = primary(setting ?? locale);
  if (article.translations[wanted]) return wanted;
  const stored = Object.values(article.translations).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return stored ? stored.lang : wanted;
}

/** The next mode after `mode` (the keyboard shortcut cycles). */
export function nextMode(mode: ReadingMode): ReadingMode {
  return MODES[(MODES.indexOf(mode) + 1) % MODES.length] as ReadingMode;
}

/** The user's correction of an article's language: remembered by main, shown by the reader; a failure goes to the notice. */
export async function correctSourceLang(id: string, lang: string): Promise<void> {
  try {
    useReader.getState().patch(await api.translate.setSourceLang(id, lang));
  } catch (error) {
    useUi.getState().setNotice(error);
  }
}
