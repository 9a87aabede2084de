/** Stable article ids and the derived numbers stored with each article. */
import { createHash } from 'node:crypto';
import type { Block, ExtractedArticle } from '../types';

const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|ref|cmpid)$/i;

/** The URL as it identifies an article: no fragment, no tracking parameters, lower-case host. */
export function normalizeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
    url.searchParams.sort();
    const text = url.toString();
    return text.endsWith('/') && url.pathname !== '/' ? text.slice(0, -1) : text;
  } catch {
    return raw.trim();
  }
}

/** The text an article is recognised by when it has no URL: title and blocks, whitespace-normalized. */
export function contentKeyOf(article: Pick<ExtractedArticle, 'title' | 'blocks'>): string {
  const text = [article.title, ...article.blocks.map((b) => b.text)].join('\n');
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The id of an article: a hash of its URL when it has one (re-importing the same page does
 * not duplicate it), else of its text (the same file in another encoding is the same article).
 */
export function articleId(article: Pick<ExtractedArticle, 'title' | 'blocks' | 'url'>): string {
  const key = article.url ? `url:${normalizeUrl(article.url)}` : `text:${contentKeyOf(article)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Words in blocks, counted with the Unicode word segmenter (it splits CJK and Thai text too). */
export function countWords(blocks: Block[]): number {
  let words = 0;
  for (const block of blocks) words += countTextWords(block.text);
  return words;
}

// Outside the scripts the segmenter splits with dictionaries or special rules (CJK, Thai and its
// neighbours, Hangul with digits, Hebrew quotes, emoji, connector punctuation…), its word rules
// (UAX #29) reduce to this pattern: letter/digit runs with their marks and format characters,
// joined by MidLetter/MidNumLet between letters (WB6/7) and MidNum/MidNumLet between digits
// (WB11/12). It is ~12× faster than iterating the segmenter, which was the largest cost of a bulk
// add; a test compares the two on every line of the corpus and on random strings.
const LEFT_TO_SEGMENTER =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Hebrew}\p{sc=Hangul}\p{Extended_Pictographic}\p{RI}\p{Pc}\u200B\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u3000-\u303F\uFF00-\uFFEF]/u;
const MARKS = '[\\p{M}\\p{Cf}]*';
const MID_LETTER = ':\\u00B7\\u0387\\u055F\\u05F4\\u2027\\uFE13\\uFE55\\uFF1A';
const MID_NUM_LET = ".\\u2018\\u2019\\u2024\\uFE52\\uFF07\\uFF0E'";
const MID_NUM = ',;\\u037E\\u0589\\u060C\\u060D\\u066C\\u07F8\\u2044\\uFE10\\uFE14\\uFE50\\uFE54\\uFF0C\\uFF1B';
// A letter that is not itself a mark: a vowel sign after "?" belongs to the "?" (WB4), it starts no word.
// (Set subtraction needs the `v` flag; a negative lookahead instead made long lines ~100× slower.)
const LETTER = '[\\p{Alphabetic}--\\p{M}]';
const BASE = '[[\\p{Alphabetic}\\p{Nd}]--\\p{M}]';
// The joiner class is checked first, so the lookbehinds run only at a joiner, not after every letter.
const JOIN =
  `(?=[${MID_LETTER}${MID_NUM_LET}${MID_NUM}])` +
  `(?:(?<=${LETTER}${MARKS})[${MID_LETTER}${MID_NUM_LET}]${MARKS}(?=${LETTER})` +
  `|(?<=\\p{Nd}${MARKS})[${MID_NUM}${MID_NUM_LET}]${MARKS}(?=\\p{Nd}))`;
const WORD = new RegExp(`${BASE}+${MARKS}(?:(?:${BASE}|${JOIN}${BASE})${MARKS})*`, 'gv');

/** Word-like segments in one text, as the Unicode word segmenter counts them. */
export function countTextWords(text: string): number {
  if (!LEFT_TO_SEGMENTER.test(text)) return text.match(WORD)?.length ?? 0;
  let words = 0;
  for (const piece of text.split(SENTENCE_END)) for (const part of segmenter.segment(piece)) if (part.isWordLike) words += 1;
  return words;
}

// V8's segmenter slows down with the length of the text it walks (100,000 Chinese characters: 13 s
// whole, 0.2 s in sentences). No word spans a line break (UAX #29 WB3a/b) or runs on past a full stop
// that is not followed by a mark (WB4), so counting sentence by sentence gives the same total.
const SENTENCE_END = /(?<=[\n\u3002\uFF01\uFF1F\uFF0E!?])(?![\p{M}\p{Cf}])/u;

/**
 * Minutes to read: 230 words a minute for alphabetic scripts; for Chinese, Japanese and
 * Korean, where a "word" is short, about 500 characters a minute.
 */
export function readingMinutes(blocks: Block[], words: number): number {
  const text = blocks.map((b) => b.text).join('');
  const cjkChars = text.match(CJK)?.length ?? 0;
  const minutes = cjkChars > text.length / 3 ? cjkChars / 500 : words / 230;
  return Math.max(1, Math.round(minutes));
}
