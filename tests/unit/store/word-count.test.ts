/**
 * The fast word count agrees with the Unicode word segmenter it shortcuts: on every corpus text and
 * page paragraph, and on 100,000 random strings over an alphabet around the one the shortcut accepts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTextWords } from '../../../main/core/store/identity';
import { CORPUS } from '../helpers';
import { rng } from './seeded-random';

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
function segmenterCount(text: string): number {
  let n = 0;
  for (const part of segmenter.segment(text)) if (part.isWordLike) n += 1;
  return n;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('countTextWords', () => {
  it('counts the corpus texts and pages (many scripts) line by line as the segmenter does', () => {
    let lines = 0;
    let fastLines = 0;
    const disagree: string[] = [];
    const paths = [...files(join(CORPUS, 'articles')), ...files(join(CORPUS, 'pages'))].filter((p) => /\.(txt|html?)$/.test(p));
    for (const path of paths) {
      const text = readFileSync(path, 'utf8').replace(/<[^>]*>/g, ' ');
      // Every second line of each file keeps the run short.
      text.split('\n').forEach((line, i) => {
        // (The segmenter is very slow on the few lines of tens of thousands of characters: those are left out.)
        if (!line.trim() || i % 2 === 1 || line.length > 4000) return;
        lines += 1;
        // Lines of dictionary scripts take the segmenter sentence by sentence: the same total as over the whole line.
        if (!/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Hangul}]/u.test(line)) fastLines += 1;
        if (countTextWords(line) !== segmenterCount(line)) disagree.push(line.slice(0, 120));
      });
    }
    expect(disagree).toEqual([]);
    expect(fastLines).toBeGreaterThan(20_000);
    expect(lines - fastLines, 'CJK, Thai and Korean lines are compared too').toBeGreaterThan(1000);
    expect(fastLines, 'most lines take the fast path').toBeGreaterThan(lines / 2);
  });

  it('agrees on 100,000 random strings over the fast path alphabet and its edges', () => {
    const random = rng(15);
    // Latin, Cyrillic, Greek, Arabic (with a mark and its comma), Devanagari (with a vowel sign and virama),
    // digits, every joiner class, soft hyphen, ZWNJ/ZWJ, no-break space, and characters left to the segmenter.
    const alphabet = [..."aZé1 9.,;:!?'\"()-\n\tÿÀ×÷\u2019\u2018\u201C\u201D\u2013\u2014\u2026жЯλΣبت\u064E\u060C٣कि\u094D\u00AD\u200C\u200D\u00A0·\u2044_한漢"];
    for (let i = 0; i < 100_000; i += 1) {
      let s = '';
      const len = 1 + Math.floor(random() * 30);
      for (let j = 0; j < len; j += 1) s += alphabet[Math.floor(random() * alphabet.length)];
      if (countTextWords(s) !== segmenterCount(s)) expect(countTextWords(s), JSON.stringify(s)).toBe(segmenterCount(s));
    }
  });
});
