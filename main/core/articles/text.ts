/** Small text helpers shared by the plain-text and HTML extractors. */

/** Bidi embedding, override and isolate controls: in a title they can reverse the text around it ("invoice‮fdp.exe"). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;

/** A one-line label from untrusted text (titles, bylines, site names): whitespace collapsed, bidi controls removed. */
export function displayLine(text: string): string {
  return collapseWhitespace(text.replace(BIDI_CONTROLS, ''));
}

/** Collapses every run of whitespace (including newlines) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

// Sentence-final marks across scripts: Latin, CJK full stops, Devanagari danda, Arabic, Urdu,
// Armenian, Ethiopic, Myanmar, Thai-style ellipsis; optionally followed by closing quotes/brackets.
const TERMINAL = /[.!?…。！？।॥؟۔։።၊။:;,،؛]['"’”»)\]）」』】]*$/u;

/** True when a line ends the way a sentence (not a title or heading) ends. */
export function endsLikeSentence(line: string): boolean {
  return TERMINAL.test(line.trim());
}

/** Word count that also works for scripts without spaces (each CJK/Thai character counts as a word). */
export function countWords(text: string): number {
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu) ?? []).length;
  const spaced = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu, ' ');
  return cjk + spaced.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Cuts `text` to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Scripts without spaces (CJK, Thai) have no word boundary to respect.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** The first sentence of a paragraph (up to the first sentence-final mark), for titles of untitled texts. */
export function firstSentence(text: string): string {
  const clean = collapseWhitespace(text);
  // A full stop ends a sentence only before a capital, a digit, a quote or the end: this skips
  // abbreviations in scripts without case ("12.00 น. ผู้…") and mid-sentence ones ("Aug. 20" aside).
  const m = /^.{10,}?(?:[.!?](?=\s+[\p{Lu}\p{N}"'“‘([]|\s*$)|[。！？।؟])/u.exec(clean);
  return m ? m[0] : clean;
}

/** An excerpt for lists and previews: the first paragraph, whitespace-collapsed, about 300 characters. */
export function makeExcerpt(text: string): string {
  return truncate(text.replace(BIDI_CONTROLS, ''), 300);
}
