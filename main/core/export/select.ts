/** Which articles a library export takes: given ids, a tag, a search result, or the whole library. */
import { KabarError } from '../errors';
import type { Library } from '../store';
import type { ArticleMeta } from '../types';

/** The scope of an export. With none of ids, tags and search, every live article is taken. */
export interface ExportScope {
  /** These articles, in this order (full ids). */
  ids?: string[];
  /** Articles carrying every one of these tags. */
  tags?: string[];
  /** Articles matching this full-text query, best first. */
  search?: string;
}

/** Most articles a search scope takes (a search past this is a whole-library export: use no search). */
export const MAX_SEARCH_RESULTS = 5000;

function pageAll(library: Library, tags: string[]): ArticleMeta[] {
  const out: ArticleMeta[] = [];
  for (let offset = 0; ; ) {
    const page = library.list({ tags, offset, limit: 1000 });
    out.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return out;
  }
}

/**
 * The metadata of the articles in scope, in the order the user sees them (ids as given, search by
 * relevance, otherwise newest first). Trashed articles are never exported; an unknown id is NOT_FOUND.
 */
export async function selectArticles(library: Library, scope: ExportScope): Promise<ArticleMeta[]> {
  const tags = scope.tags ?? [];
  let chosen: ArticleMeta[];
  if (scope.ids && scope.ids.length > 0) {
    chosen = scope.ids.map((id) => library.meta(id)).filter((m) => !m.deletedAt);
  } else if (scope.search !== undefined && scope.search.trim() !== '') {
    chosen = (await library.search(scope.search, MAX_SEARCH_RESULTS)).map((hit) => hit.meta);
  } else {
    return pageAll(library, tags);
  }
  const keys = tags.map((t) => t.toLowerCase());
  const seen = new Set<string>();
  return chosen.filter((m) => {
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    const own = m.tags.map((t) => t.toLowerCase());
    return keys.every((k) => own.includes(k));
  });
}

/** The error for an export that would be empty: it names what was asked so the user can widen it. */
export function nothingToExport(scope: ExportScope): KabarError {
  const what = scope.ids?.length ? 'the chosen articles' : scope.search ? `the search "${scope.search}"` : scope.tags?.length ? `the tag ${scope.tags.join(' + ')}` : 'the library';
  return new KabarError('NOTHING_TO_EXPORT', `There is nothing to export: ${what} has no articles (trashed ones are left out).`, {
    search: scope.search ?? '',
    tag: scope.tags?.join(', ') ?? '',
  });
}
