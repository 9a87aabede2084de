/**
 * Feed items → articles through the article pipeline's own pieces: sanitize (fragment.ts),
 * HTML → blocks, language detection. A summary-only item may instead be replaced by the
 * page it links to (Readability via extractFromUrl) when the feed asks for full text.
 */
import { createHash } from 'node:crypto';
import {
  collapseWhitespace,
  countWords,
  detectLanguage,
  displayLine,
  domToBlocks,
  extractFromUrl,
  firstSentence,
  isRtlLang,
  makeExcerpt,
  sanitizeFragment,
  truncate,
} from '../articles';
import { articleId, normalizeUrl } from '../store';
import type { Block, ExtractedArticle } from '../types';
import type { ParsedFeed, ParsedItem } from './parse';

/** Fewer words than this in content:encoded/content_html means the feed carries only a teaser. */
const FULL_TEXT_WORDS = 120;

/** Sanitized blocks of an item's HTML; `base` resolves relative links and images. */
export function htmlToBlocks(html: string, base: string | undefined): Block[] {
  return domToBlocks(sanitizeFragment(html), base, 'ltr');
}

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

/** The article an item becomes, from the feed's own content. */
export function itemToArticle(item: ParsedItem, feed: Pick<ParsedFeed, 'title' | 'siteUrl'>, feedId: string, knownLang?: string): ExtractedArticle {
  const base = item.link ?? feed.siteUrl;
  const html = item.content ?? item.summary ?? '';
  let blocks = html ? htmlToBlocks(html, base) : [];
  if (item.image && !blocks.some((b) => b.type === 'image')) blocks = [{ type: 'image', text: '', src: item.image }, ...blocks];
  const body = blocks.filter((b) => b.type !== 'image').map((b) => b.text).join('\n');
  const firstText = blocks.find((b) => b.type === 'paragraph')?.text ?? body;
  const title = displayLine(collapseWhitespace(htmlText(item.title ?? '')) || truncate(firstSentence(firstText), 120) || feed.title || 'Untitled');
  if (blocks.length === 0) blocks = [{ type: 'paragraph', text: title }];
  const lang = knownLang ?? detectLanguage(`${title}\n${body}`);
  const summaryText = item.summary && item.content ? collapseWhitespace(htmlToBlocks(item.summary, base).map((b) => b.text).join(' ')) : '';
  const article: ExtractedArticle = {
    title,
    lang,
    dir: isRtlLang(lang) ? 'rtl' : 'ltr',
    excerpt: makeExcerpt(summaryText || firstText || title),
    blocks,
    source: 'feed',
    feedId,
  };
  if (item.link) article.url = item.link;
  if (item.author) article.byline = displayLine(item.author);
  if (feed.title) article.siteName = feed.title;
  if (item.publishedAt) article.publishedAt = item.publishedAt;
  return article;
}

/** Titles may carry entities or markup; this reads them as text (sanitized first, so a <script>'s code is not "text"). */
function htmlText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return sanitizeFragment(`<p>${value}</p>`).textContent ?? value;
}

/** The article for an item, fetching the linked page when `fullText` is on and the feed has only a summary. */
export async function buildArticle(
  item: ParsedItem,
  feed: Pick<ParsedFeed, 'title' | 'siteUrl'>,
  feedId: string,
  opts: { fullText: boolean; fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number; lang?: string },
): Promise<ExtractedArticle> {
  const fromFeed = itemToArticle(item, feed, feedId, opts.lang);
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
