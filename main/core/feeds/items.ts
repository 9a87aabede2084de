/**
 * Feed items → articles: the conversion of an item's own content is the article pipeline's
 * (articles/feed-item.ts, run on the extraction workers during a refresh). Here: how items are
 * recognised across refreshes, and the full-text fetch that may replace a summary-only item with
 * the page it links to (Readability via extractFromUrl).
 */
import { createHash } from 'node:crypto';
import { countWords, extractFromUrl, itemToArticle } from '../articles';
import { articleId, normalizeUrl } from '../store';
import type { ExtractedArticle } from '../types';
import type { ParsedFeed, ParsedItem } from './parse';

/** Fewer words than this in content:encoded/content_html means the feed carries only a teaser. */
const FULL_TEXT_WORDS = 120;

/** The key an item is recognised by across refreshes: guid, else link, else a hash of its content. */
export function itemKey(item: ParsedItem): string {
  if (item.guid) return `g:${item.guid}`;
  if (item.link) return `l:${normalizeUrl(item.link)}`;
  const text = [item.title ?? '', item.content ?? item.summary ?? '', item.publishedAt ?? ''].join('\n');
  return `h:${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
}

/** Whether an item has only a summary (no content, or content too short to be the story). */
export function summaryOnly(item: ParsedItem): boolean {
  const html = item.content ?? '';
  return countWords(html.replace(/<[^>]*>/g, ' ')) < FULL_TEXT_WORDS;
}

/** The article for an item, fetching the linked page when `fullText` is on and the feed has only a summary. */
export async function buildArticle(
  item: ParsedItem,
  feed: Pick<ParsedFeed, 'title' | 'siteUrl'>,
  feedId: string,
  opts: FullTextOptions & { lang?: string },
): Promise<ExtractedArticle> {
  return withFullText(item, itemToArticle(item, feed, feedId, opts.lang), feedId, opts);
}

/** How the linked page of a summary-only item is fetched. */
export interface FullTextOptions {
  fullText: boolean;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** `fromFeed`, or the linked page's article when `fullText` is on and the feed has only a summary. */
export async function withFullText(item: ParsedItem, fromFeed: ExtractedArticle, feedId: string, opts: FullTextOptions): Promise<ExtractedArticle> {
  if (!opts.fullText || !item.link || !summaryOnly(item)) return fromFeed;
  try {
    const page = await extractFromUrl(item.link, { fetch: opts.fetch, signal: opts.signal, timeoutMs: opts.timeoutMs ?? 20_000 });
    return {
      ...page,
      title: fromFeed.title || page.title,
      url: item.link,
      source: 'feed',
      feedId,
      publishedAt: fromFeed.publishedAt ?? page.publishedAt,
      siteName: page.siteName ?? fromFeed.siteName,
    };
  } catch {
    return fromFeed; // The page is gone or not an article: the feed's summary is still readable.
  }
}

/** The id the store files an item under: its link's id when it has one, else a hash of its key. */
export function itemArticleId(item: ParsedItem, feedId: string, article: ExtractedArticle): string {
  if (item.link) return articleId({ ...article, url: item.link });
  return createHash('sha256').update(`feed:${feedId}:${itemKey(item)}`).digest('hex').slice(0, 20);
}
