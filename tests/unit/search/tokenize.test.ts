import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../main/core/search/index';
import { queryTerms } from '../../../main/core/search/tokenize';
import { normalizeText } from '../../../main/core/search/normalize';
import { bucketOf } from '../../../main/core/search/codec';
import { readCorpus } from './corpus';

describe('tokenize', () => {
  it('takes kana and the main ideograph blocks as they are (the fast path of Chinese and Japanese)', () => {
    const ranges: [number, number][] = [
      [0x3041, 0x3096],
      [0x30a1, 0x30fa],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0x30fc, 0x30fc],
      [0x3005, 0x3005],
    ];
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        if (normalizeText(ch) !== ch) expect(c.toString(16)).toBe('its own normalized form');
      }
    }
    // Outside them each character is still normalized: halfwidth katakana, compatibility ideographs.
    expect(tokenize('ｶﾀｶﾅ')).toEqual(['カ', 'タ', 'カ', 'ナ', 'カタ', 'タカ', 'カナ']);
    expect(tokenize('\uf900\u4e00')).toEqual(['\u8c48', '\u4e00', '\u8c48\u4e00']);
  });

  it('folds case and diacritics, drops punctuation', () => {
    expect(tokenize('Café, Moskôw — NAÏVE “façade”!')).toEqual(['cafe', 'moskow', 'naive', 'facade']);
    expect(tokenize('Straße Ærø Łódź')).toEqual(['strasse', 'aero', 'lodz']);
    expect(tokenize('ＡＢＣ ﬁnal')).toEqual(['abc', 'final']);
  });

  it('splits apostrophes and hyphens so "état" finds "l\'état"', () => {
    expect(tokenize("l'état Jean-Pierre don't")).toEqual(['l', 'etat', 'jean', 'pierre', 'don', 't']);
  });

  it('keeps Indonesian words whole', () => {
    const terms = tokenize(readCorpus('seed/diplomasi-bayangan.txt'));
    expect(terms).toContain('diplomasi');
    expect(terms).toContain('intelijen');
    expect(terms).toContain('moskow');
  });

  it('gives Chinese and Japanese unigrams and bigrams (bigrams only for queries)', () => {
    expect(tokenize('北京大学')).toEqual(['北', '京', '大', '学', '北京', '京大', '大学']);
    expect(queryTerms('北京大学').map((q) => q.term)).toEqual(['北京', '京大', '大学']);
    expect(queryTerms('猫').map((q) => q.term)).toEqual(['猫']);
    const ja = tokenize('東京都のコンピューター');
    expect(ja).toContain('東京');
    expect(ja).toContain('コン');
    expect(ja).toContain('ター');
  });

  it('segments Thai with the ICU dictionary', () => {
    const terms = tokenize(readCorpus('articles/newspaper4k/txt/thai_article.txt'));
    expect(terms).toContain('ประเทศ');
    expect(terms.length).toBeGreaterThan(100);
    expect(Math.max(...terms.map((t) => t.length))).toBeLessThan(40);
  });

  it('strips Arabic harakat and folds hamza forms', () => {
    expect(tokenize('مُحَمَّد')).toEqual(['محمد']);
    expect(tokenize('الكتائب')).toEqual(tokenize('الكتايب'));
    expect(tokenize('أحمد')).toEqual(['احمد']);
  });

  it('keeps Indic and Thai vowel signs (they are letters there, not accents)', () => {
    expect(normalizeText('किताब')).toBe('किताब');
    expect(tokenize('किताब कितब')).toEqual(['किताब', 'कितब']);
  });

  it('cuts very long runs without splitting a surrogate pair', () => {
    const long = `${'a'.repeat(39)}😀xyz`;
    const [t] = tokenize(long);
    expect(t.length).toBeLessThanOrEqual(40);
    expect(t).toBe('a'.repeat(39));
  });

  it('marks the last query word as a prefix, earlier ones from 3 characters', () => {
    expect(queryTerms('the new yo')).toEqual([
      { term: 'the', prefix: true },
      { term: 'new', prefix: true },
      { term: 'yo', prefix: true },
    ]);
    expect(queryTerms('of a')).toEqual([
      { term: 'of', prefix: false },
      { term: 'a', prefix: false },
    ]);
  });

  it('puts every term with the same first two code points in the same bucket', () => {
    expect(bucketOf('president', 2048)).toBe(bucketOf('pr', 2048));
    expect(bucketOf('presidential', 2048)).toBe(bucketOf('pre', 2048));
    expect(bucketOf('𠀀𠀁x', 2048)).toBe(bucketOf('𠀀𠀁', 2048));
  });
});
