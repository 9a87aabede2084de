/**
 * Feed bytes → one normalized shape, whatever the format (RSS 0.9x/2.0, RSS 1.0/RDF,
 * Atom 0.3/1.0, JSON Feed 1.0/1.1). Parsing is feedsmith's (over fast-xml-parser with
 * entity processing off, so DTD entities are never expanded or fetched); this file decodes the
 * bytes and picks the path; parse-sniff.ts tells what the bytes are, parse-formats.ts maps the
 * four shapes onto ParsedFeed, parse-values.ts reads values out of them.
 */
import { parseFeed } from 'feedsmith';
import iconv from 'iconv-lite';
import { decodeBytes, displayLine } from '../articles';
import { FeedError } from './errors';
import { fromAtom, fromJson, fromRss } from './parse-formats';
import { bestEffort, closeTruncatedXml, isTruncatedXml, jsonFeedish, looksLikeHtmlPage, rootElement, wideEncoding } from './parse-sniff';
import { absoluteUrl, demoronize, type Obj } from './parse-values';
import type { FeedItemContent } from '../articles';

/**
 * One entry of a feed, format-independent: what the article pipeline converts (FeedItemContent:
 * link, title, content from content:encoded / atom content / content_html, summary, date, author,
 * an image from media:thumbnail/content, an enclosure or JSON), plus how it is recognised.
 */
export interface ParsedItem extends FeedItemContent {
  guid?: string;
  enclosures: { url: string; type?: string; length?: number }[];
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  siteUrl?: string;
  description?: string;
  language?: string;
  items: ParsedItem[];
  /** The document stops before its root's end tag but still gave items: kept, and the feed is flagged FEED_TRUNCATED. */
  truncated?: boolean;
}

/**
 * Decodes and parses feed bytes. `contentType` is the HTTP header (its charset wins over the
 * document's); `url` resolves relative links. Throws FeedError NOT_A_FEED (an HTML page or
 * some other document) or FEED_MALFORMED (a feed the parser cannot read).
 */
export function parseFeedBytes(bytes: Uint8Array, hint: { contentType?: string; url?: string } = {}): ParsedFeed {
  if (bytes.length === 0 || !/\S/.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/\0/g, ''))) {
    throw new FeedError('FEED_MALFORMED', 'The feed is empty.', { url: hint.url ?? '' });
  }
  const wide = wideEncoding(bytes);
  const text = wide
    ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), wide).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    : decodeBytes(bytes, hint.contentType).text;
  return parseFeedText(text, hint.url);
}

/** Parses decoded feed text (see parseFeedBytes). */
export function parseFeedText(decoded: string, url?: string): ParsedFeed {
  // Strict XML parsers reject anything before the XML declaration (blank lines, comments).
  const text = decoded.replace(/^\uFEFF/, '').replace(/^[\s\S]*?(?=<\?xml\b)/, (lead) => (/^\s*(<!--[\s\S]*?-->\s*)*$/.test(lead) ? '' : lead)).trimStart();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const json = jsonFeedish(trimmed, url);
    if (json) {
      try {
        const parsed = parseFeed(json);
        if (parsed.format === 'json') return fromJson(parsed.feed as unknown as Obj, url);
      } catch {
        return fromJson(json, url); // a JSON Feed feedsmith finds incomplete is still readable
      }
    }
    throw new FeedError('NOT_A_FEED', `${url ?? 'This'} is JSON but not a JSON Feed.`, { url: url ?? '' });
  }
  const rootName = rootElement(trimmed);
  // A file cut off in transfer parses leniently to an empty feed ("no articles yet"). With nothing
  // readable in it, refuse it; with items, keep them (as feedparser's "bozo" does) and flag the feed.
  if ((rootName === 'rss' || rootName === 'feed' || rootName === 'rdf:rdf') && isTruncatedXml(trimmed, rootName)) {
    let partial: ParsedFeed | undefined;
    try {
      partial = parseXmlFeed(closeTruncatedXml(trimmed), url);
    } catch {
      partial = undefined;
    }
    if (!partial?.items.length) throw truncatedError(rootName, url);
    return { ...partial, truncated: true };
  }
  return parseXmlFeed(trimmed, url);
}

/** The FEED_TRUNCATED error for a document cut off before `</root>`. */
export function truncatedError(root: string, url?: string): FeedError {
  return new FeedError('FEED_TRUNCATED', `${url || 'This feed'} is cut off before its end (no closing </${root}>).`, { url: url ?? '' });
}

/** Parses an RSS/Atom/RDF document (see parseFeedText). */
function parseXmlFeed(trimmed: string, url?: string): ParsedFeed {
  let parsed;
  try {
    parsed = parseFeed(trimmed);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (looksLikeHtmlPage(trimmed)) {
      throw new FeedError('NOT_A_FEED', `${url ?? 'This'} is a web page, not a feed.`, { url: url ?? '' });
    }
    const root = rootElement(trimmed);
    if (root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'channel') return bestEffort(trimmed, root);
    if (/unrecognized/i.test(detail)) {
      throw new FeedError('NOT_A_FEED', `${url ?? 'This'} is not a feed (no RSS, Atom or JSON Feed found).`, { url: url ?? '' });
    }
    throw new FeedError('FEED_MALFORMED', `The feed cannot be read (${detail}).`, { url: url ?? '', detail });
  }
  const feed = parsed.feed as unknown as Obj;
  // xml:base on the root (or channel) element is the base of every relative link below it.
  const declaredBase = /<(?:feed|rss|rdf:RDF|channel)\b[^>]*\bxml:base\s*=\s*["']([^"']+)["']/i.exec(trimmed.slice(0, 8192))?.[1];
  const base = absoluteUrl(declaredBase, url) ?? url;
  const result = parsed.format === 'atom' ? fromAtom(feed, base) : parsed.format === 'json' ? fromJson(feed, base) : fromRss(feed, base, parsed.format, Boolean(declaredBase));
  result.title = displayLine(demoronize(result.title) ?? '');
  return result;
}
