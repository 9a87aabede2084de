/** Bytes → text: charset sniffing (BOM, HTTP header, in-document declaration, detector) and newline normalization. */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The decoded text (LF newlines, no BOM) and the charset that was used to decode it. */
export interface Decoded {
  text: string;
  charset: string;
}

// WHATWG Encoding maps these labels to windows-1252: real-world "latin1" pages use 0x80–0x9F
// for curly quotes and dashes, which ISO-8859-1 would turn into invisible C1 controls.
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'l1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'cp1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  // GB2312 and GBK pages routinely use GBK/GB18030-only characters; the superset decodes both.
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'csgb2312': 'gb18030',
  'shift-jis': 'shift_jis',
  'sjis': 'shift_jis',
  'x-sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'ks_c_5601-1987': 'euc-kr',
  'big5-hkscs': 'big5',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Normalizes a charset label to the name we decode with, or undefined when it is unknown. */
export function normalizeCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const clean = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!clean) return undefined;
  const name = LABEL_ALIASES[clean] ?? clean;
  if (name === 'utf-8' || name === 'utf-16le' || name === 'utf-16be') return name;
  // "utf-16" without a BOM in an ASCII-compatible document is a lie (WHATWG treats it as UTF-8).
  if (name === 'utf-16' || name === 'utf-32') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2] : undefined;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Finds `<meta charset>`, `<meta http-equiv="content-type" content="…charset=…">` or
 * `<?xml … encoding="…"?>` in the first bytes, read as latin1 so that any ASCII-compatible
 * encoding can be scanned before it is known (the HTML prescan idea, with a larger window
 * because many pages put scripts before their meta tags).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  const metaRe = /<meta\b[^>]*>/gi;
  for (let m = metaRe.exec(head); m; m = metaRe.exec(head)) {
    const attrs = metaAttributes(m[0]);
    if (attrs.charset) return attrs.charset;
    if ((attrs['http-equiv'] ?? '').toLowerCase() === 'content-type') {
      const cs = charsetFromContentType(`x;${attrs.content ?? ''}`);
      if (cs) return cs;
    }
  }
  return undefined;
}

// Detector names → names iconv-lite knows (after the WHATWG aliasing above).
function detectCharset(bytes: Uint8Array): string {
  const guess = chardet.detect(bytes.subarray(0, 65536));
  return normalizeCharset(guess) ?? 'windows-1252';
}

function metaAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const attrRe = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  for (let a = attrRe.exec(tag); a; a = attrRe.exec(tag)) {
    attrs[a[1].toLowerCase()] = (a[3] ?? a[4] ?? a[5] ?? '').trim();
  }
  return attrs;
}

/** True when the bytes contain anything beyond 7-bit ASCII. */
function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Turns CRLF and lone CR into LF and drops a leading BOM. */
export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, '\n');
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Chooses the charset: BOM, then the HTTP header, then the in-document declaration, then
 * UTF-8 when the bytes are valid UTF-8, else a statistical detector. A declared single-byte
 * or legacy CJK charset loses against bytes that are valid, non-ASCII UTF-8 (such pages, like
 * one that says gb2312 but is UTF-8, are mislabelled: real legacy text is almost never valid UTF-8).
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: normalizeNewlines(decodeWith(bytes.subarray(bom.length), bom.charset)), charset: bom.charset };
  const declared = normalizeCharset(charsetFromContentType(contentType)) ?? normalizeCharset(declaredCharset(bytes));
  const validUtf8 = isUtf8(bytes);
  let charset: string;
  if (declared && declared.startsWith('utf-16')) charset = declared;
  else if (declared && !(declared !== 'utf-8' && validUtf8 && hasHighBytes(bytes))) charset = declared;
  else if (validUtf8) charset = 'utf-8';
  else charset = detectCharset(bytes);
  return { text: normalizeNewlines(decodeWith(bytes, charset)), charset };
}
