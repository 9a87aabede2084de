/**
 * Readability.js over a linkedom page (dom.ts parsePage). A few internal helpers are replaced
 * by equivalents (same answers) that avoid slow paths: building a CSSStyleDeclaration per
 * element, and concatenating an element's whole text (textContent) for checks that need far less. If a future Readability renames them, the
 * overrides are skipped and results stay correct.
 */
import { Readability } from '@mozilla/readability';
import { STYLE_ATTR } from './lighten';

/** What Readability found: its article element (kept as a node, never serialized) and metadata. */
export interface ReadabilityResult {
  content: Element;
  title: string;
  byline?: string;
  dir?: string;
  lang?: string;
  excerpt?: string;
  siteName?: string;
  publishedTime?: string;
  textLength: number;
}

interface Internals {
  _isProbablyVisible?: (node: Element) => boolean;
  _isValidByline?: (node: Element, matchString: string) => boolean;
  _isElementWithoutContent?: (node: Element) => boolean;
  REGEXPS?: { byline?: RegExp };
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

// Same rules as Readability's own check, reading the (renamed, see lighten.ts) style
// attribute text instead of node.style.
function isProbablyVisible(node: Element): boolean {
  const style = node.getAttribute(STYLE_ATTR) ?? node.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return false;
  if (node.hasAttribute('hidden')) return false;
  if (node.getAttribute('aria-hidden') === 'true') {
    const cls = node.getAttribute('class') ?? '';
    return cls.includes('fallback-image');
  }
  return true;
}

// Readability's byline check reads the node's whole textContent before its cheap tests (rel,
// itemprop, class/id match); run on every element of the page, that is the html and body text
// again and again. Same answer, with the text read only for real candidates.
function bylineCheck(byline: RegExp): (node: Element, matchString: string) => boolean {
  return (node, matchString) => {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || (itemprop && itemprop.includes('author')) || byline.test(matchString))) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  };
}

const NON_WHITESPACE = /\S/; // \s is exactly the set String.prototype.trim removes

// True when some text below `node` is not whitespace, i.e. textContent.trim() is not empty;
// stops at the first such text instead of joining the whole subtree's text.
function hasText(node: Element): boolean {
  const walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (NON_WHITESPACE.test((t as Text).data)) return true;
  return false;
}

// Readability's own rule: an element with no text and no children but <br>/<hr> (counted, as
// upstream does, over all descendants).
function isElementWithoutContent(node: Element): boolean {
  if (node.nodeType !== 1 || hasText(node)) return false;
  const children = node.childElementCount;
  return children === 0 || children === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
}

function text(value: string | null | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

// Backport of upstream Readability PR #958 (after 0.6.0): MathJax 3 wraps formulas in
// <mjx-container class="MathJax CtxtMenu_Attached_0">, whose "Menu" made 0.6.0 drop every
// formula as an "unlikely candidate". Without the class the container is kept, as upstream does.
function keepMathJax(doc: Document): void {
  for (const el of Array.from(doc.getElementsByTagName('mjx-container'))) el.removeAttribute('class');
}

/**
 * Runs Readability on `doc` (which it modifies); null when it finds no article at all.
 * `mathJax: false` says the page has no <mjx-container> (saves a walk over the whole page).
 */
export function runReadability(doc: Document, hints: { mathJax?: boolean } = {}): ReadabilityResult | null {
  if (hints.mathJax !== false) keepMathJax(doc);
  const reader = new Readability<Element>(doc, { serializer: (node) => node as Element });
  const internals = reader as unknown as Internals;
  if (typeof internals._isProbablyVisible === 'function') internals._isProbablyVisible = isProbablyVisible;
  const byline = internals.REGEXPS?.byline;
  if (typeof internals._isValidByline === 'function' && byline instanceof RegExp) internals._isValidByline = bylineCheck(byline);
  if (typeof internals._isElementWithoutContent === 'function') internals._isElementWithoutContent = isElementWithoutContent;
  const result = reader.parse();
  if (!result?.content) return null;
  return {
    content: result.content,
    title: text(result.title) ?? '',
    byline: text(result.byline),
    dir: text(result.dir),
    lang: text(result.lang),
    excerpt: text(result.excerpt),
    siteName: text(result.siteName),
    publishedTime: text(result.publishedTime),
    textLength: result.length ?? 0,
  };
}
