/**
 * Snippets and highlighting as plain parts ({ text, hit }) rather than HTML: the renderer wraps hits
 * itself, so article text can never inject markup through a search result.
 */
import { normalizeText } from './normalize';
import { scanTerms } from './tokenize';

/** A run of text, marked when it is a search hit. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

type Range = [number, number];

const CHUNK = 8192;
const BREAK = /[\s\u3000\u3001\u3002\uff0c\uff0e\uff01\uff1f]/;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Chunks end at a space (or CJK punctuation) so no word is cut; long texts are scanned only as far
// as the snippet needs.
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > limit - 256; i--) if (BREAK.test(text[i])) return i;
  return isLow(text.charCodeAt(limit)) ? limit + 1 : limit;
}

/** Source ranges of `text` whose terms are in `terms`, merged, scanning no further than `until` needs. */
function hitRanges(text: string, terms: string[], until?: (ranges: Range[], scanned: number) => boolean): Range[] {
  const want = new Set(terms.map((t) => normalizeText(t)).filter((t) => t.length > 0));
  const ranges: Range[] = [];
  if (want.size === 0) return ranges;
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from);
    scanTerms(text.slice(from, to), (term, s, e) => {
      if (!want.has(term)) return;
      const last = ranges[ranges.length - 1];
      if (last !== undefined && from + s <= last[1]) last[1] = Math.max(last[1], from + e);
      else ranges.push([from + s, from + e]);
    });
    from = to;
    if (until?.(ranges, to)) break;
  }
  return ranges;
}

function partsOf(text: string, ranges: Range[], start: number, end: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [rs, re] of ranges) {
    const s = Math.max(rs, start);
    const e = Math.min(re, end);
    if (e <= s) continue;
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false });
  return parts;
}

/** The whole text split into parts with every occurrence of `terms` marked (for titles). */
export function highlight(text: string, terms: string[]): SnippetPart[] {
  if (text.length === 0) return [];
  return partsOf(text, hitRanges(text, terms), 0, text.length);
}

/**
 * A window of about `width` characters around the first hit (or the start of the text when there is
 * none), hits marked, whitespace collapsed, "…" where the text was cut. Never splits a surrogate pair
 * and never starts on a combining mark.
 */
export function makeSnippet(text: string, terms: string[], width = 160): SnippetPart[] {
  const len = text.length;
  const ranges = hitRanges(text, terms, (r, scanned) => r.length > 0 && scanned >= r[0][0] + width);
  const first: Range = ranges[0] ?? [0, 0];
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  let end = Math.min(len, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  end = Math.max(end, first[1]);
  if (start > 0) {
    for (let i = start; i < Math.min(first[0], start + 20); i++) {
      if (/\s/.test(text[i])) {
        start = i + 1;
        break;
      }
    }
    if (isLow(text.charCodeAt(start))) start++;
    while (start < first[0] && /\p{M}/u.test(text[start])) start++;
  }
  if (end < len) {
    for (let i = end; i > Math.max(first[1], end - 20); i--) {
      if (/\s/.test(text[i - 1])) {
        end = i - 1;
        break;
      }
    }
    if (isHigh(text.charCodeAt(end - 1))) end--;
  }
  const parts = partsOf(text, ranges, start, end).map((p) => (p.hit ? p : { text: p.text.replace(/\s+/g, ' '), hit: false }));
  if (parts.length === 0) return [];
  if (!parts[0].hit) parts[0].text = parts[0].text.trimStart();
  const last = parts[parts.length - 1];
  if (!last.hit) last.text = last.text.trimEnd();
  if (start > 0) {
    if (parts[0].hit) parts.unshift({ text: '…', hit: false });
    else parts[0].text = `…${parts[0].text}`;
  }
  if (end < len) {
    if (last.hit) parts.push({ text: '…', hit: false });
    else last.text = `${last.text}…`;
  }
  return parts.filter((p) => p.text.length > 0);
}
