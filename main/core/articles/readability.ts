/**
 * Readability.js, tuned for jsdom. Two internal helpers are replaced by equivalents that avoid
 * jsdom's slowest paths (building a CSSStyleDeclaration per element; running the CSS selector
 * engine for plain tag lists); together they roughly halve extraction time on the corpus.
 * If a future Readability renames them, the overrides are skipped and results stay correct.
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
  _getAllNodesWithTag?: (node: Element | Document, tagNames: string[]) => ArrayLike<Element>;
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

// Document-order list of descendants with one of the tag names (what querySelectorAll returns, as a static list).
function allNodesWithTag(node: Element | Document, tagNames: string[]): Element[] {
  if (tagNames.length === 1) return Array.from(node.getElementsByTagName(tagNames[0]));
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const found: Element[] = [];
  const walk = (parent: Element | Document): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (wanted.has(child.localName)) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
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

/** Runs Readability on `doc` (which it modifies); null when it finds no article at all. */
export function runReadability(doc: Document): ReadabilityResult | null {
  keepMathJax(doc);
  const reader = new Readability<Element>(doc, { serializer: (node) => node as Element });
  const internals = reader as unknown as Internals;
  if (typeof internals._isProbablyVisible === 'function') internals._isProbablyVisible = isProbablyVisible;
  if (typeof internals._getAllNodesWithTag === 'function') internals._getAllNodesWithTag = allNodesWithTag;
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
