import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlight, makeSnippet, openSearchIndex, type SnippetPart } from '../../../main/core/search/index';
import { SNIPPET_TEXT_CHARS } from '../../../main/core/search/snippet';
import { scanTerms, tokenize } from '../../../main/core/search/tokenize';
import { readCorpus } from './corpus';

const joined = (parts: SnippetPart[]): string => parts.map((p) => p.text).join('');
const hits = (parts: SnippetPart[]): string[] => parts.filter((p) => p.hit).map((p) => p.text);

function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (!(n >= 0xdc00 && n <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

describe('makeSnippet', () => {
  const seed = readCorpus('seed/diplomasi-bayangan.txt');

  it('returns a window around the first hit, hits marked, whitespace collapsed', () => {
    const parts = makeSnippet(seed, ['naryshkin']);
    const text = joined(parts);
    expect(hits(parts)[0]).toBe('Naryshkin');
    expect(text.length).toBeLessThanOrEqual(170);
    expect(text.startsWith('…')).toBe(true);
    expect(text).not.toMatch(/\s{2}|\n/);
    const first = seed.indexOf('Naryshkin');
    expect(first).toBeGreaterThan(200); // so the window really had to move
    const before = text.slice(1, text.indexOf('Naryshkin'));
    expect(seed.replace(/\s+/g, ' ')).toContain(before.trim());
  });

  it('marks every hit inside the window, diacritic-insensitively', () => {
    const parts = makeSnippet('Le café de Moskôw, un cafe comme les autres.', ['cafe', 'moskow']);
    expect(hits(parts)).toEqual(['café', 'Moskôw', 'cafe']);
    expect(joined(parts)).toBe('Le café de Moskôw, un cafe comme les autres.');
  });

  it('starts at the beginning with no hit, and marks nothing', () => {
    const parts = makeSnippet(seed, ['zzzz'], 80);
    expect(parts.every((p) => !p.hit)).toBe(true);
    expect(joined(parts).endsWith('…')).toBe(true);
    expect(joined(parts).length).toBeLessThanOrEqual(82);
  });

  it('marks CJK bigram hits and merges overlapping ones', () => {
    const zh = readCorpus('articles/newspaper4k/txt/chinese_article.txt');
    const parts = makeSnippet(zh, ['梁振', '振英']);
    expect(hits(parts)[0]).toBe('梁振英');
  });

  it('never cuts a surrogate pair or starts on a combining mark', () => {
    const emoji = '😀'.repeat(200);
    for (let w = 20; w < 60; w++) {
      const text = `${emoji} needle ${emoji}`;
      const parts = makeSnippet(text, ['needle'], w);
      expect(wellFormed(joined(parts))).toBe(true);
      expect(hits(parts)).toEqual(['needle']);
    }
    const marks = `${'e\u0301'.repeat(100)} target ${'e\u0301'.repeat(100)}`;
    for (let w = 20; w < 40; w++) {
      const t = joined(makeSnippet(marks, ['target'], w)).replace(/^…/, '');
      expect(t.charCodeAt(0)).not.toBe(0x301);
    }
  });

  it('returns plain text parts, never markup', () => {
    const parts = makeSnippet('<b>bold</b> & <script>alert(1)</script> text', ['alert']);
    expect(joined(parts)).toContain('<script>');
    expect(hits(parts)).toEqual(['alert']);
  });

  it('works on the terms a real search returned, in long texts', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-search-'));
    const ix = await openSearchIndex(path.join(root, 'index'));
    try {
      const body = readCorpus('articles/newspaper4k/txt/time_001.txt').repeat(20);
      await ix.add('t', { title: 'Time', body });
      const [m] = ix.search('geoengin');
      expect(m.terms.length).toBeGreaterThan(0);
      const parts = makeSnippet(body, m.terms);
      expect(hits(parts).length).toBeGreaterThan(0);
      expect(hits(parts).every((h) => h.toLowerCase().startsWith('geoengin'))).toBe(true);
    } finally {
      await ix.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

const SCRIPT_NAMES = ['thai', 'chinese', 'japanese', 'korean', 'arabic', 'hindi', 'bengali', 'burmese', 'latvian'];
const SCRIPTS = [...SCRIPT_NAMES, 'spanish', 'cnn'].map((n) => readCorpus(`articles/newspaper4k/txt/${n}_article.txt`));

// What highlighting must mark: every term of one tokenization of the whole text, no pre-filtering.
function markedByTokenizing(text: string, terms: string[]): string[] {
  const want = new Set(terms);
  const ranges: [number, number][] = [];
  scanTerms(text, (term, s, e) => {
    if (!want.has(term)) return;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else ranges.push([s, e]);
  });
  return ranges.map(([s, e]) => text.slice(s, e));
}

describe('skipping text that cannot match', () => {
  it('marks exactly what tokenizing the whole text marks, in every script', () => {
    let seed = 3;
    const pick = <T>(xs: T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length] as T;
    const odd =
      'ｶﾞｷﾞ ガギ, ΟΔΟΣ ΟΔΟΣ. Σοφία; Straße STRASSE ﬁnance ½ İstanbul; e\u0301te\u0301 été; قَالَ الرَّئِيسُ ـــ; 😀 𠀋𠀌 𠀋';
    for (const text of [...SCRIPTS, odd]) {
      const terms = [...new Set(tokenize(text))];
      for (let i = 0; i < 25; i++) {
        const chosen = [pick(terms), pick(terms)];
        expect(hits(highlight(text, chosen))).toEqual(markedByTokenizing(text, chosen));
      }
    }
  });

  it('finds a hit deep in a long body and marks it whole', () => {
    for (const [i, text] of SCRIPTS.entries()) {
      const filler = SCRIPTS[(i + 1) % SCRIPTS.length].repeat(10).slice(0, 5000);
      const long = `${filler}\n\n${text}`;
      const before = new Set(tokenize(filler));
      const term = tokenize(text.slice(100, 300)).find((t) => t.length > 1 && !before.has(t));
      expect(term).toBeDefined();
      const first = hits(makeSnippet(long, [term as string]))[0];
      expect(first).toBe(markedByTokenizing(long, [term as string])[0]);
    }
  });

  it('gives the same snippet from a body cut to SNIPPET_TEXT_CHARS (what the store keeps)', () => {
    const long = SCRIPTS.join('\n\n').repeat(3);
    expect(long.length).toBeGreaterThan(SNIPPET_TEXT_CHARS * 2);
    const cut = long.slice(0, SNIPPET_TEXT_CHARS);
    for (const at of [0, 3000, 7000, 8100, 8300, 11000, 20000]) {
      const terms = tokenize(long.slice(at, at + 30)).slice(0, 2);
      expect(makeSnippet(cut, terms)).toEqual(makeSnippet(long, terms));
    }
    expect(makeSnippet(cut, ['zzzq'])).toEqual(makeSnippet(long, ['zzzq']));
  });
});

describe('highlight', () => {
  it('marks every hit of a whole title', () => {
    expect(highlight('Café in Paris, the café capital', ['cafe'])).toEqual([
      { text: 'Café', hit: true },
      { text: ' in Paris, the ', hit: false },
      { text: 'café', hit: true },
      { text: ' capital', hit: false },
    ]);
  });

  it('handles Thai, Arabic and empty input', () => {
    // ICU keeps ประเทศไทย as one word; a search for ประเทศ returns it as the matched term.
    expect(hits(highlight('ข่าวประเทศไทยวันนี้', ['ประเทศไทย']))).toEqual(['ประเทศไทย']);
    expect(hits(highlight('قال الرئيس بشار', ['الرييس', 'الرئيس']))).toEqual(['الرئيس']);
    expect(highlight('', ['x'])).toEqual([]);
    expect(highlight('no terms', [])).toEqual([{ text: 'no terms', hit: false }]);
  });
});
