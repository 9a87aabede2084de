import { describe, expect, it } from 'vitest';
import { LOOSE_KEPT_BLOCKS, looseFold, normalizeText } from '../../../main/core/search/normalize';
import { scanTerms } from '../../../main/core/search/tokenize';
import { readCorpus } from './corpus';

// Characters where folding is easy to get wrong: final sigma, dotted I, folds, compatibility forms,
// halfwidth kana with a separate voicing mark, Hangul, Indic, Thai and Arabic marks, Hebrew points.
const ALPHABET = [
  ...'aAéΣσςßẞİıﬁ½ｶﾞﾟ가각ข่าวเนมস্তেজুড়েالرَّئِيسُـ中国がヴ׀־',
  '\u0301',
  '\u0323',
  '\u0345',
  '\u3099',
  '\u09cd',
  '\u093c',
  '\u0e48',
  '\u05b0',
  '\u06dd',
  '😀',
  '\ud800',
  ' ',
  '.',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('looseFold', () => {
  it('folds like normalizeText, only coarser', () => {
    expect(looseFold('Café MOSKÔW')).toBe('cafe moskow');
    expect(looseFold('Straße ﬁnal ΟΔΟΣ')).toBe('strasse final οδοσ');
    expect(looseFold('قَالَ')).toBe('قال');
    expect(looseFold('ｶﾞ')).toBe('カ');
    // Class-0 vowel signs stay, so Thai and Indic needles stay selective; tone marks and viramas go.
    expect(looseFold('ข่าว')).toBe('ขาว');
    expect(looseFold('সালে')).toBe('সালে');
  });

  it('keeps every character of the blocks it knows in advance (class 0, nothing normalizeText strips)', () => {
    for (const [from, to] of LOOSE_KEPT_BLOCKS) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        const d = ch.normalize('NFD');
        // Class 0 throughout: nothing moves in front of U+0345 (class 240) under NFD.
        const reorders = `\u0345${d}`.normalize('NFD') !== `\u0345${d}`;
        const kept = !reorders && c !== 0x345 && normalizeText(`x${ch}x`) !== 'xx';
        if (!kept) expect(c.toString(16)).toBe('a character looseFold keeps');
      }
    }
  });

  it('works piece by piece: looseFold(a + b) is looseFold(a) + looseFold(b)', () => {
    const next = seeded(7);
    for (let i = 0; i < 20000; i++) {
      const a = randomText(next, 1 + Math.floor(next() * 5));
      const b = randomText(next, 1 + Math.floor(next() * 5));
      expect(looseFold(a + b)).toBe(looseFold(a) + looseFold(b));
    }
  });

  it('gives the same for a text and its normalized form, for every BMP character', () => {
    const marks = ['', '\u0301', '\u0345', '\u3099', '\u09be', '\u0e48'];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const m of marks) {
        const s = ch + m;
        if (looseFold(normalizeText(s)) !== looseFold(s)) expect([c.toString(16), m]).toEqual('same fold');
      }
    }
  });

  it('finds the loose form of every term inside the loose form of its text', () => {
    const names = ['thai', 'chinese', 'japanese', 'korean', 'arabic', 'hindi', 'bengali', 'burmese', 'latvian', 'spanish'];
    const texts = names.map((n) => readCorpus(`articles/newspaper4k/txt/${n}_article.txt`));
    const next = seeded(11);
    for (let i = 0; i < 200; i++) texts.push(randomText(next, 40));
    for (const text of texts) {
      const loose = looseFold(text);
      scanTerms(text, (term) => {
        if (!loose.includes(looseFold(term))) expect(term).toBe('found in the loose text');
      });
    }
  });
});
