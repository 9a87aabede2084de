/**
 * Pages are parsed with linkedom (several times faster than jsdom on 200 KB pages; scripts never
 * run) for Readability to walk and for feed discovery. What is kept of a page is then sanitized by
 * fragment.ts. (jsdom with DOMPurify did that until issue 15; the tests keep it as the reference the
 * light sanitizer must equal: tests/unit/articles/dompurify-reference.ts.)
 */
// The core walks DOM trees (linkedom's, typed as the standard DOM) but runs in Node, whose types have no DOM.
/// <reference lib="dom" />
import { parseHTML } from 'linkedom';
import { limitDepth } from './depth';
import { lightenHtml } from './lighten';

/**
 * Parses a whole HTML page for reading (linkedom). `url` becomes the document's base (through a
 * `<base>` element, which Readability's link fixing reads); a page's own `<base href>` is resolved against it.
 */
export function parsePage(html: string, url?: string): Document {
  const { document } = parseHTML(limitDepth(lightenHtml(html)));
  return withBase(document as unknown as Document, url);
}

/** The absolute base URL of a document from `parsePage`, if it has one. */
export function documentBase(doc: Document): string | undefined {
  const href = Array.from(doc.getElementsByTagName('base')).find((b) => b.hasAttribute('href'))?.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href).href;
  } catch {
    return undefined;
  }
}

/** Gives a parsed document `url` as its base (a page's own `<base href>` is resolved against it). */
export function withBase(doc: Document, url: string | undefined): Document {
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
