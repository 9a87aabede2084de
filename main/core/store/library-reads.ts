/** A library's reads: list pages, counts, one article with its body, id lookups, full-text search. */
import type { Article, ArticleMeta, LibraryCounts, ListPage, ListQuery } from '../types';
import { KabarError } from '../errors';
import { readArticleFile, type ArticleFile } from './article-files';
import type { LibraryState } from './library-state';
import { countArticles, pageOf, sortArticles } from './query';
import { searchArticles } from './search-hits';

/** Search results with highlighted title and snippet. */
export type SearchResults = ReturnType<typeof searchArticles>;

/** One page of articles matching the query, newest first unless asked otherwise. */
export function list(state: LibraryState, query: ListQuery): ListPage {
  const sort = query.sort ?? 'savedAt';
  state.sorted[sort] ??= sortArticles([...state.byId.values()], sort);
  return pageOf(state.sorted[sort], query);
}

/** Sidebar counts, computed once per change (the window asks after every change). */
export function counts(state: LibraryState): LibraryCounts {
  state.countsCache ??= countArticles(state.byId.values());
  return state.countsCache;
}

/** An article with its body, read from disk. */
export async function getArticle(state: LibraryState, id: string): Promise<Article> {
  const meta = state.meta(id);
  const file = await readArticleFile(state.dir, id).catch((error: unknown) => {
    // A link entry has no text yet: a body file lost with the power (written without fsync) is that empty text.
    if (meta.link && error instanceof KabarError && error.code === 'ARTICLE_DAMAGED') return { blocks: [], translations: {} } as Pick<ArticleFile, 'blocks' | 'translations' | 'damagedTranslations'>;
    throw error;
  });
  const article: Article = { ...meta, blocks: file.blocks, translations: file.translations };
  if (file.damagedTranslations) article.damagedTranslations = Object.keys(file.damagedTranslations);
  return article;
}

/** Whether a live (not trashed) article has this id. */
export function hasLive(state: LibraryState, id: string): boolean {
  const meta = state.byId.get(id);
  return meta !== undefined && !meta.deletedAt;
}

/** Ids (trashed ones too) that start with a prefix; the full id matches only itself. */
export function idsStartingWith(state: LibraryState, prefix: string): string[] {
  if (prefix === '') return [];
  if (state.byId.has(prefix)) return [prefix];
  return [...state.byId.keys()].filter((id) => id.startsWith(prefix));
}

/** Live article ids (not in the trash). */
export function liveIds(state: LibraryState): string[] {
  return [...state.byId.values()].filter((m) => !m.deletedAt).map((m) => m.id);
}

/** Metadata of every article, trashed ones included. */
export function allMeta(state: LibraryState): ArticleMeta[] {
  return [...state.byId.values()];
}

/** Full-text search; trashed articles are left out, and so are ids `filter` refuses. */
export function search(state: LibraryState, query: string, limit: number, filter?: (id: string) => boolean): SearchResults {
  return searchArticles({ dir: state.dir, index: state.index, byId: state.byId }, query, limit, filter);
}
