/** What kind of input this is: HTML, plain text, a known unsupported type, or binary data. */
import { KabarError } from '../errors';

/** The two kinds of input the importer understands. */
export type InputKind = 'html' | 'text';

const HTML_EXT = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'shtm']);
const TEXT_EXT = new Set(['txt', 'text', 'md', 'markdown']);
// Types people will try to import that are not articles Kabar can read; named for the message.
const UNSUPPORTED_EXT: Record<string, string> = {
  pdf: 'PDF document', doc: 'Word document', docx: 'Word document', odt: 'OpenDocument text', rtf: 'RTF document',
  epub: 'e-book', mobi: 'e-book', pages: 'Pages document', xls: 'spreadsheet', xlsx: 'spreadsheet', ods: 'spreadsheet',
  csv: 'spreadsheet', ppt: 'presentation', pptx: 'presentation', odp: 'presentation', png: 'image', jpg: 'image',
  jpeg: 'image', gif: 'image', webp: 'image', bmp: 'image', tif: 'image', tiff: 'image', svg: 'image', ico: 'image',
  heic: 'image', avif: 'image', mp3: 'audio file', wav: 'audio file', ogg: 'audio file', m4a: 'audio file',
  mp4: 'video', mov: 'video', webm: 'video', mkv: 'video', avi: 'video', zip: 'archive', gz: 'archive', tgz: 'archive',
  rar: 'archive', '7z': 'archive', tar: 'archive', exe: 'program', dmg: 'disk image', iso: 'disk image',
  mht: 'web archive', mhtml: 'web archive', webarchive: 'web archive', json: 'JSON file', xml: 'XML file',
};

function unsupported(what: string, type: string): KabarError {
  return new KabarError(
    'UNSUPPORTED_TYPE',
    `This is a ${what} (${type}), which Kabar cannot import. Import a web page (.html) or plain text (.txt) instead.`,
    { type },
  );
}

/** The media type of a Content-Type header value, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  const t = contentType?.split(';')[0].trim().toLowerCase();
  return t || undefined;
}

/**
 * What the file name or Content-Type says about the input: 'html', 'text', undefined (sniff
 * the bytes), or an UNSUPPORTED_TYPE error for types that are clearly not articles.
 */
export function kindFromHint(hint: { fileName?: string; contentType?: string }): InputKind | undefined {
  const type = mediaType(hint.contentType);
  if (type && type !== 'application/octet-stream') {
    if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
    if (type === 'text/xml' || type === 'application/xml') return undefined;
    if (type.startsWith('text/') && !/^text\/(css|javascript|csv|calendar|vcard)$/.test(type)) return 'text';
    throw unsupported(type.split('/')[0] === 'image' ? 'image' : 'file type Kabar does not read', type);
  }
  const ext = /\.([a-z0-9]+)$/i.exec(hint.fileName ?? '')?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (HTML_EXT.has(ext)) return 'html';
  if (TEXT_EXT.has(ext)) return 'text';
  if (ext in UNSUPPORTED_EXT) throw unsupported(UNSUPPORTED_EXT[ext], `.${ext}`);
  return undefined;
}

// Signatures of common binary formats, to name them in the error message.
const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/OpenDocument file)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0x4d, 0x5a], 'a Windows program'],
];

/** A description of the binary format the bytes start with, if it is a well-known one. */
export function binaryFormat(bytes: Uint8Array): string | undefined {
  for (const [sig, name] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF') return 'a media file';
  return undefined;
}

/** 'utf-16le' / 'utf-16be' when BOM-less bytes look like UTF-16 (a zero in every other byte of mostly-ASCII text). */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** True when the bytes are not text: NUL bytes, or many control characters, in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > n * 0.05;
}

/** True when decoded text is an HTML document (or fragment) rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart();
  if (/^<(!doctype\s+html|html|head|body|meta|title)\b/i.test(head)) return true;
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)\b/i.test(head)) return true;
  if (/^<!--[\s\S]*?-->\s*<(!doctype\s+html|html|head)\b/i.test(head)) return true;
  // A fragment: starts with a block tag and closes it somewhere.
  return /^<(article|main|div|section|p|h[1-6])\b[^>]*>/i.test(head) && /<\/(article|main|div|section|p|h[1-6])>/i.test(text);
}
