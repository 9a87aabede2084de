/**
 * Runs the query syntax (search/syntax.ts) over the library: filters read article metadata in
 * memory, words go to the full-text index, phrases are checked on the article text. Used by the
 * search box, `kabar search`, smart views and rules.
 */
import { isPlainText, normalizeText, parseQuery, requiredWords, tokenize, type QueryNode } from '../search';
import type { ArticleMeta, ListPage, ListQuery, SearchHit } from '../types';
import { MAX_PAGE } from './query';
import { blocksText, readArticleFile } from './article-files';
import type { Library } from './library';
import { catalogOf } from './marks-catalog';
import { tagKey } from './tags';

/** A compiled query: a test over article metadata (live articles; trashed ones never match). */
export type MetaTest = (meta: ArticleMeta) => boolean;

/** Lower-case words and numbers separated by single spaces, for phrase tests. */
function phraseForm(text: string): string {
  return ` ${normalizeText(text).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()} `;
}

/**
 * Word and phrase results, per library, while its index is unchanged: views are counted again after
 * every change, but a tag or read change leaves the text results as they were.
 */
const textCache = new WeakMap<Library, { stamp: string; results: Map<string, Set<string>> }>();

async function textIds(library: Library, text: string, phrase: boolean): Promise<Set<string>> {
  const stamp = library.indexStamp();
  let cache = textCache.get(library);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, results: new Map() };
    textCache.set(library, cache);
  }
  const key = `${phrase ? '"' : ' '}${text}`;
  let ids = cache.results.get(key);
  if (!ids) {
    ids = phrase ? await phraseIds(library, text) : new Set(library.searchIds(text));
    cache.results.set(key, ids);
  }
  return ids;
}

/** Ids of live articles holding the phrase: the index narrows by its words, the text decides. */
async function phraseIds(library: Library, phrase: string): Promise<Set<string>> {
  const want = phraseForm(phrase);
  const ids = new Set<string>();
  for (const id of library.searchIds(phrase)) {
    const meta = library.meta(id);
    if (phraseForm(meta.title).includes(want)) {
      ids.add(id);
      continue;
    }
    const file = await readArticleFile(library.dir, id).catch(() => null);
    if (file && phraseForm(blocksText(file.blocks)).includes(want)) ids.add(id);
  }
  return ids;
}

/** The host part of a URL, without "www.". */
function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Feed ids whose title (or id) is the given name, case-insensitively. */
function feedIdsNamed(library: Library, name: string): Set<string> {
  const key = name.toLowerCase();
  const ids = new Set<string>();
  for (const record of library.feedRecords()) {
    const feed = record as { id?: unknown; title?: unknown };
    if (typeof feed.id !== 'string') continue;
    if (feed.id === name || (typeof feed.title === 'string' && feed.title.toLowerCase() === key)) ids.add(feed.id);
  }
  return ids;
}

/** The date a `before:`/`after:` compares: published when known, else saved (YYYY-MM-DD). */
function dayOf(meta: ArticleMeta): string {
  return (meta.publishedAt ?? meta.savedAt).slice(0, 10);
}

async function filterTest(library: Library, key: string, value: string): Promise<MetaTest> {
  switch (key) {
    case 'tag': {
      const want = tagKey(value);
      return (m) => m.tags.some((t) => tagKey(t) === want);
    }
    case 'lang':
      return (m) => m.lang === value;
    case 'site':
      return (m) => {
        const host = hostOf(m.url);
        const site = (m.siteName ?? '').toLowerCase();
        return host === value || host.endsWith(`.${value}`) || site === value;
      };
    case 'feed': {
      const ids = feedIdsNamed(library, value);
      return (m) => m.feedId !== undefined && ids.has(m.feedId);
    }
    case 'is':
      if (value === 'unread') return (m) => !m.readAt;
      if (value === 'read') return (m) => Boolean(m.readAt);
      if (value === 'bookmarked') return (m) => m.bookmarked;
      return (m) => (m.highlights ?? 0) > 0;
    case 'has':
      if (value === 'translation') return (m) => Object.keys(m.translatedTitles ?? {}).length > 0;
    {
      const noted = await catalogOf(library).notedArticles();
      return (m) => noted.has(m.id);
    }
    case 'before':
      return (m) => dayOf(m) < value;
    default:
      return (m) => dayOf(m) >= value;
  }
}

async function compileNode(library: Library, node: QueryNode): Promise<MetaTest> {
  switch (node.kind) {
    case 'and': {
      const tests = await Promise.all(node.items.map((n) => compileNode(library, n)));
      return (m) => tests.every((t) => t(m));
    }
    case 'or': {
      const tests = await Promise.all(node.items.map((n) => compileNode(library, n)));
      return (m) => tests.some((t) => t(m));
    }
    case 'not': {
      const test = await compileNode(library, node.item);
      return (m) => !test(m);
    }
    case 'filter':
      return filterTest(library, node.key, node.value);
    case 'text': {
      // Only punctuation ("-", "&"): nothing to look for, so it narrows nothing.
      if (tokenize(node.text).length === 0) return () => true;
      const ids = await textIds(library, node.text, node.phrase);
      return (m) => ids.has(m.id);
    }
  }
}

/** Compiles a query string (QUERY_* errors when malformed) into a test over live articles. */
export async function compileQuery(library: Library, query: string): Promise<MetaTest> {
  const test = await compileNode(library, parseQuery(query));
  return (m) => !m.deletedAt && test(m);
}

/** How many live articles match a query. */
export async function countQuery(library: Library, query: string): Promise<number> {
  const test = await compileQuery(library, query);
  let n = 0;
  for (const meta of library.allMeta()) if (test(meta)) n++;
  return n;
}

/**
 * Search with the query syntax. Plain words rank as before; with filters, phrases, OR or negation the
 * matching articles are ranked by their required words, or listed newest first when there are none.
 */
export async function searchQuery(library: Library, query: string, limit = 20): Promise<SearchHit[]> {
  if (query.trim() === '') return [];
  const node = parseQuery(query);
  if (isPlainText(node)) return library.search(query, limit);
  const test = await compileQuery(library, query);
  const words = requiredWords(node).join(' ');
  if (tokenize(words).length > 0) return library.search(words, limit, (id) => test(library.meta(id)));
  const hits: SearchHit[] = [];
  for (let offset = 0; hits.length < limit; offset += 500) {
    const { items } = library.list({ offset, limit: 500 });
    if (items.length === 0) break;
    for (const meta of items.filter(test).slice(0, limit - hits.length)) {
      hits.push({ id: meta.id, score: 0, meta, title: [{ text: meta.title, hit: false }], snippet: [{ text: meta.excerpt, hit: false }] });
    }
  }
  return hits;
}

/**
 * A page of the article list narrowed by a query in the search syntax too (a smart view chosen in
 * the sidebar): the list's own filters and sort apply first, then the query.
 */
export async function listByQuery(library: Library, query: ListQuery & { query: string }): Promise<ListPage> {
  const { query: text, offset = 0, limit = 100, ...rest } = query;
  const test = await compileQuery(library, text);
  const matched: ArticleMeta[] = [];
  for (let at = 0; ; at += MAX_PAGE) {
    const page = library.list({ ...rest, offset: at, limit: MAX_PAGE });
    for (const meta of page.items) if (test(meta)) matched.push(meta);
    if (page.items.length < MAX_PAGE) break;
  }
  return { items: matched.slice(offset, offset + limit), total: matched.length, offset };
}
