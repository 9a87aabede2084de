/**
 * The fast word count agrees with the Unicode word segmenter it shortcuts: on every corpus text and
 * page paragraph, and on 100,000 random strings over an alphabet around the one the shortcut accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

describe('countTextWords', () => {
  it('counts corpus texts as the segmenter does', () => {
    const dir = join(CORPUS, 'articles/newspaper4k/txt');
    const texts = readdirSync(dir).map((n) => readFileSync(join(dir, n), 'utf8'));
    let lines = 0;
    let asciiLines = 0;
    for (const text of texts) {
      for (const line of text.split('\n')) {
        lines += 1;
        if (/^[\x20-\x7e]*$/.test(line)) asciiLines += 1;
        expect(countTextWords(line), line).toBe(segmenterCount(line));
      }
      expect(countTextWords(text)).toBe(segmenterCount(text));
    }
    expect(asciiLines, 'some lines take the fast path').toBeGreaterThan(10);
    expect(lines).toBeGreaterThan(asciiLines);
  });

  it('agrees on 100,000 random strings over the fast path alphabet and its edges', () => {
    const random = rng(15);
    const alphabet = "aZé1 9.,;:!?'\"()-\n\tÿÀ×÷\u2019\u2018\u201C\u201D\u2013\u2014\u2026";
    for (let i = 0; i < 100_000; i += 1) {
      let s = '';
      const len = 1 + Math.floor(random() * 30);
      for (let j = 0; j < len; j += 1) s += alphabet[Math.floor(random() * alphabet.length)];
      if (countTextWords(s) !== segmenterCount(s)) expect(countTextWords(s), JSON.stringify(s)).toBe(segmenterCount(s));
    }
  });
});
