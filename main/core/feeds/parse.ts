/**
 * Feed bytes → one normalized shape, whatever the format (RSS 0.9x/2.0, RSS 1.0/RDF,
 * Atom 0.3/1.0, JSON Feed 1.0/1.1). Parsing is feedsmith's (over fast-xml-parser with
 * entity processing off, so DTD entities are never expanded or fetched); this file only
 * decodes the bytes first and maps the four shapes onto ParsedFeed.
 */
import { parseFeed } from 'feedsmith';
import iconv from 'iconv-lite';
import { decodeBytes } from '../articles';
import { displayLine } from '../articles/text';
import { FeedError } from './errors';

/** One entry of a feed, format-independent. */
export interface ParsedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Full content HTML when the feed carries it (content:encoded, atom content, content_html). */
  content?: string;
  /** Summary / description HTML. */
  summary?: string;
  publishedAt?: string;
  author?: string;
  /** An image for the item (media:thumbnail/content, enclosure image, JSON image). */
  image?: string;
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
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}
function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') {
    const o = obj(value);
    return o ? (str(o.value) ?? str(o['#text'])) : undefined;
  }
  const t = value.trim();
  return t || undefined;
}
function at(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) cur = obj(cur)?.[key];
  return cur;
}

/** A Dublin Core value: feedsmith keeps them as plural arrays (`dc.dates`), older shapes singular. */
function dc(value: unknown, name: string): string | undefined {
  return str(arr(at(value, 'dc', `${name}s`))[0]) ?? str(at(value, 'dc', name));
}

/** Resolves a possibly relative URL; undefined for anything that is not http(s). */
export function absoluteUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS: Record<string, string> = {
  jan: 'Jan', feb: 'Feb', mar: 'Mar', apr: 'Apr', may: 'May', jun: 'Jun',
  jul: 'Jul', aug: 'Aug', sep: 'Sep', oct: 'Oct', nov: 'Nov', dec: 'Dec',
};

/** Any feed date (RFC 822 with odd zones, W3CDTF, ISO 8601) → ISO string, or undefined. */
export function feedDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let text = raw.trim();
  let ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    // RFC 822 variants: full month names, "UT", missing seconds, military zones.
    text = text
      .replace(/\b([A-Za-z]{3})[a-z]*\b/g, (w, m: string) => MONTHS[m.toLowerCase()] ?? w)
      .replace(/\bUT\b/, 'GMT')
      .replace(/\s[A-IK-Z]$/, ' GMT');
    ms = Date.parse(text);
  }
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 2200 ? undefined : d.toISOString();
}

function linkOfAtom(links: unknown, base: string | undefined, rel = 'alternate'): string | undefined {
  const list = arr(links).map(obj).filter((l): l is Obj => Boolean(l));
  const found = list.find((l) => (str(l.rel) ?? 'alternate') === rel && (rel !== 'alternate' || !/json|xml/.test(str(l.type) ?? ''))) ??
    list.find((l) => (str(l.rel) ?? 'alternate') === rel);
  return absoluteUrl(str(found?.href), base);
}

function mediaImage(item: unknown, base: string | undefined): string | undefined {
  const media = obj(at(item, 'media'));
  const candidates = [
    ...arr(media?.thumbnails),
    ...arr(media?.contents).filter((c) => /^image/.test(str(at(c, 'type')) ?? str(at(c, 'medium')) ?? '')),
    ...arr(at(media, 'group', 'contents')).filter((c) => /^image/.test(str(at(c, 'type')) ?? str(at(c, 'medium')) ?? '')),
    ...arr(at(media, 'group', 'thumbnails')),
  ];
  for (const c of candidates) {
    const url = absoluteUrl(str(at(c, 'url')), base);
    if (url) return url;
  }
  const itunes = absoluteUrl(str(at(item, 'itunes', 'image')) ?? str(at(item, 'itunes', 'image', 'href')), base);
  return itunes;
}

function enclosuresOf(list: unknown, base: string | undefined): ParsedItem['enclosures'] {
  const out: ParsedItem['enclosures'] = [];
  for (const e of arr(list)) {
    const url = absoluteUrl(str(at(e, 'url')) ?? str(at(e, 'href')), base);
    if (!url) continue;
    const type = str(at(e, 'type')) ?? str(at(e, 'mime_type'));
    const length = Number(at(e, 'length') ?? at(e, 'size_in_bytes'));
    out.push({ url, ...(type ? { type } : {}), ...(Number.isFinite(length) && length > 0 ? { length } : {}) });
  }
  return out;
}

// Numeric references like &#146; name windows-1252 bytes, not C1 controls (feedparser's "demoronize").
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Replaces C1 control characters by the windows-1252 characters they stand for. */
export function demoronize(text: string | undefined): string | undefined {
  return text?.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? c);
}

function finishItem(item: ParsedItem): ParsedItem {
  item.title = demoronize(item.title);
  item.summary = demoronize(item.summary);
  item.content = demoronize(item.content);
  if (!item.image) {
    const enclosure = item.enclosures.find((e) => /^image\//.test(e.type ?? ''));
    if (enclosure) item.image = enclosure.url;
  }
  for (const key of Object.keys(item) as (keyof ParsedItem)[]) if (item[key] === undefined) delete item[key];
  return item;
}

function fromRss(feed: Obj, base: string | undefined, format: 'rss' | 'rdf', declaredBase: boolean): ParsedFeed {
  const siteUrl = absoluteUrl(str(feed.link), base) ?? linkOfAtom(at(feed, 'atom', 'links'), base);
  // Relative item links: an xml:base wins; else, as readers do for RSS, the channel's own link.
  const itemBase = declaredBase ? base : (siteUrl ?? base);
  const items = arr(feed.items).map((raw): ParsedItem => {
    const guidValue = str(at(raw, 'guid'));
    const permalink = at(raw, 'guid', 'isPermaLink') !== false;
    const link =
      absoluteUrl(str(at(raw, 'link')), itemBase) ??
      linkOfAtom(at(raw, 'atom', 'links'), itemBase) ??
      (guidValue && permalink ? absoluteUrl(guidValue, undefined) : undefined) ??
      absoluteUrl(str(at(raw, 'rdf', 'about')), undefined);
    const authors = arr(at(raw, 'authors')).map(str).filter(Boolean);
    return finishItem({
      guid: guidValue ?? str(at(raw, 'rdf', 'about')),
      link,
      title: str(at(raw, 'title')) ?? dc(raw, 'title') ?? str(at(raw, 'media', 'title')) ?? str(at(raw, 'media', 'group', 'title')),
      content: str(at(raw, 'content', 'encoded')) ?? str(at(raw, 'atom', 'content')),
      summary:
        str(at(raw, 'description')) ?? str(at(raw, 'itunes', 'summary')) ?? dc(raw, 'description') ??
        str(at(raw, 'media', 'description')) ?? str(at(raw, 'media', 'group', 'description')),
      publishedAt: feedDate(
        str(at(raw, 'pubDate')) ?? dc(raw, 'date') ?? str(at(raw, 'dcterms', 'issued')) ?? str(at(raw, 'atom', 'published')) ??
          str(at(raw, 'atom', 'updated')) ?? str(at(raw, 'dcterms', 'modified')),
      ),
      author: authors[0] ?? dc(raw, 'creator') ?? str(at(raw, 'itunes', 'author')),
      image: mediaImage(raw, link ?? base),
      enclosures: enclosuresOf(at(raw, 'enclosures') ?? at(raw, 'enclosure'), link ?? base),
    });
  });
  return {
    format,
    title: str(feed.title) ?? dc(feed, 'title') ?? '',
    siteUrl,
    description: str(feed.description),
    language: str(feed.language) ?? dc(feed, 'language'),
    items,
  };
}

function fromAtom(feed: Obj, base: string | undefined): ParsedFeed {
  const siteUrl = linkOfAtom(feed.links, base);
  const items = arr(feed.entries).map((raw): ParsedItem => {
    const link = linkOfAtom(at(raw, 'links'), base) ?? absoluteUrl(str(at(raw, 'id')), undefined);
    return finishItem({
      guid: str(at(raw, 'id')),
      link,
      title: str(at(raw, 'title')),
      content: str(at(raw, 'content')),
      summary: str(at(raw, 'summary')),
      publishedAt: feedDate(str(at(raw, 'published')) ?? str(at(raw, 'issued')) ?? str(at(raw, 'updated')) ?? str(at(raw, 'modified')) ?? str(at(raw, 'created'))),
      author: str(at(arr(at(raw, 'authors'))[0], 'name')) ?? str(at(arr(feed.authors)[0], 'name')),
      image: mediaImage(raw, link ?? base),
      enclosures: enclosuresOf(arr(at(raw, 'links')).filter((l) => str(at(l, 'rel')) === 'enclosure'), link ?? base),
    });
  });
  return { format: 'atom', title: str(feed.title) ?? '', siteUrl, description: str(feed.subtitle) ?? str(feed.tagline), language: str(at(feed, 'lang')), items };
}

function fromJson(feed: Obj, base: string | undefined): ParsedFeed {
  const siteUrl = absoluteUrl(str(feed.home_page_url), base);
  const items = arr(feed.items).map((raw): ParsedItem => {
    const link = absoluteUrl(str(at(raw, 'url')) ?? str(at(raw, 'external_url')), siteUrl ?? base);
    const text = str(at(raw, 'content_text'));
    return finishItem({
      guid: str(at(raw, 'id')),
      link,
      title: str(at(raw, 'title')),
      content: str(at(raw, 'content_html')) ?? (text ? escapeText(text) : undefined),
      summary: str(at(raw, 'summary')),
      publishedAt: feedDate(str(at(raw, 'date_published')) ?? str(at(raw, 'date_modified'))),
      author: str(at(arr(at(raw, 'authors'))[0], 'name')) ?? str(at(raw, 'author', 'name')) ?? str(at(arr(feed.authors)[0], 'name')),
      image: absoluteUrl(str(at(raw, 'image')) ?? str(at(raw, 'banner_image')), link ?? base),
      enclosures: enclosuresOf(at(raw, 'attachments'), link ?? base),
    });
  });
  return { format: 'json', title: str(feed.title) ?? '', siteUrl, description: str(feed.description), language: str(feed.language), items };
}

/** Plain text as HTML paragraphs (JSON Feed's content_text). */
export function escapeText(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Whether decoded text is an HTML page rather than a feed. */
export function looksLikeHtmlPage(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\s*(<!--[\s\S]*?-->\s*)*/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta|title)\b/.test(head);
}

// JSON Feed with a missing or odd version key is still JSON Feed when it has items and a title.
function jsonFeedish(text: string, url: string | undefined): Obj | undefined {
  let value: Obj | undefined;
  try {
    value = obj(JSON.parse(text));
  } catch (error) {
    throw new FeedError('FEED_MALFORMED', `The JSON feed cannot be read (${(error as Error).message}).`, { url: url ?? '' });
  }
  if (!value || !Array.isArray(value.items)) return undefined;
  const version = str(value.version) ?? '';
  if (/^https?:/i.test(version) && !/jsonfeed\.org/i.test(version)) return undefined;
  return value;
}

/** The root element name of an XML document (after the prolog), lower-cased. */
function rootElement(text: string): string | undefined {
  const body = text.replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>))*/i, '');
  return /^\s*<([A-Za-z_][\w.:-]*)/.exec(body)?.[1]?.toLowerCase();
}

function textOf(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`, 'i').exec(xml);
  return m?.[1]?.trim() || undefined;
}

/** What is left of a feed the parser refused: its format and title, no items (best effort beats a crash). */
function bestEffort(text: string, root: string): ParsedFeed {
  const format = root === 'feed' ? 'atom' : root === 'rdf:rdf' ? 'rdf' : 'rss';
  return { format, title: textOf(text, 'title') ?? '', items: [] };
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

/** UTF-16/32 detected from the first bytes of `<?xml` or a BOM (XML 1.0 appendix F). */
function wideEncoding(b: Uint8Array): string | undefined {
  const q = (i: number): number => b[i] ?? -1;
  if (q(0) === 0 && q(1) === 0 && q(2) === 0xfe && q(3) === 0xff) return 'utf-32be';
  if (q(0) === 0xff && q(1) === 0xfe && q(2) === 0 && q(3) === 0) return 'utf-32le';
  if (q(0) === 0 && q(1) === 0 && q(2) === 0 && q(3) === 0x3c) return 'utf-32be';
  if (q(0) === 0x3c && q(1) === 0 && q(2) === 0 && q(3) === 0) return 'utf-32le';
  if (q(0) === 0xfe && q(1) === 0xff) return 'utf-16be';
  if (q(0) === 0xff && q(1) === 0xfe) return 'utf-16le';
  if (q(0) === 0 && q(1) === 0x3c && q(2) === 0 && q(3) === 0x3f) return 'utf-16be';
  if (q(0) === 0x3c && q(1) === 0 && q(2) === 0x3f && q(3) === 0) return 'utf-16le';
  return undefined;
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
