/**
 * Snippets and highlighting as plain parts ({ text, hit }) rather than HTML: the renderer wraps hits
 * itself, so article text can never inject markup through a search result.
 */
import { looseFold, normalizeText } from './normalize';
import { scanTerms } from './tokenize';

/** A run of text, marked when it is a search hit. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

type Range = [number, number];

// Each chunk is first checked with looseFold (native string calls, ~50x cheaper than tokenizing), and
// only pieces of at most about LEAF characters that may hold a term are tokenized.
const CHUNK = 512;
const LEAF = 64;
// What scanTerms treats as one word-bearing run (the same class as its own).
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** How far into a body a snippet looks for a hit before it falls back to the opening. */
export const SNIPPET_SCAN_CHARS = 8192;
/**
 * How much of a body makeSnippet can ever read (the last piece scanned ends at most 2 × CHUNK past
 * SNIPPET_SCAN_CHARS, the window reaches `width` further): for widths up to 6 × CHUNK, a body cut
 * to this length gives the very same snippet, so the store keeps no more of it for search.
 */
export const SNIPPET_TEXT_CHARS = SNIPPET_SCAN_CHARS + 8 * CHUNK;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Whitespace (as /\s/) and CJK sentence punctuation: never inside a term, so a chunk may end there.
function isBreak(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x3001 ||
    c === 0x3002 ||
    c === 0xfeff ||
    c === 0xff0c ||
    c === 0xff0e ||
    c === 0xff01 ||
    c === 0xff1f
  );
}

// Chunks end at a break so no word is cut: looking back over the second half of the chunk, then
// forward as far again; only text with no break at all is cut, and never inside a surrogate pair.
function chunkEnd(text: string, from: number): number {
  const limit = from + CHUNK;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > from + CHUNK / 2; i--) if (isBreak(text.charCodeAt(i))) return i;
  const far = Math.min(text.length, limit + CHUNK);
  for (let i = limit + 1; i < far; i++) if (isBreak(text.charCodeAt(i))) return i;
  return isLow(text.charCodeAt(limit)) ? limit + 1 : limit;
}

/** The normalized terms to mark, and the loose forms that must occur in any text holding one of them. */
interface Wanted {
  terms: Set<string>;
  needles: string[];
}

function wantedOf(terms: string[]): Wanted {
  const set = new Set(terms.map((t) => normalizeText(t)).filter((t) => t.length > 0));
  // Sorted, a needle that starts with a kept one adds nothing (prefix searches return many such terms).
  const needles: string[] = [];
  for (const n of [...new Set([...set].map(looseFold))].sort()) if (!needles.some((k) => n.startsWith(k))) needles.push(n);
  return { terms: set, needles };
}

function mayHold(piece: string, needles: string[]): boolean {
  const loose = looseFold(piece);
  return needles.some((n) => loose.includes(n));
}

// A break near the middle of [from, to) (within its middle half), or -1.
function splitPoint(text: string, from: number, to: number): number {
  const mid = (from + to) >> 1;
  const reach = (to - from) >> 2;
  for (let d = 0; d <= reach; d++) {
    if (isBreak(text.charCodeAt(mid + d))) return mid + d;
    if (isBreak(text.charCodeAt(mid - d))) return mid - d;
  }
  return -1;
}

/** Source ranges of `text` whose terms are in `terms`, merged, scanning no further than `until` needs. */
function hitRanges(text: string, terms: string[], until?: (ranges: Range[], scanned: number) => boolean): Range[] {
  const want = wantedOf(terms);
  const ranges: Range[] = [];
  if (want.terms.size === 0) return ranges;
  const scan = (from: number, to: number): void => {
    // scanTerms tokenizes each run on its own, so a run can be skipped alone: this matters for Thai
    // and Burmese, where each run costs an Intl.Segmenter pass with ~5 µs of setup.
    for (const m of text.slice(from, to).matchAll(RUN)) {
      if (!mayHold(m[0], want.needles)) continue;
      const at = from + m.index;
      scanTerms(m[0], (term, s, e) => {
        if (!want.terms.has(term)) return;
        const last = ranges[ranges.length - 1];
        if (last !== undefined && at + s <= last[1]) last[1] = Math.max(last[1], at + e);
        else ranges.push([at + s, at + e]);
      });
    }
  };
  // Pieces are visited in order; one that may hold a term is halved at a break until it is small,
  // so tokenizing (slow for Thai or Chinese) covers little more than the words that match. Splitting
  // at breaks gives the very same terms as tokenizing the whole chunk. True once `until` is satisfied.
  const visit = (from: number, to: number): boolean => {
    if (mayHold(text.slice(from, to), want.needles)) {
      const mid = to - from > LEAF ? splitPoint(text, from, to) : -1;
      if (mid > from) return visit(from, mid) || visit(mid, to);
      scan(from, to);
    }
    return until?.(ranges, to) ?? false;
  };
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from);
    if (visit(from, to)) break;
    from = to;
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
  // Scanning stops after the first hit, or after SNIPPET_SCAN_CHARS when the match was in the
  // title only: search results must not cost a full tokenization of every long body.
  const ranges = hitRanges(
    text,
    terms,
    (r, scanned) => (r.length > 0 && scanned >= r[0][0] + width) || scanned >= SNIPPET_SCAN_CHARS,
  );
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
