/**
 * A guard against pathologically deep markup (thousands of nested elements). jsdom builds and
 * removes deep trees in time that grows with depth squared, and removes subtrees recursively
 * (a stack overflow for Readability or DOMPurify). Like Chromium's parser, which stops nesting
 * at 512, tags nested deeper than MAX_DEPTH are dropped from the text before parsing (their
 * text stays). Pages that never go that deep are returned untouched after one scan.
 */

/** Deepest element nesting kept as markup; real pages stay far below it. */
export const MAX_DEPTH = 128;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'isindex', 'basefont', 'bgsound', 'image']);
// Never nested by the parser (a second one is ignored or merged).
const ROOTS = new Set(['html', 'head', 'body']);
// Elements whose end tag is optional: a new one closes the open one nearby ("<li>a<li>b").
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp']);
// A list or table in between means the new element is nested, not a sibling.
const SCOPES = new Set(['ul', 'ol', 'dl', 'table', 'select', 'menu', 'ruby']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

interface Open {
  name: string;
  dropped: boolean;
}

/** Closes an optional-end element of the same name near the top of the stack, as the parser would. */
function closeSibling(stack: { name: string }[], name: string): void {
  for (let i = stack.length - 1; i >= Math.max(0, stack.length - 3); i--) {
    const open = (stack[i] as { name: string }).name;
    if (open === name) return void stack.splice(i);
    if (SCOPES.has(open)) return;
  }
}

/** Whether the page nests deeper than MAX_DEPTH (an estimate: it only decides whether to rewrite). */
function exceedsDepth(html: string): boolean {
  const stack: { name: string }[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const name = m[2]?.toLowerCase();
    if (!name || VOID.has(name) || ROOTS.has(name) || RAW_TEXT.has(name)) continue;
    if (m[1]) {
      const at = stack.map((o) => o.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at);
      continue;
    }
    if (OPTIONAL_END.has(name)) closeSibling(stack, name);
    stack.push({ name });
    if (stack.length > MAX_DEPTH) return true;
  }
  return false;
}

/** Returns `html` with tags nested deeper than MAX_DEPTH removed (text kept); untouched when none are. */
export function limitDepth(html: string): string {
  if (!exceedsDepth(html)) return html;
  const stack: Open[] = [];
  let foreign = 0;
  let rawUntil: string | undefined;
  return html.replace(TOKEN, (whole, slash: string | undefined, rawName: string | undefined, attrs: string | undefined) => {
    const name = rawName?.toLowerCase();
    if (!name) return whole; // a comment
    if (rawUntil) {
      if (slash && name === rawUntil) rawUntil = undefined;
      return whole;
    }
    if (VOID.has(name) || ROOTS.has(name)) return whole;
    if (slash) {
      const at = stack.map((o) => o.name).lastIndexOf(name);
      if (at < 0) return whole;
      const [closed] = stack.splice(at);
      if (name === 'svg' || name === 'math') foreign = Math.max(0, foreign - 1);
      return closed?.dropped ? '' : whole;
    }
    // In SVG and MathML "<x/>" closes itself; in HTML it opens an element like "<x>".
    if (foreign > 0 && attrs?.endsWith('/')) return whole;
    if (RAW_TEXT.has(name)) rawUntil = name;
    const dropped = stack.length >= MAX_DEPTH && !rawUntil;
    if (rawUntil) return whole;
    if (OPTIONAL_END.has(name)) closeSibling(stack, name);
    if (name === 'svg' || name === 'math') foreign++;
    stack.push({ name, dropped });
    return dropped ? '' : whole;
  });
}
