/**
 * Bulk HTML (feed items, other apps' saved content) → a sanitized element, without a jsdom window.
 *
 * A page that Readability reads is sanitized with DOMPurify in jsdom (dom.ts). That costs ~2–4 ms
 * of CPU per feed item, most of it jsdom building its DOM, which capped a 5,000-story refresh
 * (issue 15). Here the same result comes from three lighter, well-kept pieces:
 *  1. parse5 (the spec HTML parser jsdom itself uses) parses and re-serializes the fragment, so
 *     every implied end tag, misnested tag and raw-text element is resolved exactly as a browser
 *     would — the output is well formed;
 *  2. sanitize-html removes, by allowlist, every element and attribute the reader does not show
 *     (dropping the *content* of scripts, styles, frames, media, forms' controls, svg…);
 *  3. linkedom parses that well-formed, already-safe HTML into a DOM for the block walker.
 * tests/unit/articles/fragment.test.ts checks that the blocks equal the DOMPurify path's on every
 * item of the feed corpus and on the hostile payloads; the hostile suite runs over this path.
 */
import { parseHTML } from 'linkedom';
import { parseFragment, serialize } from 'parse5';
import sanitizeHtml from 'sanitize-html';
import { limitDepth } from './depth';

/** Elements removed with everything inside them: not text a reader reads (as the DOMPurify path and the block walker drop them). */
const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'iframe', 'noembed', 'noframes', 'plaintext', 'xmp', 'title', 'head',
  'video', 'audio', 'svg', 'canvas', 'select', 'option', 'input', 'map', 'area', 'dialog', 'source', 'track', 'embed',
];

/** Elements kept (the block walker knows them); any other element is unwrapped and its text kept. */
const ALLOWED_TAGS = [
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details', 'summary',
  'dl', 'dt', 'dd', 'fieldset', 'hgroup', 'legend', 'menu', 'figure', 'li', 'caption', 'tr', 'td', 'th', 'tbody',
  'thead', 'tfoot', 'output', 'search', 'p', 'blockquote', 'figcaption', 'pre', 'ul', 'ol', 'table', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'img', 'picture', 'br', 'a', 'em', 'i', 'cite', 'dfn', 'var', 'strong', 'b', 'code', 'kbd',
  'samp', 'tt', 'span', 'u', 's', 'strike', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'q', 'time', 'bdi',
  'bdo', 'ruby', 'rt', 'rp', 'wbr', 'font', 'big', 'colgroup', 'col', 'data', 'label', 'acronym',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  // nonTextTags drops only their own text; this drops their child elements too (<svg><a>…</a></svg>).
  exclusiveFilter: (frame) => DROP_WITH_CONTENT.includes(frame.tag),
  // What the block walker reads; no data-* (as DOMPurify's ALLOW_DATA_ATTR: false), no handlers, no style.
  allowedAttributes: { '*': ['dir'], a: ['href'], img: ['src', 'srcset', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: true,
};

/** A fragment of untrusted HTML, sanitized, as the `<body>` of a light document (for domToBlocks). */
export function sanitizeFragment(html: string): Element {
  const normalized = serialize(parseFragment(limitDepth(html)));
  const clean = sanitizeHtml(normalized, OPTIONS);
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${clean}</body></html>`);
  return document.body as unknown as Element;
}
