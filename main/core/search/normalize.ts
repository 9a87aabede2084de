/** Term normalization shared by indexing, querying and highlighting: one function, so all three always agree. */

// Marks removed after NFKD. Only diacritics of scripts where they are "accents" (Latin, Greek, Cyrillic
// combining blocks, Hebrew points, Arabic harakat and tatweel): Indic, Thai or Burmese vowel signs are
// also combining marks, but stripping them would merge different words.
const STRIP =
  // eslint-disable-next-line no-misleading-character-class -- the class lists lone combining marks on purpose
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// eslint-disable-next-line no-misleading-character-class -- the same lone marks as STRIP
const STRIP_ONE = new RegExp(`^${STRIP.source}$`);

// Letters that NFKD leaves alone although readers treat them as plain Latin letters.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ς: 'σ',
};
const FOLD_RE = /[ßæœøđłıþðħς]/g;
const HAS_FOLD = /[ßæœøđłıþðħς]/;
const ASCII_WORDISH = /^[\x20-\x7e\s]*$/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Diacritic- and case-insensitive form of a text: NFKD, accents stripped, NFC again (so Hangul and
 * other composed scripts come back whole), locale-independent lowercase, a few extra Latin folds.
 */
export function normalizeText(text: string): string {
  // Pure ASCII is most of a news library; skipping the Unicode passes saves most of the indexing time.
  if (ASCII_WORDISH.test(text)) return text.toLowerCase();
  const s = text.normalize('NFKD').replace(STRIP, '').normalize('NFC').toLowerCase();
  return HAS_FOLD.test(s) ? s.replace(FOLD_RE, (c) => FOLD[c] ?? c) : s;
}

// What looseFold drops: STRIP's characters (normalizeText drops them too), and every character of
// nonzero combining class: canonical reordering only ever moves those, so without them NFKD works piece
// by piece. Marks of class 0 (most Indic and Thai vowel signs) stay, so needles keep them. U+0345 has
// the highest class (240): any other character of nonzero class moves in front of it under NFD.
function looseDrops(ch: string): boolean {
  if (STRIP_ONE.test(ch)) return true;
  const d = ch.normalize('NFD');
  return ch === '\u0345' || `\u0345${d}`.normalize('NFD') !== `\u0345${d}`;
}

// looseDrops for each BMP character, learnt on first sight: 0 not yet known, 1 kept, 2 dropped. A
// test per character would cost more than the whole rest of the fold. Blocks with no mark at all
// (checked in normalize.test.ts) are known from the start: learning thousands of ideographs one by
// one would cost a first Chinese search a few milliseconds.
const looseSeen = new Uint8Array(0x10000);
/** BMP blocks that hold no character looseFold drops: Latin up to the combining marks, Hangul, CJK. */
export const LOOSE_KEPT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x02ff],
  [0x1100, 0x11ff],
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];
for (const [from, to] of LOOSE_KEPT_BLOCKS) looseSeen.fill(1, from, to + 1);

function dropLoose(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let width = 0;
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // Characters outside the BMP are rare enough to test each time.
      if (looseDrops(s.slice(i, i + 2))) width = 2;
      else i++;
    } else {
      let seen = looseSeen[c];
      if (seen === 0) seen = looseSeen[c] = looseDrops(s[i]) ? 2 : 1;
      if (seen === 2) width = 1;
    }
    if (width === 0) continue;
    out += s.slice(from, i);
    from = i + width;
    i += width - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * A coarser fold than normalizeText, for ruling text out before tokenizing it: NFKD, lowercase, marks
 * of nonzero combining class dropped, the same Latin folds. It works piece by piece — looseFold(a + b)
 * === looseFold(a) + looseFold(b) — and looseFold(normalizeText(s)) === looseFold(s) (both checked in
 * tests), so when a term comes out of tokenizing some text, looseFold(term) is inside looseFold(text).
 */
export function looseFold(text: string): string {
  // No NFC: recomposing could join characters across a piece boundary. The case folds only differ in
  // σ/ς (final sigma depends on the next letter), which FOLD merges.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const s = dropLoose(text.normalize('NFKD').toLowerCase());
  return HAS_FOLD.test(s) ? s.replace(FOLD_RE, (c) => FOLD[c] ?? c) : s;
}
