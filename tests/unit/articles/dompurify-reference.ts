/**
 * The reference sanitizer the light one (main/core/articles/fragment.ts) must equal: DOMPurify in a
 * jsdom window, with the link and image rules the whole-page pipeline used until issue 15.
 */
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { limitDepth } from '../../../main/core/articles/depth';
import { withBase } from '../../../main/core/articles/dom';
import { resolveImageSrc } from '../../../main/core/articles/images-dom';
import { safeHref } from '../../../main/core/articles/inline';
import { lightenHtml } from '../../../main/core/articles/lighten';

interface Shared {
  parser: DOMParser;
  purify: DOMPurify;
}

let shared: Shared | undefined;

function create(): Shared {
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
 * Parses an HTML page into the shared jsdom window (where a full DOM is needed). `url` becomes
 * the document's base, as in `parsePage`.
 */
export function parseDocument(html: string, url?: string): Document {
  return withBase(get().parser.parseFromString(limitDepth(lightenHtml(html)), 'text/html'), url);
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
