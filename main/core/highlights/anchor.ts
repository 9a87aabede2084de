/**
 * Placing highlights on an article's text. A highlight is found by its block + offsets when the text
 * there still reads as its quote (the fast path), otherwise by the quote itself: the exact text with
 * whitespace differences ignored, the occurrence whose prefix/suffix context agrees best winning.
 */
import { KabarError } from '../errors';
import { CONTEXT_CHARS, type Anchor, type Highlight, type TextQuote } from './model';

/** What placing needs of a block: its plain text. */
export interface TextBlock {
  text: string;
}

/** The blocks' texts joined by "\n", with where each block starts (offsets are UTF-16 units). */
interface Flat {
  text: string;
  starts: number[];
}

function flatten(blocks: readonly TextBlock[]): Flat {
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += block.text.length + 1;
  }
  return { text: blocks.map((b) => b.text).join('\n'), starts };
}

/** The block holding global offset `g` (a separator belongs to the block before it). */
function blockAt(flat: Flat, g: number): number {
  let lo = 0;
  let hi = flat.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((flat.starts[mid] as number) <= g) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function globalRange(flat: Flat, anchor: Anchor): [number, number] {
  const startBlock = flat.starts[anchor.block] as number;
  const endBlock = flat.starts[anchor.endBlock ?? anchor.block] as number;
  return [startBlock + anchor.start, endBlock + anchor.end];
}

/** Whether an anchor lies inside the blocks. */
function inBounds(blocks: readonly TextBlock[], anchor: Anchor): boolean {
  const last = anchor.endBlock ?? anchor.block;
  const first = blocks[anchor.block];
  const end = blocks[last];
  if (!first || !end || last < anchor.block) return false;
  if (anchor.start > first.text.length || anchor.end > end.text.length) return false;
  return last > anchor.block || anchor.start < anchor.end;
}

/** The anchor from two global offsets [gs, ge). */
function anchorOf(flat: Flat, gs: number, ge: number): Anchor {
  const block = blockAt(flat, gs);
  const last = blockAt(flat, ge - 1);
  const anchor: Anchor = { block, start: gs - (flat.starts[block] as number), end: ge - (flat.starts[last] as number) };
  if (last !== block) anchor.endBlock = last;
  return anchor;
}

const LOW_SURROGATE = /^[\udc00-\udfff]/;
const HIGH_SURROGATE = /[\ud800-\udbff]$/;

/** Context before/after a range, never cutting a character in half. */
function context(text: string, gs: number, ge: number): { prefix: string; suffix: string } {
  let prefix = text.slice(Math.max(0, gs - CONTEXT_CHARS), gs);
  if (LOW_SURROGATE.test(prefix)) prefix = prefix.slice(1);
  let suffix = text.slice(ge, ge + CONTEXT_CHARS);
  if (HIGH_SURROGATE.test(suffix)) suffix = suffix.slice(0, -1);
  return { prefix, suffix };
}

/**
 * The quote of a new highlight at `anchor`; INVALID_ARGUMENT when the anchor is outside the text or
 * selects only whitespace.
 */
export function quoteAt(blocks: readonly TextBlock[], anchor: Anchor): TextQuote {
  if (!inBounds(blocks, anchor)) throw new KabarError('INVALID_ARGUMENT', 'The selection is outside the article text.', { field: 'anchor' });
  const flat = flatten(blocks);
  const [gs, ge] = globalRange(flat, anchor);
  const exact = flat.text.slice(gs, ge);
  if (exact.trim() === '') throw new KabarError('INVALID_ARGUMENT', 'The selection holds no text.', { field: 'anchor' });
  return { exact, ...context(flat.text, gs, ge) };
}

// Whitespace runs read as one space; zero-width characters do not count at all.
const SPACE = /\s/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Text with whitespace runs squashed to one space, and for each kept character its original offset. */
function squash(text: string): { s: string; pos: number[] } {
  let s = '';
  const pos: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (!inSpace) {
        s += ' ';
        pos.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    s += ch;
    pos.push(i);
  }
  return { s, pos };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the quote reads in `blocks` now, or null when it cannot be found. `near` breaks ties. */
export function findQuote(blocks: readonly TextBlock[], quote: TextQuote, near?: Anchor | null): Anchor | null {
  const flat = flatten(blocks);
  const hay = squash(flat.text);
  const needle = squash(quote.exact).s.trim();
  if (needle === '') return null;
  const prefix = squash(quote.prefix).s.trimEnd();
  const suffix = squash(quote.suffix).s.trimStart();
  const nearAt = near && flat.starts[near.block] !== undefined ? (flat.starts[near.block] as number) + near.start : -1;
  let best: { at: number; score: number; distance: number } | null = null;
  for (let at = hay.s.indexOf(needle); at >= 0; at = hay.s.indexOf(needle, at + 1)) {
    const before = hay.s.slice(Math.max(0, at - prefix.length - 1), at).trimEnd();
    const after = hay.s.slice(at + needle.length, at + needle.length + suffix.length + 1).trimStart();
    const score = commonSuffix(prefix, before) + commonPrefix(suffix, after);
    const distance = nearAt < 0 ? 0 : Math.abs((hay.pos[at] as number) - nearAt);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  if (!best) return null;
  const gs = hay.pos[best.at] as number;
  const ge = (hay.pos[best.at + needle.length - 1] as number) + 1;
  return anchorOf(flat, gs, ge);
}

/** Whether the text at the anchor still reads exactly as the quote (the fast path). */
export function anchorHolds(blocks: readonly TextBlock[], anchor: Anchor, quote: TextQuote): boolean {
  if (!inBounds(blocks, anchor)) return false;
  const block = blocks[anchor.block] as TextBlock;
  if (anchor.endBlock === undefined) return block.text.slice(anchor.start, anchor.end) === quote.exact;
  const flat = flatten(blocks);
  const [gs, ge] = globalRange(flat, anchor);
  return flat.text.slice(gs, ge) === quote.exact;
}

/**
 * The highlight placed on `blocks`: unchanged when its anchor still holds, moved when its quote is
 * found elsewhere, otherwise marked detached (its last anchor kept for reference). Never dropped.
 */
export function place(blocks: readonly TextBlock[], highlight: Highlight): Highlight {
  if (highlight.anchor && anchorHolds(blocks, highlight.anchor, highlight.quote)) {
    if (!highlight.detached) return highlight;
    const { detached: _detached, ...attached } = highlight;
    return attached;
  }
  const found = findQuote(blocks, highlight.quote, highlight.anchor);
  if (!found) return highlight.detached ? highlight : { ...highlight, detached: true };
  const { detached: _detached, ...rest } = highlight;
  // The quote is refreshed from the text it now sits on, so the next placement takes the fast path.
  return { ...rest, anchor: found, quote: quoteAt(blocks, found) };
}
