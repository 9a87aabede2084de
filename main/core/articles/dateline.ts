/** News-wire conventions at the start of a story: datelines ("PLACE (OUTLET) –") and credit phrases ("Dikutip dari X"). */

/** What the opening of a story says about where it was filed, by whom, and whose reporting it repeats. */
export interface Dateline {
  place?: string;
  outlet?: string;
  credit?: string;
}

// A name as outlets write it: capitalised or dotted words ("SINDOnews", "Kompas.com", "The Jakarta Post").
const NAME = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*|of|de|del|la))*`;
const DASH = String.raw`(?:--|[–—-])`;

// "Semarang (usmnews) – …", "دمشق، سوريا (CNN) -- …", "SEOUL, Aug. 20 (Yonhap) -- …", "(CNN) -- …"
const PAREN_DATELINE = new RegExp(String.raw`^(?:([^()\n!?。]{1,60}?)\s*)?\(([^()\n]{1,40})\)\s*${DASH}\s*`, 'u');
// "JAKARTA, KOMPAS.com - …": an upper-case place and a dotted outlet without parentheses.
const DOTTED_DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{Lu}\p{M} .'-]{1,40}),\s*([\p{L}\p{N}-]+\.(?:com|co\.id|id|net|org|my|com\.my|co\.uk))\s*${DASH}\s*`,
  'u',
);

// Phrases that credit another outlet, by language. They must open the body (right after the
// dateline or at the start of the first paragraph): deeper in a story "according to X" usually
// names a person, not a source.
const CREDIT_PHRASES = [
  // Indonesian and Malay
  String.raw`(?:seperti\s+|sebagaimana\s+)?(?:dikutip|dilansir|dipetik|disadur|dilaporkan)\s+(?:dari|oleh)\s+`,
  String.raw`(?:dilansir|melansir|mengutip|memetik|menurut(?:\s+laporan)?)\s+`,
  // English
  String.raw`(?:as\s+)?(?:quoted|reported|cited)\s+(?:from|by|in)\s+`,
  String.raw`(?:according\s+to|via|citing)\s+`,
  // French, Spanish, German: the same idea, common in wire rewrites
  String.raw`(?:selon|d['’]après|según|de\s+acuerdo\s+con|laut|nach\s+Angaben\s+(?:von|der|des))\s+`,
];
// Phrases match in any case; the name after them must be capitalised, so the two are separate
// expressions (with the i flag, \p{Lu} would match lower case too).
const CREDIT_AT_START = new RegExp(String.raw`^(?:${CREDIT_PHRASES.join('|')})`, 'iu');
const NAME_AT_START = new RegExp(String.raw`^${NAME}`, 'u');
// A closing or standalone source line: "Sumber: Antara", "Source: Reuters".
const SOURCE_LINE = /^(?:sumber|source|fuente|quelle)\s*:\s*/iu;
const NAME_LINE = new RegExp(String.raw`^(${NAME})\s*\.?$`, 'u');

// Trailing date in a place ("SEOUL, Aug. 20"): the place is what comes before it.
const DATE_TAIL = /,\s*(?:[\p{L}.]+\s+\d{1,2}|\d{1,2}\s+[\p{L}.]+|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\s*$/u;

function cleanName(name: string): string {
  // The NAME pattern may swallow a following capitalised sentence start ("SINDOnews, Di …" is cut at
  // the comma already); trim trailing punctuation only.
  return name.replace(/[.,;:'’-]+$/u, '').trim();
}

/** Parses the dateline and the credit phrase at the start of a paragraph; empty when there is none. */
export function parseDateline(paragraph: string): Dateline {
  const result: Dateline = {};
  let rest = paragraph;
  const paren = PAREN_DATELINE.exec(paragraph);
  const dotted = paren ? null : DOTTED_DATELINE.exec(paragraph);
  if (paren) {
    const place = paren[1]?.trim().replace(DATE_TAIL, '').replace(/[,،]\s*$/u, '').trim();
    if (place) result.place = place;
    result.outlet = paren[2].trim();
    rest = paragraph.slice(paren[0].length);
  } else if (dotted) {
    result.place = dotted[1].trim();
    result.outlet = dotted[2].trim();
    rest = paragraph.slice(dotted[0].length);
  }
  const phrase = CREDIT_AT_START.exec(rest);
  const name = phrase ? NAME_AT_START.exec(rest.slice(phrase[0].length)) : null;
  if (name) result.credit = cleanName(name[0]);
  return result;
}

/** The outlet named by a "Source: X" line, if the line is one. */
export function parseSourceLine(line: string): string | undefined {
  const trimmed = line.trim();
  const label = SOURCE_LINE.exec(trimmed);
  const name = label ? NAME_LINE.exec(trimmed.slice(label[0].length)) : null;
  return name ? cleanName(name[1]) : undefined;
}
