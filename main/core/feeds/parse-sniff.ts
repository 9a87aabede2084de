/** Telling what feed bytes are before parsing: UTF-16/32, an HTML page, JSON Feed, the XML root; best effort on refusal. */
import { FeedError } from './errors';
import type { ParsedFeed } from './parse';
import { obj, str, type Obj } from './parse-values';

/** Whether decoded text is an HTML page rather than a feed. */
export function looksLikeHtmlPage(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\s*(<!--[\s\S]*?-->\s*)*/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta|title)\b/.test(head);
}

/** The JSON object when the text is a JSON Feed (a missing or odd version key is still one when it has items). */
export function jsonFeedish(text: string, url: string | undefined): Obj | undefined {
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
export function rootElement(text: string): string | undefined {
  const body = text.replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>))*/i, '');
  return /^\s*<([A-Za-z_][\w.:-]*)/.exec(body)?.[1]?.toLowerCase();
}

/**
 * Whether an XML document stops before its root element's end tag (a file cut off in transfer,
 * such as `<rss version="2.0"></rss`): only comments, processing instructions and blanks may follow it.
 */
export function isTruncatedXml(text: string, root: string): boolean {
  let tail = text.slice(-4096).trimEnd();
  // Trailing comments and processing instructions are allowed after the root; strip them.
  for (let end = ''; end !== tail; ) {
    end = tail;
    if (tail.endsWith('-->') && tail.includes('<!--')) tail = tail.slice(0, tail.lastIndexOf('<!--')).trimEnd();
    else if (tail.endsWith('?>') && tail.includes('<?')) tail = tail.slice(0, tail.lastIndexOf('<?')).trimEnd();
  }
  const name = root.replace(/[.:-]/g, (c) => `\\${c}`);
  if (new RegExp(`</\\s*${name}\\s*>$`, 'i').test(tail)) return false;
  // A root with no content at all (`<rss version="2.0"/>`) is complete too.
  return !new RegExp(`<${name}\\b[^>]*>`, 'i').exec(text)?.[0].endsWith('/>');
}

/**
 * A cut-off XML document closed again: the unfinished last tag dropped and the elements still
 * open closed in order, so the items before the cut can be read. Comments and CDATA are skipped.
 */
export function closeTruncatedXml(text: string): string {
  const cut = text.slice(0, text.lastIndexOf('>') + 1);
  const open: string[] = [];
  const body = cut.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/gi, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m as unknown as [string, string, string, string];
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.lastIndexOf(name) >= 0) open.length = open.lastIndexOf(name);
  }
  // An unfinished CDATA section or comment at the cut would swallow the closers: end it first.
  const tailOpen = /<!\[CDATA\[(?![\s\S]*\]\]>)/.test(cut) ? ']]>' : /<!--(?![\s\S]*-->)/.test(cut) ? '-->' : '';
  return `${cut}${tailOpen}${open.reverse().map((n) => `</${n}>`).join('')}`;
}

function textOf(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`, 'i').exec(xml);
  return m?.[1]?.trim() || undefined;
}

/** What is left of a feed the parser refused: its format and title, no items (best effort beats a crash). */
export function bestEffort(text: string, root: string): ParsedFeed {
  const format = root === 'feed' ? 'atom' : root === 'rdf:rdf' ? 'rdf' : 'rss';
  return { format, title: textOf(text, 'title') ?? '', items: [] };
}

/** UTF-16/32 detected from the first bytes of `<?xml` or a BOM (XML 1.0 appendix F). */
export function wideEncoding(b: Uint8Array): string | undefined {
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
