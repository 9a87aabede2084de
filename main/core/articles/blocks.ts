/**
 * Sanitized article DOM → blocks. The walker never drops text it does not understand: unknown
 * elements are walked as inline content, so every visible word of the article ends up in a block.
 */
import type { Block, Inline } from '../types';
import { appendBreak, appendText, finishRuns, safeHref, type InlineStyle } from './inline';
import { imageBlock } from './images-dom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Content that is not text a reader reads (media players, form controls, scripts, vector art).
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'video', 'audio', 'source',
  'track', 'canvas', 'button', 'input', 'select', 'option', 'textarea', 'head', 'title', 'meta', 'link',
  'svg', 'map', 'area', 'dialog',
]);
// Elements that start a new block (walked as containers of the current block kind).
const CONTAINERS = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address',
  'center', 'details', 'summary', 'dl', 'dt', 'dd', 'fieldset', 'form', 'hgroup', 'legend', 'menu',
  'figure', 'li', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'output', 'search',
]);
const BLOCKY = new Set([...CONTAINERS, 'p', 'blockquote', 'figcaption', 'pre', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'picture']);

type Kind = { type: 'paragraph' | 'quote' | 'caption' } | { type: 'heading'; level: number };

interface Context {
  kind: Kind;
  style: InlineStyle;
  dir?: 'ltr' | 'rtl';
}

function dirOf(el: Element, inherited: 'ltr' | 'rtl' | undefined): 'ltr' | 'rtl' | undefined {
  const d = el.getAttribute('dir')?.toLowerCase();
  return d === 'rtl' || d === 'ltr' ? d : inherited;
}

/** Converts the children of `root` into blocks; `articleDir` is the article's direction (blocks note only differences). */
export function domToBlocks(root: Element, base: string | undefined, articleDir: 'ltr' | 'rtl'): Block[] {
  const blocks: Block[] = [];
  let runs: Inline[] = [];
  let runsCtx: Context | undefined;

  const push = (block: Block, ctx: Context): void => {
    if (ctx.dir && ctx.dir !== articleDir) block.dir = ctx.dir;
    blocks.push(block);
  };

  const flush = (): void => {
    const ctx = runsCtx;
    const { text, inline } = finishRuns(runs);
    runs = [];
    runsCtx = undefined;
    if (!ctx || !text) return;
    const block: Block = { type: ctx.kind.type, text };
    if (ctx.kind.type === 'heading') block.level = ctx.kind.level;
    if (inline) block.inline = inline;
    push(block, ctx);
  };

  const addText = (text: string, ctx: Context): void => {
    if (!runsCtx) {
      // Whitespace between blocks does not open a paragraph.
      if (!/\S/.test(text)) return;
      runsCtx = ctx;
    }
    appendText(runs, text, ctx.style);
  };

  const walkChildren = (el: Element, ctx: Context): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) addText(child.nodeValue ?? '', ctx);
      else if (child.nodeType === ELEMENT_NODE) walkElement(child as Element, ctx);
    }
  };

  const container = (el: Element, ctx: Context, kind: Kind = ctx.kind): void => {
    flush();
    walkChildren(el, { ...ctx, kind, dir: dirOf(el, ctx.dir) });
    flush();
  };

  const walkElement = (el: Element, ctx: Context): void => {
    const tag = el.localName;
    if (SKIP.has(tag)) return;
    const inQuote = ctx.kind.type === 'quote';
    switch (tag) {
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        // The title is level 1 and lives in metadata, so body headings start at 2.
        return container(el, ctx, inQuote ? ctx.kind : { type: 'heading', level: Math.max(2, Number(tag[1])) });
      case 'p':
        return container(el, ctx, ctx.kind.type === 'heading' ? { type: 'paragraph' } : ctx.kind);
      case 'blockquote':
        return container(el, ctx, { type: 'quote' });
      case 'figcaption':
        return container(el, ctx, { type: 'caption' });
      case 'pre': {
        flush();
        const text = (el.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '');
        if (text) push({ type: 'code', text }, ctx);
        return;
      }
      case 'ul': case 'ol':
        flush();
        return listBlock(el, tag === 'ol', ctx);
      case 'table':
        flush();
        return table(el, ctx);
      case 'img': {
        flush();
        const image = imageBlock(el, base);
        if (image) push(image, ctx);
        return;
      }
      case 'br':
        if (runsCtx) appendBreak(runs);
        return;
      case 'hr':
        return flush();
      case 'a':
        return walkChildren(el, { ...ctx, style: { ...ctx.style, href: safeHref(el.getAttribute('href'), base) } });
      case 'em': case 'i': case 'cite': case 'dfn': case 'var':
        return walkChildren(el, { ...ctx, style: { ...ctx.style, em: true } });
      case 'strong': case 'b':
        return walkChildren(el, { ...ctx, style: { ...ctx.style, strong: true } });
      case 'code': case 'kbd': case 'samp': case 'tt':
        return walkChildren(el, { ...ctx, style: { ...ctx.style, code: true } });
      default:
        if (CONTAINERS.has(tag)) return container(el, ctx);
        return walkChildren(el, ctx);
    }
  };

  // A list is one block; each item keeps its inline runs. Nested lists are flattened after their item.
  // Pages no one here wrote put text straight inside <ul>/<ol> with no <li> (`<ul> some words <i>more</i></ul>`):
  // such loose text and inline elements become an item of their own, so no visible word is dropped.
  const listBlock = (list: Element, ordered: boolean, ctx: Context): void => {
    const items: Inline[][] = [];
    const addItem = (itemRuns: Inline[]): void => {
      const { text, inline } = finishRuns(itemRuns);
      if (text) items.push(inline ?? [{ text }]);
    };
    const collectItems = (el: Element): void => {
      let loose: Inline[] = [];
      const endLoose = (): void => {
        addItem(loose);
        loose = [];
      };
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === TEXT_NODE) {
          appendText(loose, child.nodeValue ?? '', ctx.style);
          continue;
        }
        if (child.nodeType !== ELEMENT_NODE) continue;
        const c = child as Element;
        const tag = c.localName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          endLoose();
        } else if (tag === 'li') {
          endLoose();
          const nested: Element[] = [];
          const itemRuns: Inline[] = [];
          collectInline(c, ctx.style, base, itemRuns, nested);
          addItem(itemRuns);
          nested.forEach(collectItems);
        } else if (BLOCKY.has(tag) || c.querySelector('li')) {
          // A wrapper of items (<div><li>…) or a block of its own (<p> inside a list): its items stand alone.
          endLoose();
          collectItems(c);
        } else {
          const nested: Element[] = [];
          collectInline(c, styleOf(c, ctx.style, base), base, loose, nested);
          if (nested.length > 0) endLoose();
          nested.forEach(collectItems);
        }
      }
      endLoose();
    };
    collectItems(list);
    if (items.length === 0) return;
    const block: Block = { type: 'list', text: items.map((i) => i.map((r) => r.text).join('')).join('\n'), items };
    if (ordered) block.ordered = true;
    push(block, ctx);
  };

  // Data tables become one paragraph per row (cells separated by tabs); layout tables, whose
  // cells hold paragraphs or other blocks, are walked like any container.
  const table = (el: Element, ctx: Context): void => {
    const cells = Array.from(el.querySelectorAll('td, th'));
    const layout = cells.some((c) => c.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, h5, h6, blockquote, pre, img'));
    if (layout) return container(el, ctx);
    for (const row of Array.from(el.querySelectorAll('caption, tr'))) {
      if (row.localName === 'caption') {
        container(row, ctx, { type: 'caption' });
        continue;
      }
      const rowRuns: Inline[] = [];
      Array.from(row.children).forEach((cell, i) => {
        if (i > 0) appendText(rowRuns, '\t', {}, true);
        collectInline(cell, ctx.style, base, rowRuns, []);
      });
      const { text, inline } = finishRuns(rowRuns);
      if (!/\S/.test(text)) continue;
      const block: Block = { type: 'paragraph', text };
      if (inline) block.inline = inline;
      push(block, ctx);
    }
  };

  walkChildren(root, { kind: { type: 'paragraph' }, style: {} });
  flush();
  return blocks;
}

/** Collects the inline text of an element (block boundaries become spaces); nested lists are returned, not walked. */
function collectInline(el: Element, style: InlineStyle, base: string | undefined, runs: Inline[], nestedLists: Element[]): void {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      appendText(runs, child.nodeValue ?? '', style);
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const c = child as Element;
    const tag = c.localName;
    if (SKIP.has(tag) || tag === 'img' || tag === 'picture') continue;
    if (tag === 'ul' || tag === 'ol') {
      nestedLists.push(c);
      continue;
    }
    if (tag === 'br') {
      appendBreak(runs);
      continue;
    }
    if (BLOCKY.has(tag)) appendText(runs, ' ', style);
    collectInline(c, styleOf(c, style, base), base, runs, nestedLists);
    if (BLOCKY.has(tag)) appendText(runs, ' ', style);
  }
}

/** The inline style inside an element: links, emphasis, strong and code add to the style around it. */
function styleOf(el: Element, style: InlineStyle, base: string | undefined): InlineStyle {
  const tag = el.localName;
  if (tag === 'a') return { ...style, href: safeHref(el.getAttribute('href'), base) };
  if (tag === 'em' || tag === 'i' || tag === 'cite') return { ...style, em: true };
  if (tag === 'strong' || tag === 'b') return { ...style, strong: true };
  if (tag === 'code' || tag === 'kbd' || tag === 'samp') return { ...style, code: true };
  return style;
}
