/** Turns index matches into search hits: live articles only, with a highlighted title and snippet. */
import { highlight, makeSnippet, type SearchIndex } from '../search';
import type { ArticleMeta, SearchHit } from '../types';
import { blocksText, readArticleFile } from './article-files';

/** What search needs from the library. */
export interface SearchContext {
  dir: string;
  index: SearchIndex;
  byId: Map<string, ArticleMeta>;
}

const bodyCache = new Map<string, string>();
const BODY_CACHE_SIZE = 200;

async function bodyText(dir: string, id: string): Promise<string> {
  const key = `${dir}\n${id}`;
  const cached = bodyCache.get(key);
  if (cached !== undefined) return cached;
  const text = await readArticleFile(dir, id).then(
    (file) => blocksText(file.blocks),
    () => '',
  );
  if (bodyCache.size >= BODY_CACHE_SIZE) bodyCache.delete(bodyCache.keys().next().value as string);
  bodyCache.set(key, text);
  return text;
}

/** Searches titles and bodies; results are ranked and carry snippets around the first match. */
export async function searchArticles(ctx: SearchContext, query: string, limit: number): Promise<SearchHit[]> {
  if (query.trim() === '') return [];
  const live = (id: string): boolean => {
    const meta = ctx.byId.get(id);
    return meta !== undefined && !meta.deletedAt;
  };
  const matches = ctx.index.search(query, { limit, filter: live });
  return Promise.all(
    matches.map(async (match) => {
      const meta = ctx.byId.get(match.id) as ArticleMeta;
      const body = await bodyText(ctx.dir, match.id);
      return {
        id: match.id,
        score: match.score,
        meta,
        title: highlight(meta.title, match.terms),
        snippet: makeSnippet(body || meta.excerpt, match.terms),
      };
    }),
  );
}
