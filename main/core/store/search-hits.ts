/** Turns index matches into search hits: live articles only, with a highlighted title and snippet. */
import { highlight, makeSnippet, type SearchIndex, type SnippetPart } from '../search';
import type { ArticleMeta, SearchHit } from '../types';
import { blocksText, readArticleFile, readArticleText, textOpening, wantsSidecar, writeArticleText } from './article-files';

/** What search needs from the library. */
export interface SearchContext {
  dir: string;
  index: SearchIndex;
  byId: Map<string, ArticleMeta>;
}

// Recently shown bodies (only as much as a snippet reads), least recently used first. Keyed by
// savedAt too: an id imported again after the trash was emptied may have another body.
const bodyCache = new Map<string, string>();
const BODY_CACHE_SIZE = 200;

async function bodyText(dir: string, meta: ArticleMeta): Promise<string> {
  const key = `${dir}\n${meta.id}\n${meta.savedAt}`;
  const cached = bodyCache.get(key);
  if (cached !== undefined) {
    bodyCache.delete(key);
    bodyCache.set(key, cached);
    return cached;
  }
  let text = await readArticleText(dir, meta);
  if (text === undefined) {
    // No usable sidecar (a short body, or a library from before them): parse the article file,
    // and leave a sidecar behind for a long body, awaited so that no write outlives the search.
    const full = await readArticleFile(dir, meta.id).then(
      (file) => blocksText(file.blocks),
      () => undefined,
    );
    if (full !== undefined && wantsSidecar(full)) await writeArticleText(dir, meta, full).catch(() => undefined);
    text = textOpening(full ?? '');
  }
  if (bodyCache.size >= BODY_CACHE_SIZE) bodyCache.delete(bodyCache.keys().next().value as string);
  bodyCache.set(key, text);
  return text;
}

const hasHit = (parts: SnippetPart[]): boolean => parts.some((p) => p.hit);

/** A marked snippet from the first stored translation that holds a hit (the index searches translations too). */
async function translationSnippet(dir: string, meta: ArticleMeta, terms: string[]): Promise<{ lang: string; snippet: SnippetPart[] } | undefined> {
  if (!meta.translatedTitles || Object.keys(meta.translatedTitles).length === 0) return undefined;
  const file = await readArticleFile(dir, meta.id).catch(() => undefined);
  for (const [lang, t] of Object.entries(file?.translations ?? {})) {
    const snippet = makeSnippet(`${t.title}\n${blocksText(t.blocks)}`, terms);
    if (hasHit(snippet)) return { lang, snippet };
  }
  return undefined;
}

/** Searches titles and bodies; results are ranked and carry snippets around the first match. */
export async function searchArticles(ctx: SearchContext, query: string, limit: number, filter?: (id: string) => boolean): Promise<SearchHit[]> {
  if (query.trim() === '') return [];
  const live = (id: string): boolean => {
    const meta = ctx.byId.get(id);
    return meta !== undefined && !meta.deletedAt && (filter === undefined || filter(id));
  };
  const matches = ctx.index.search(query, { limit, filter: live });
  return Promise.all(
    matches.map(async (match) => {
      const meta = ctx.byId.get(match.id) as ArticleMeta;
      // The sidecar holds only the opening of the body: makeSnippet never reads past it.
      const body = await bodyText(ctx.dir, meta);
      const hit: SearchHit = {
        id: match.id,
        score: match.score,
        meta,
        title: highlight(meta.title, match.terms),
        snippet: makeSnippet(body || meta.excerpt, match.terms),
      };
      // Found only in a translation: show where, rather than an unmarked opening of the original.
      if (hasHit(hit.title) || hasHit(hit.snippet)) return hit;
      const translated = await translationSnippet(ctx.dir, meta, match.terms);
      return translated ? { ...hit, snippet: translated.snippet, snippetLang: translated.lang } : hit;
    }),
  );
}
