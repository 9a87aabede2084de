/**
 * A feed item's own content → an article: sanitize (fragment.ts), HTML → blocks, title, excerpt,
 * language. Pure and synchronous, so the extraction workers can run it (pool.ts) as well as the
 * calling thread; the feeds module adds what needs the network (full text, images).
 */
import type { Block, ExtractedArticle } from '../types';
import { domToBlocks } from './blocks';
import { sanitizeFragment } from './fragment';
import { detectLanguage, isRtlLang } from './language';
import { collapseWhitespace, displayLine, firstSentence, makeExcerpt, truncate } from './text';

/** What of a parsed feed item the conversion reads (feeds/parse.ts's ParsedItem has these and more). */
export interface FeedItemContent {
  link?: string;
  title?: string;
  /** Full content HTML when the feed carries it. */
  content?: string;
  /** Summary / description HTML. */
  summary?: string;
  publishedAt?: string;
  author?: string;
  image?: string;
}

/** What of the feed itself an item's article takes. */
export interface FeedFacts {
  title: string;
  siteUrl?: string;
}

/** Sanitized blocks of an item's HTML; `base` resolves relative links and images. */
export function htmlToBlocks(html: string, base: string | undefined): Block[] {
  return domToBlocks(sanitizeFragment(html), base, 'ltr');
}

/** Titles may carry entities or markup; this reads them as text (sanitized first, so a <script>'s code is not "text"). */
function htmlText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return sanitizeFragment(`<p>${value}</p>`).textContent ?? value;
}

/** The article an item becomes, from the feed's own content; `knownLang` skips language detection. */
export function itemToArticle(item: FeedItemContent, feed: FeedFacts, feedId: string, knownLang?: string): ExtractedArticle {
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

/**
 * A feed's items as articles, in order; an item that cannot be converted gives null (it is retried
 * on the next refresh). Most feeds are in one language: once three items agree, the rest are not
 * detected again.
 */
export function itemsToArticles(items: FeedItemContent[], feed: FeedFacts, feedId: string): (ExtractedArticle | null)[] {
  const langs: string[] = [];
  return items.map((item) => {
    const sameLang = langs.length >= 3 && langs.every((l) => l === langs[0] && l !== 'und') ? langs[0] : undefined;
    try {
      const article = itemToArticle(item, feed, feedId, sameLang);
      if (!sameLang) langs.push(article.lang);
      return article;
    } catch {
      return null;
    }
  });
}
