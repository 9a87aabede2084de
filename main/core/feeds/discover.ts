/** Subscribing: a feed URL is used as is; a web page is searched for `<link rel="alternate">` feeds. */
import { decodeBytes, documentBase, parsePage } from '../articles';
import { FeedError } from './errors';
import { looksLikeHtmlPage } from './parse-sniff';
import { absoluteUrl } from './parse-values';

/** A feed a page advertises. */
import type { DiscoveredFeed } from '../types';

export type { DiscoveredFeed };

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(rss|atom)|application\/json|text\/xml|application\/xml|application\/x\.atom\+xml)$/i;

/** The feeds an HTML page links to with `<link rel="alternate" type="…rss/atom/json…">`, in page order, deduplicated. */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  // linkedom, as for any page read: the page's <base> (resolved against its address) becomes the base.
  const doc = parsePage(html, pageUrl);
  const base = documentBase(doc) ?? pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim().toLowerCase();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    if (type === 'application/json' && !/feed/i.test(`${link.getAttribute('title') ?? ''} ${link.getAttribute('href') ?? ''}`)) continue;
    const url = absoluteUrl(link.getAttribute('href') ?? undefined, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = link.getAttribute('title')?.trim();
    found.push({ url, type, ...(title ? { title } : {}) });
  }
  return found;
}

/** The HTML page's feeds, or NO_FEED_FOUND; used by subscribe when the address is a page, not a feed. */
export function feedsOfPage(bytes: Uint8Array, contentType: string | undefined, pageUrl: string): DiscoveredFeed[] {
  const { text } = decodeBytes(bytes, contentType);
  if (!looksLikeHtmlPage(text) && !/<link\b/i.test(text.slice(0, 65536))) return [];
  const feeds = discoverFeeds(text, pageUrl);
  if (feeds.length === 0) {
    throw new FeedError('NO_FEED_FOUND', `${pageUrl} is a web page without a feed. Look on the site for an RSS or Atom link.`, { url: pageUrl });
  }
  return feeds;
}
