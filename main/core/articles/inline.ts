/** Inline runs: collecting styled text from the DOM and turning it into a block's `text` and `inline`. */
import type { Inline } from '../types';

/** The formatting in force while walking inline content. */
export interface InlineStyle {
  href?: string;
  em?: boolean;
  strong?: boolean;
  code?: boolean;
}

/** Longest link kept: what the app's openExternal accepts (main/schemas.ts); longer ones are junk or an attack. */
export const MAX_LINK_LENGTH = 8192;

/** Only absolute http(s) and mailto links survive: anything else (javascript:, data:, relative, giant) is dropped. */
export function safeHref(raw: string | null, base: string | undefined): string | undefined {
  if (!raw || raw.length > MAX_LINK_LENGTH) return undefined;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    const ok = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
    return ok && url.href.length <= MAX_LINK_LENGTH ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Appends text with a style, collapsing HTML whitespace the way a browser renders it (but keeping no-break spaces). */
export function appendText(runs: Inline[], raw: string, style: InlineStyle, preserve = false): void {
  const text = preserve ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
  if (!text) return;
  const run: Inline = { text };
  if (style.href) run.href = style.href;
  if (style.em) run.em = true;
  if (style.strong) run.strong = true;
  if (style.code) run.code = true;
  runs.push(run);
}

/** Appends a hard line break (from `<br>`). */
export function appendBreak(runs: Inline[]): void {
  runs.push({ text: '\n' });
}

function sameStyle(a: Inline, b: Inline): boolean {
  return a.href === b.href && !!a.em === !!b.em && !!a.strong === !!b.strong && !!a.code === !!b.code;
}

function isPlain(run: Inline): boolean {
  return !run.href && !run.em && !run.strong && !run.code;
}

/**
 * Merges neighbouring runs of the same style, removes spaces at the edges and around line
 * breaks, and returns the plain text plus the runs (absent when all of it is plain text).
 */
export function finishRuns(runs: Inline[]): { text: string; inline?: Inline[] } {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  // Runs of spaces left where whitespace-only text nodes met (MathML, indented markup).
  for (const run of merged) run.text = run.text.replace(/ {2,}/g, ' ');
  // Whitespace between runs: one space where two meet, none next to a line break or at the edges.
  let prevEndsSpace = true;
  for (const run of merged) {
    let t = run.text.replace(/ *\n */g, '\n');
    if (prevEndsSpace) t = t.replace(/^ +/, '');
    if (t.length > 0) prevEndsSpace = t.endsWith(' ') || t.endsWith('\n');
    run.text = t;
  }
  for (let i = merged.length - 1; i >= 0; i--) {
    merged[i].text = merged[i].text.replace(/[ \n]+$/, '');
    if (merged[i].text) break;
  }
  // Leading line breaks (a <br> at the start of a paragraph) carry no meaning.
  for (const run of merged) {
    run.text = run.text.replace(/^\n+/, '');
    if (run.text) break;
  }
  const kept = merged.filter((r) => r.text.length > 0);
  const text = kept.map((r) => r.text).join('');
  if (kept.every(isPlain)) return { text };
  return { text, inline: kept };
}
