/** Word breaking for every script Kabar reads, with the source offsets the snippets need. */
import { normalizeText } from './normalize';

// Intl.Segmenter is ~50x slower than a regex on Latin text (0.6 MB/s measured), so it is used only for
// the scripts written without spaces that have no simpler rule: Thai, Lao, Khmer, Burmese.
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const SIMPLE = /^[a-zA-Z0-9]+$/;
const SPECIAL = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const CJ = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30fc\\u3005';
const SEA = '\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const SUBRUN = new RegExp(`([${CJ}]+)|([${SEA}][${SEA}\\p{M}]*)|((?:(?![${CJ}${SEA}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

/** Longest indexed term, in UTF-16 units: longer runs (URLs, base64 debris) are cut, never dropped. */
export const MAX_TERM = 40;

/** Called for each term with the source range [start, end) it came from. */
export type TermSink = (term: string, start: number, end: number) => void;

let segmenter: Intl.Segmenter | undefined;

function clip(term: string): string {
  if (term.length <= MAX_TERM) return term;
  const c = term.charCodeAt(MAX_TERM - 1);
  return term.slice(0, c >= 0xd800 && c <= 0xdbff ? MAX_TERM - 1 : MAX_TERM);
}

function plainRun(run: string, start: number, emit: TermSink): void {
  const end = start + run.length;
  if (SIMPLE.test(run)) {
    emit(clip(run.toLowerCase()), start, end);
    return;
  }
  // Compatibility forms can normalize to several words ("½" → "1⁄2"); all map back to the same range.
  for (const m of normalizeText(run).matchAll(RUN)) emit(clip(m[0]), start, end);
}

// Kana and the main ideograph blocks are their own normalized form (checked for every code point in
// tokenize.test.ts); normalizing them one by one was most of the cost of tokenizing Chinese.
function plainCJ(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    c === 0x30fc ||
    c === 0x3005
  );
}

// Chinese and Japanese: overlapping character bigrams (as Lucene's CJK analyzer) so any 2+ character
// query finds text however a dictionary would have cut it; documents also get unigrams so a one
// character query ("猫") works.
function cjRun(run: string, start: number, query: boolean, emit: TermSink): void {
  const chars: string[] = [];
  const offs: number[] = [];
  let i = 0;
  for (const ch of run) {
    chars.push(plainCJ(ch.charCodeAt(0)) ? ch : normalizeText(ch));
    offs.push(start + i);
    i += ch.length;
  }
  offs.push(start + i);
  const n = chars.length;
  if (!query || n === 1) for (let k = 0; k < n; k++) emit(chars[k], offs[k], offs[k + 1]);
  for (let k = 0; k + 1 < n; k++) emit(chars[k] + chars[k + 1], offs[k], offs[k + 2]);
}

function seaRun(run: string, start: number, emit: TermSink): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike === false) continue;
    for (const m of normalizeText(s.segment).matchAll(RUN)) emit(clip(m[0]), start + s.index, start + s.index + s.segment.length);
  }
}

/** Calls `emit` for every normalized term of `text`; `query` mode gives CJK bigrams only (no unigrams). */
export function scanTerms(text: string, emit: TermSink, query = false): void {
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const at = m.index;
    if (!SPECIAL.test(run)) {
      plainRun(run, at, emit);
      continue;
    }
    for (const sm of run.matchAll(SUBRUN)) {
      const s = at + sm.index;
      if (sm[1] !== undefined) cjRun(sm[1], s, query, emit);
      else if (sm[2] !== undefined) seaRun(sm[2], s, emit);
      else plainRun(sm[0], s, emit);
    }
  }
}

/** Normalized index terms of a text, in order, repeats kept (what the index stores for a document). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanTerms(text, (t) => out.push(t));
  return out;
}

/** One word of a query: its term and whether it may match as a prefix of longer terms. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
}

/** Distinct query terms; the last word matches as a prefix, earlier words of ≥ 3 characters too. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: string[] = [];
  scanTerms(query, (t) => {
    if (t.length > 0 && !terms.includes(t)) terms.push(t);
  }, true);
  // Prefixes are counted in code points: the bucket key is the first two code points.
  return terms.map((term, i) => {
    const cps = term.length > 2 ? 3 : Array.from(term).length;
    return { term, prefix: i === terms.length - 1 ? cps >= 2 : cps >= 3 };
  });
}
