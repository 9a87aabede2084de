/**
 * Language detection: the writing system decides where it is unambiguous (Hangul, kana, Thai…),
 * tinyld decides among languages sharing a script, and two marker-word checks cover pairs tinyld
 * cannot separate (it has no Malay and no Nepali profile).
 */
import { detectAll } from 'tinyld';

/** Languages written right to left (ISO 639-1 plus the few 3-letter codes tinyld may return). */
export const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr']);

/** True when text in this language is written right to left. */
export function isRtlLang(lang: string): boolean {
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0]);
}

// Scripts that (for a news reader) name one language, and scripts that need a closer look.
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'kana'],
  [/\p{Script=Han}/gu, 'han'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Myanmar}/gu, 'my'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'hebrew'],
  [/\p{Script=Arabic}/gu, 'arabic'],
  [/\p{Script=Cyrillic}/gu, 'cyrillic'],
  [/\p{Script=Devanagari}/gu, 'devanagari'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Gujarati}/gu, 'gu'],
  [/\p{Script=Gurmukhi}/gu, 'pa'],
  [/\p{Script=Oriya}/gu, 'or'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Telugu}/gu, 'te'],
  [/\p{Script=Kannada}/gu, 'kn'],
  [/\p{Script=Malayalam}/gu, 'ml'],
  [/\p{Script=Sinhala}/gu, 'si'],
  [/\p{Script=Ethiopic}/gu, 'am'],
  [/\p{Script=Tibetan}/gu, 'bo'],
  [/\p{Script=Thaana}/gu, 'dv'],
];

// Words frequent in one language of a pair and rare in the other (news register).
const MALAY_MARKERS = new Set(
  'kerana bahawa iaitu sahaja baharu mahu wang semasa selepas manakala pelbagai tempatan kerajaan syarikat jabatan sebarang ialah dipetik beliau boleh kakitangan perlu'.split(' '),
);
const INDONESIAN_MARKERS = new Set(
  'karena bahwa yaitu saja baru mau uang setelah berbagai pemerintah perusahaan tersebut bisa sejumlah dilansir dikutip melalui kemarin terhadap'.split(' '),
);
const NEPALI_MARKERS = new Set('छ छन् थियो थिए गरे गरेको भएको हो र मा पनि बाट लागि गर्न भने रहेको छैन गरेका यो त्यो गरेर हुने'.split(' '));
const HINDI_MARKERS = new Set('है हैं था थी थे में और का की के से नहीं यह वह भी कि गया गई किया'.split(' '));
const MARATHI_MARKERS = new Set('आहे आणि नाही होते आहेत च्या मध्ये हे ते'.split(' '));

function countMarkers(words: string[], markers: Set<string>): number {
  let n = 0;
  for (const w of words) if (markers.has(w)) n++;
  return n;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter(Boolean);
}

// Long articles: a head and a middle slice are enough and keep detection in the millisecond range.
function sample(text: string): string {
  if (text.length <= 6000) return text;
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, 4000)}\n${text.slice(mid, mid + 2000)}`;
}

const LONE_LETTER = /(^|[^\p{L}\p{M}])[\p{Script=Latin}\p{Script=Greek}](?=$|[^\p{L}\p{M}])/gu;

function clean(text: string): string {
  const s = text
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/[\p{N}\p{S}_]+/gu, ' ');
  // Formulas (MathML, LaTeX) are runs of one-letter variables that look like no language; drop
  // them only when they are that common, since "a" and "I" are strong English markers.
  const tokens = s.split(/\s+/).filter(Boolean);
  const lone = tokens.filter((t) => /^[\p{Script=Latin}\p{Script=Greek}]\p{P}*$/u.test(t)).length;
  return lone > tokens.length * 0.2 ? s.replace(LONE_LETTER, '$1 ') : s;
}

// tinyld on one long text can be swayed by a few odd n-grams (an English page scored 0.48 vs
// Turkmen 0.27; a Spanish one 0.43 vs Swedish 0.42). Voting over paragraph-sized chunks,
// weighted by length, gives clear margins on the whole corpus; a few short chunks keep it fast.
const MAX_CHUNKS = 5;

function chunks(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    cur = cur ? `${cur}\n${line}` : line;
    if (cur.length >= 400) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur.trim()) out.push(cur);
  const picked = out.length <= MAX_CHUNKS ? out : Array.from({ length: MAX_CHUNKS }, (_, i) => out[Math.floor((i * out.length) / MAX_CHUNKS)]);
  return picked.map((c) => c.slice(0, 500));
}

function tinyldBest(text: string, only?: string[]): string | undefined {
  // One call on the opening settles most texts; only unclear ones pay for the vote.
  const first = detectAll(text.slice(0, 1500), only ? { only } : undefined);
  if (first.length > 0 && first[0].accuracy >= 0.8 && first[0].accuracy - (first[1]?.accuracy ?? 0) >= 0.6) return first[0].lang;
  const score = new Map<string, number>();
  for (const chunk of chunks(text)) {
    for (const { lang, accuracy } of detectAll(chunk, only ? { only } : undefined)) {
      if (lang) score.set(lang, (score.get(lang) ?? 0) + accuracy * chunk.length);
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [lang, value] of score) {
    if (value > bestScore) {
      best = lang;
      bestScore = value;
    }
  }
  return best;
}

function refineLatin(text: string): string {
  // tinyld answers with a 3-letter code where ISO 639-1 has none (Berber, Klingon…): report those as undetermined.
  const found = tinyldBest(text) ?? 'und';
  const lang = found.length === 2 ? found : 'und';
  if (lang === 'id' || lang === 'ms') {
    const w = words(text);
    const ms = countMarkers(w, MALAY_MARKERS);
    const id = countMarkers(w, INDONESIAN_MARKERS);
    return ms >= 2 && ms > id * 1.5 ? 'ms' : 'id';
  }
  return lang;
}

function refineDevanagari(text: string): string {
  const w = words(text);
  const scores: Array<[string, number]> = [
    ['hi', countMarkers(w, HINDI_MARKERS)],
    ['ne', countMarkers(w, NEPALI_MARKERS)],
    ['mr', countMarkers(w, MARATHI_MARKERS)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] > 0 ? scores[0][0] : 'hi';
}

/**
 * Detects the language of `text` as an ISO 639-1 code ('zh' for every Chinese), or 'und' when
 * the text is too short or too mixed to tell.
 */
export function detectLanguage(text: string): string {
  const s = clean(sample(text));
  const letters = (s.match(/\p{L}/gu) ?? []).length;
  if (letters < 12) return 'und';
  const counts = new Map<string, number>();
  for (const [re, name] of SCRIPTS) {
    const n = (s.match(re) ?? []).length;
    if (n > 0) counts.set(name, n);
  }
  const kana = counts.get('kana') ?? 0;
  const han = counts.get('han') ?? 0;
  if (kana + han > 0) {
    counts.delete('kana');
    counts.delete('han');
    // Japanese prose is a third kana or more; Chinese pages quote kana only in passing.
    counts.set(kana >= (kana + han) * 0.1 ? 'ja' : 'zh', kana + han);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  // CJK characters are whole words, so a smaller share of them still makes the text CJK.
  const weight = best && (best[0] === 'zh' || best[0] === 'ja') ? 3 : 1;
  if (!best || best[1] * weight < letters * 0.3) return refineLatin(s);
  switch (best[0]) {
    case 'hebrew':
      return tinyldBest(s, ['he', 'yi']) ?? 'he';
    case 'arabic':
      return tinyldBest(s, ['ar', 'fa', 'ur']) ?? 'ar';
    case 'cyrillic':
      return tinyldBest(s, ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk', 'mn', 'tt']) ?? 'ru';
    case 'devanagari':
      return refineDevanagari(s);
    default:
      return best[0];
  }
}
