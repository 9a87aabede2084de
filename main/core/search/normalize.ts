/** Term normalization shared by indexing, querying and highlighting: one function, so all three always agree. */

// Marks removed after NFKD. Only diacritics of scripts where they are "accents" (Latin, Greek, Cyrillic
// combining blocks, Hebrew points, Arabic harakat and tatweel): Indic, Thai or Burmese vowel signs are
// also combining marks, but stripping them would merge different words.
const STRIP =
  // eslint-disable-next-line no-misleading-character-class -- the class lists lone combining marks on purpose
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

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
