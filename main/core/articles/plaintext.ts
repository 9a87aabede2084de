/**
 * Plain-text articles in news-wire form: an optional section line, a title line, a dateline
 * paragraph, body paragraphs and short subheading lines. Every rule here is about the shape of
 * lines (length, final punctuation, neighbours), never about a particular article.
 */
import { KabarError } from '../errors';
import type { Block, ExtractedArticle } from '../types';
import { parseDateline, parseSourceLine, type Dateline } from './dateline';
import { normalizeNewlines } from './decode';
import { detectLanguage, isRtlLang } from './language';
import { countWords, displayLine, endsLikeSentence, firstSentence, makeExcerpt, truncate } from './text';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// Hard-wrapped text (lines cut at ~72 columns, paragraphs separated by blank lines) must be
// re-joined; news-wire text with one paragraph per line must not.
function isHardWrapped(lines: string[]): boolean {
  const nonEmpty = lines.filter((l) => l.length > 0);
  if (nonEmpty.length < 6) return false;
  if (nonEmpty.some((l) => l.length > 100)) return false;
  const typical = nonEmpty.filter((l) => l.length >= 45).length;
  let longestRun = 0;
  let run = 0;
  for (const l of lines) {
    run = l.length > 0 ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  return longestRun >= 3 && typical >= nonEmpty.length * 0.5;
}

function joinWrapped(group: string[]): string {
  return group.reduce((acc, line) => {
    if (!acc) return line;
    const glue = CJK.test(acc.slice(-1)) && CJK.test(line[0]) ? '' : ' ';
    return acc + glue + line;
  }, '');
}

const SPACE = /[\s\u200b]/u;

/**
 * Trims white space and zero-width spaces from both ends. A scan, not `/[\s]+$/`: that regex
 * retries from every position of a long run of spaces inside a line, which took seconds on 32,000
 * spaces (found by fuzzing; see tests/unit/fuzz/regressions.test.ts).
 */
function trimSpace(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && SPACE.test(line[start] as string)) start += 1;
  while (end > start && SPACE.test(line[end - 1] as string)) end -= 1;
  return line.slice(start, end);
}

/** Splits text into units: lines, or blank-line separated paragraphs when the text is hard-wrapped. */
function toUnits(text: string): string[] {
  const lines = normalizeNewlines(text).split('\n').map(trimSpace);
  if (!isHardWrapped(lines)) return lines.filter((l) => l.length > 0);
  const units: string[] = [];
  let group: string[] = [];
  for (const line of [...lines, '']) {
    if (line) group.push(line);
    else if (group.length) {
      units.push(joinWrapped(group));
      group = [];
    }
  }
  return units;
}

function isShortLabel(unit: string): boolean {
  return unit.length <= 40 && countWords(unit) <= 4 && !endsLikeSentence(unit);
}

// Titles may end with ? or !, never with a full stop, comma or colon.
function isTitleLike(unit: string): boolean {
  const limit = CJK.test(unit) ? 80 : 200;
  return unit.length <= limit && countWords(unit) <= 35 && !/[.,;:。，、：]['"’”»)]*$/u.test(unit);
}

function isHeadingLike(unit: string): boolean {
  const limit = CJK.test(unit) ? 40 : 100;
  return unit.length <= limit && countWords(unit) <= 15 && !endsLikeSentence(unit) && !/^[-*•·]\s/u.test(unit);
}

interface Head {
  section?: string;
  title?: string;
  bodyStart: number;
}

function findHead(units: string[]): Head {
  const [u0, u1] = units;
  const isDateline = (u: string): boolean => parseDateline(u).outlet !== undefined;
  if (units.length >= 3 && isShortLabel(u0) && isTitleLike(u1) && u1.length > u0.length && !isDateline(u1)) {
    return { section: u0, title: u1, bodyStart: 2 };
  }
  if (units.length >= 2 && isTitleLike(u0) && !isDateline(u0)) return { title: u0, bodyStart: 1 };
  return { bodyStart: 0 };
}

// The text after a dateline prefix ("Semarang (usmnews) – "), used for excerpts and derived titles.
function withoutDateline(paragraph: string): string {
  const m = /^[^()\n]{0,60}\([^()\n]{1,40}\)\s*(?:--|[–—-])\s*/u.exec(paragraph);
  return m ? paragraph.slice(m[0].length) : paragraph;
}

function classifyBody(units: string[]): Block[] {
  const blocks: Block[] = [];
  units.forEach((unit, i) => {
    const prev = blocks[blocks.length - 1];
    const next = units[i + 1];
    const heading =
      prev?.type === 'paragraph' &&
      next !== undefined &&
      isHeadingLike(unit) &&
      !isHeadingLike(next) &&
      next.length > unit.length;
    blocks.push(heading ? { type: 'heading', level: 2, text: unit } : { type: 'paragraph', text: unit });
  });
  return blocks;
}

/** Parses news-wire plain text into an article: section, title, dateline metadata, headings and paragraphs. */
export function parsePlainText(text: string): ExtractedArticle {
  const units = toUnits(text);
  if (units.length === 0) throw new KabarError('EMPTY_INPUT', 'The text is empty. Paste or choose a file that contains an article.');
  const head = findHead(units);
  const blocks = classifyBody(units.slice(head.bodyStart));
  const paragraphs = blocks.filter((b) => b.type === 'paragraph');
  const firstParagraph = paragraphs[0];
  // A promo line may precede the dateline ("Share your photos… / (CNN) -- …"): look at the first few.
  let dateline: Dateline = {};
  for (const p of paragraphs.slice(0, 3)) {
    dateline = parseDateline(p.text);
    if (dateline.outlet || dateline.credit) break;
  }
  let credit = dateline.credit;
  for (const b of blocks) credit ??= b.type === 'paragraph' ? parseSourceLine(b.text) : undefined;
  const lead = firstParagraph ? withoutDateline(firstParagraph.text) : '';
  const title = head.title ?? truncate(firstSentence(lead || units[0]), 120);
  const lang = detectLanguage([title, ...blocks.map((b) => b.text)].join('\n'));
  const article: ExtractedArticle = {
    title: displayLine(title),
    lang,
    dir: isRtlLang(lang) ? 'rtl' : 'ltr',
    excerpt: makeExcerpt(lead),
    blocks,
    source: 'text',
  };
  if (head.section) article.section = head.section;
  if (dateline.place) article.place = dateline.place;
  if (dateline.outlet) article.siteName = dateline.outlet;
  // Without a credit phrase, the outlet in the dateline is the credit line (wire convention).
  const finalCredit = credit ?? dateline.outlet;
  if (finalCredit) article.credit = finalCredit;
  return article;
}
