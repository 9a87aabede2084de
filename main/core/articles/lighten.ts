/**
 * Cheap text rewrites before jsdom parses a page, to spare it work whose result Readability
 * throws away. Each rewrite keeps the document's element structure identical:
 * - script bodies are emptied (Readability removes scripts) except JSON-LD, which Readability
 *   reads for metadata, and scripts containing "<!--", where HTML's escaped-script parsing
 *   differs from "up to the first </script>";
 * - style sheet bodies are emptied (jsdom would build a CSSOM for each; nothing reads it);
 * - style attributes are renamed to data-kabar-style: jsdom parses every style attribute into
 *   a CSSStyleDeclaration while building the tree, and the only reader is the visibility check,
 *   which reads the renamed attribute's text instead (see readability.ts).
 */

/** The attribute that holds a page's original inline style after `lightenHtml`. */
export const STYLE_ATTR = 'data-kabar-style';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_ELEMENT = /<style\b([^>]*)>[\s\S]*?<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /(<[a-zA-Z][^\s<>/]*\s(?:[^<>]*?\s)?)style(\s*=)/g;

/** Returns the page with script and style bodies emptied and style attributes renamed. */
export function lightenHtml(html: string): string {
  return html
    .replace(SCRIPT, (whole, attrs: string, body: string) =>
      /ld\+json/i.test(attrs) || body.includes('<!--') ? whole : `<script${attrs}></script>`,
    )
    .replace(STYLE_ELEMENT, '<style$1></style>')
    .replace(STYLE_ATTRIBUTE, `$1${STYLE_ATTR}$2`);
}
