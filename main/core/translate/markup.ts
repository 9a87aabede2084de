/**
 * Inline runs ↔ a tiny HTML fragment, the form both engines translate in (Apertium `-f html`,
 * Bergamot `html: true`). Markup travels with the words it wraps, so links and emphasis survive
 * reordering. Only tags we wrote come back: `<a href="N">` (N indexes the run's href table), `<b>`,
 * `<i>`, `<br>` for a line break, and `<img data-k="N">` standing for an inline code run, which is
 * never translated.
 */
import type { Inline } from '../types';

/** A fragment to translate and what is needed to map the result back to runs. */
export interface Fragment {
  html: string;
  hrefs: string[];
  codes: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an HTML text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an engine may write back (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Renders runs (or plain text) as a fragment. */
export function toFragment(runs: Inline[]): Fragment {
  const hrefs: string[] = [];
  const codes: string[] = [];
  let html = '';
  for (const run of runs) {
    if (run.code) {
      codes.push(run.text);
      html += `<img data-k="${codes.length - 1}">`;
      continue;
    }
    let piece = escapeHtml(run.text).replace(/\n/g, '<br>');
    if (run.em) piece = `<i>${piece}</i>`;
    if (run.strong) piece = `<b>${piece}</b>`;
    if (run.href !== undefined) {
      hrefs.push(run.href);
      piece = `<a href="${hrefs.length - 1}">${piece}</a>`;
    }
    html += piece;
  }
  return { html, hrefs, codes };
}

/** A run of text carrying the marks of the tags open around it. */
function styledRun(text: string, open: { name: string; href?: string }[]): Inline {
  const run: Inline = { text };
  for (const tag of open) {
    if (tag.name === 'a' && tag.href !== undefined) run.href = tag.href;
    if (tag.name === 'i') run.em = true;
    if (tag.name === 'b') run.strong = true;
  }
  return run;
}

function sameMarks(a: Inline, b: Inline): boolean {
  return a.href === b.href && !!a.em === !!b.em && !!a.strong === !!b.strong && !a.code && !b.code;
}

/**
 * Maps a translated fragment back to runs. Tags we did not write are dropped (their text kept);
 * adjacent runs with the same marks are merged; whitespace is collapsed and the ends trimmed.
 */
export function fromFragment(html: string, fragment: Pick<Fragment, 'hrefs' | 'codes'>): Inline[] {
  const runs: Inline[] = [];
  const stack: { name: string; href?: string }[] = [];
  const push = (run: Inline): void => {
    if (run.text === '') return;
    const last = runs[runs.length - 1];
    if (last && sameMarks(last, run)) last.text += run.text;
    else runs.push(run);
  };
  const pattern = /<(\/?)([a-z][a-z0-9-]*)([^>]*)>|([^<]+)|</gi;
  for (const m of html.matchAll(pattern)) {
    if (m[4] !== undefined || m[0] === '<') {
      push(styledRun(decodeEntities(m[4] ?? '<').replace(/\s+/g, ' '), stack));
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const attrs = m[3] ?? '';
    if (name === 'br') {
      if (closing) continue;
      push(styledRun('\n', stack));
      continue;
    }
    if (name === 'img') {
      const k = /data-k="(\d+)"/.exec(attrs)?.[1];
      const code = k === undefined ? undefined : fragment.codes[Number(k)];
      if (code !== undefined) runs.push({ text: code, code: true });
      continue;
    }
    if (closing) {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at, 1);
      continue;
    }
    if (name === 'a') {
      const k = /href="(\d+)"/.exec(attrs)?.[1];
      stack.push({ name, href: k === undefined ? undefined : fragment.hrefs[Number(k)] });
    } else if (name === 'b' || name === 'i') {
      stack.push({ name });
    }
  }
  return trimRuns(runs);
}

/** Collapses doubled spaces across run boundaries and trims both ends. */
function trimRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    let text = run.text;
    if (!run.code) text = text.replace(/ *\n */g, '\n');
    if (!run.code && (prev === undefined || (!prev.code && /[ \n]$/.test(prev.text)))) text = text.replace(/^ +/, '');
    if (text === '') continue;
    out.push({ ...run, text });
  }
  const last = out[out.length - 1];
  if (last && !last.code) {
    last.text = last.text.replace(/ +$/, '');
    if (last.text === '') out.pop();
  }
  return out;
}

/** Plain text of runs. */
export function runsText(runs: Inline[]): string {
  return runs.map((r) => r.text).join('');
}
