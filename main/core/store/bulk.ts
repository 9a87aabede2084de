/**
 * User state that an import from another app brings with each entry (saved time, read, bookmark,
 * progress, link state), applied to a new article's metadata or merged into an existing one's.
 */
import type { ArticleMeta, Block, ExtractedArticle, LinkState } from '../types';
import { countWords, readingMinutes } from './identity';
import { withTags } from './tags';

/** What an imported entry says about the user's state of an article. */
export interface ImportState {
  /** Tags already cleaned (cleanTag) and spelt as the library spells them. */
  tags?: string[];
  savedAt?: string;
  read?: boolean;
  /** When it was read, if the source says; else the import time. */
  readAt?: string;
  bookmarked?: boolean;
  progress?: number;
  link?: LinkState;
}

/** Sets a new article's state from the entry (the entry wins: the article did not exist before). */
export function applyNewState(meta: ArticleMeta, state: ImportState | undefined, now: string): void {
  if (!state) return;
  if (state.savedAt) meta.savedAt = state.savedAt;
  if (state.read) meta.readAt = state.readAt ?? now;
  if (state.bookmarked) meta.bookmarked = true;
  if (state.progress !== undefined && Number.isFinite(state.progress)) meta.progress = Math.min(1, Math.max(0, state.progress));
  if (state.link) meta.link = state.link;
}

/**
 * Merges an entry into an existing article: it gains the entry's tags, and read / bookmarked /
 * progress only move forward (an old export never un-reads what the user read since). Returns
 * whether anything changed.
 */
export function mergeState(meta: ArticleMeta, state: ImportState, now: string): boolean {
  const before = JSON.stringify([meta.tags, meta.readAt, meta.bookmarked, meta.progress]);
  if (state.tags && state.tags.length > 0) meta.tags = withTags(meta.tags, state.tags);
  if (state.read && !meta.readAt) meta.readAt = state.readAt ?? now;
  if (state.bookmarked) meta.bookmarked = true;
  if (state.progress !== undefined && Number.isFinite(state.progress) && state.progress > meta.progress) {
    meta.progress = Math.min(1, state.progress);
  }
  return JSON.stringify([meta.tags, meta.readAt, meta.bookmarked, meta.progress]) !== before;
}

/** The metadata of a link entry once its page is fetched: the page's facts, the user's state kept. */
export function fetchedMeta(meta: ArticleMeta, extracted: ExtractedArticle, blocks: Block[], excerptChars: number): ArticleMeta {
  const { blocks: _blocks, title, url: _url, ...fields } = extracted;
  const words = countWords(blocks);
  const next: ArticleMeta = {
    ...meta,
    ...fields,
    // The title the user saved is kept unless it was only the address (or missing).
    title: !meta.title || meta.title === meta.url ? title : meta.title,
    excerpt: [...extracted.excerpt].slice(0, excerptChars).join(''),
    wordCount: words,
    readingMinutes: readingMinutes(blocks, words),
  };
  delete next.link;
  return next;
}
