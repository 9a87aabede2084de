/**
 * Two DOMs, each where it is best. A whole page is parsed with linkedom (several times faster
 * than jsdom on 200 KB pages; scripts never run) for Readability to walk. The article it finds —
 * a small part of the page — is then re-parsed into one shared, lightweight jsdom window and
 * sanitized there with DOMPurify (which needs a full DOM: over linkedom it sanitizes nothing).
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { limitDepth } from './depth';
import { safeHref } from './inline';
import { resolveImageSrc } from './images-dom';
import { lightenHtml } from './lighten';

interface Shared {
  parser: DOMParser;
  purify: DOMPurify;
}

let shared: Shared | undefined;

// jsdom is loaded on first use: it takes ~0.9 s and ~50 MB to load, and most work never needs it
// (feed items and other apps' exports are sanitized without it, see fragment.ts; `kabar list` neither).
const requireHere = createRequire(import.meta.url);

function create(): Shared {
  const { JSDOM } = requireHere('jsdom') as typeof import('jsdom');
  const { window } = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>');
  // jsdom's selector engine, created per document on its first querySelector or URL resolution
  // (baseURI), adds focus/keyboard/mouse listeners to the window and never removes them: on this
  // shared window they kept every parsed page alive (~2 MB a page, and ever longer GC pauses).
  // This window is never shown and dispatches no events, so nothing needs them.
  window.addEventListener = (() => undefined) as typeof window.addEventListener;
  const purify = createDOMPurify(window as unknown as WindowLike);
  // Links and images keep only sources a reader can follow offline-safely: absolute http(s)
  // and mailto links, http(s) or data:image sources. Relative ones were already made absolute
  // by Readability against the page URL; any left over cannot be resolved and are dropped.
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.localName === 'a' && el.hasAttribute('href')) {
      const href = safeHref(el.getAttribute('href'), el.ownerDocument.baseURI);
      if (href) el.setAttribute('href', href);
      else el.removeAttribute('href');
    } else if (el.localName === 'img' && el.hasAttribute('src')) {
      const src = resolveImageSrc(el.getAttribute('src'), el.ownerDocument.baseURI);
      if (src) el.setAttribute('src', src);
      else el.removeAttribute('src');
    }
  });
  return { parser: new window.DOMParser(), purify };
}

function get(): Shared {
  shared ??= create();
  return shared;
}

/**
 * Parses a whole HTML page for reading (linkedom). `url` becomes the document's base (through a
 * `<base>` element, which Readability's link fixing reads); a page's own `<base href>` is resolved against it.
 */
export function parsePage(html: string, url?: string): Document {
  const { document } = parseHTML(limitDepth(lightenHtml(html)));
  return withBase(document as unknown as Document, url);
}

/**
 * Re-parses an element (Readability's article, from `parsePage`) into the shared jsdom window,
 * under the same base, so DOMPurify can sanitize it; returns the copy.
 */
export function adoptForSanitizing(content: Element, base: string | undefined): Element {
  const doc = get().parser.parseFromString(`<!DOCTYPE html><html><head></head><body>${content.outerHTML}</body></html>`, 'text/html');
  if (base) {
    const el = doc.createElement('base');
    el.setAttribute('href', base);
    doc.head.prepend(el);
  }
  const copy = doc.body.firstElementChild;
  if (!copy) throw new Error('the article did not survive re-parsing');
  return copy;
}

/** The absolute base URL of a document from `parsePage` or `parseDocument`, if it has one. */
export function documentBase(doc: Document): string | undefined {
  const href = Array.from(doc.getElementsByTagName('base')).find((b) => b.hasAttribute('href'))?.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href).href;
  } catch {
    return undefined;
  }
}

/**
 * Parses an HTML page into the shared jsdom window (where a full DOM is needed). `url` becomes
 * the document's base, as in `parsePage`.
 */
export function parseDocument(html: string, url?: string): Document {
  return withBase(get().parser.parseFromString(limitDepth(lightenHtml(html)), 'text/html'), url);
}

function withBase(doc: Document, url: string | undefined): Document {
  if (!url) return doc;
  // getElementsByTagName, not querySelector: jsdom's selector engine scans the whole page slowly.
  const existing = Array.from(doc.getElementsByTagName('base')).find((b) => b.hasAttribute('href'));
  try {
    const resolved = new URL(existing?.getAttribute('href') ?? url, url).href;
    if (existing) existing.setAttribute('href', resolved);
    else {
      const base = doc.createElement('base');
      base.setAttribute('href', resolved);
      (doc.head ?? doc.documentElement).prepend(base);
    }
  } catch {
    // An unparsable base: leave the document without one (relative links will be dropped).
  }
  return doc;
}

/** Sanitizes an element of a document from `parseDocument` in place (DOMPurify defaults plus the link/image rules above). */
export function sanitizeInPlace(el: Element): Element {
  get().purify.sanitize(el, { IN_PLACE: true, ALLOW_DATA_ATTR: false, FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'] });
  return el;
}

/**
 * Lets a page from `parseDocument` be garbage-collected once it has been read: jsdom lists every
 * element with an id (or a name) in the shared window's named-property table until the element
 * leaves its document, so a page merely dropped stayed in memory for good (~2 MB each).
 */
export function releaseDocument(doc: Document): void {
  doc.documentElement?.remove();
}
