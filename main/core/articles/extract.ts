/** Bytes and files → articles: size and type checks, decoding, then the HTML or plain-text extractor. */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KabarError } from '../errors';
import type { ExtractedArticle } from '../types';
import { decodeBytes } from './decode';
import { parseHtml } from './html';
import { parsePlainText } from './plaintext';
import { beginExtraction, extractShared } from './pool';
import { binaryFormat, kindFromHint, looksBinary, looksLikeHtml, utf16Pattern } from './sniff';

/** Largest input accepted by default: 20 MB (an article page is rarely above 2 MB). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Where the bytes came from, to help decide how to read them. */
export interface ExtractHint {
  fileName?: string;
  contentType?: string;
  url?: string;
  /** Size limit; defaults to DEFAULT_MAX_BYTES. */
  maxBytes?: number;
}

/** The TOO_LARGE error, with the limit in megabytes in the message. */
export function tooLarge(maxBytes: number, size?: number): KabarError {
  const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new KabarError(
    'TOO_LARGE',
    `This is larger than the ${mb(maxBytes)} limit${size ? ` (${mb(size)})` : ''}. Import the article page itself, or save just its text.`,
    size ? { maxBytes, size } : { maxBytes },
  );
}

function emptyInput(): KabarError {
  return new KabarError('EMPTY_INPUT', 'The file is empty. Choose a file that contains an article, or paste its text.');
}

// Pages saved from a browser keep their address in a canonical link, og:url or a "saved from url" comment;
// with it, relative links and images resolve to the original site instead of being dropped.
function savedPageUrl(html: string): string | undefined {
  const head = html.slice(0, 65536);
  const found =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head)?.[1] ??
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"']+)["']/i.exec(head)?.[1] ??
    /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?canonical\b/i.exec(head)?.[1] ??
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']/i.exec(head)?.[1];
  if (!found) return undefined;
  try {
    const url = new URL(found.replace(/&amp;/g, '&'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Sniffs text vs HTML, decodes and extracts. Throws EMPTY_INPUT, BINARY_INPUT, TOO_LARGE, UNSUPPORTED_TYPE or NO_ARTICLE. */
export function extractFromBytes(bytes: Uint8Array, hint: ExtractHint = {}): ExtractedArticle {
  const maxBytes = hint.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(maxBytes, bytes.length);
  const hinted = kindFromHint(hint);
  if (bytes.length === 0) throw emptyInput();
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const utf16 = hasBom ? undefined : utf16Pattern(bytes);
  if (!hasBom && !utf16 && looksBinary(bytes)) {
    const format = binaryFormat(bytes);
    throw new KabarError(
      'BINARY_INPUT',
      `This is not text${format ? `: it looks like ${format}` : ''}. Import a web page (.html) or a plain-text file (.txt).`,
    );
  }
  const contentType = utf16 ? `text/plain; charset=${utf16}` : hint.contentType;
  const { text } = decodeBytes(bytes, contentType);
  if (!/\S/u.test(text)) throw emptyInput();
  const kind = hinted ?? (looksLikeHtml(text) ? 'html' : 'text');
  if (kind === 'html') {
    const url = hint.url ?? savedPageUrl(text);
    return parseHtml(text, url);
  }
  const article = parsePlainText(text);
  if (hint.url) article.url = hint.url;
  return article;
}

/** Reads at most `limit + 1` bytes, so a file that grew after stat() is still caught as too large. */
async function readCapped(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(limit);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Imports a local file. The size is checked before anything is read; FILE_NOT_FOUND when it does not exist. */
export async function extractFromFile(path: string, opts: { maxBytes?: number } = {}): Promise<ExtractedArticle> {
  const end = beginExtraction();
  try {
    return await readAndExtract(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  } finally {
    end();
  }
}

async function readAndExtract(path: string, maxBytes: number): Promise<ExtractedArticle> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new KabarError('FILE_NOT_FOUND', `The file ${path} does not exist. Check the name and folder, then try again.`, { path });
    }
    throw new KabarError('IO', `The file ${path} cannot be read (${code ?? 'error'}). Check its permissions.`, { path });
  }
  if (info.isDirectory()) {
    throw new KabarError('INVALID_ARGUMENT', `${path} is a folder. Choose a file inside it.`, { path });
  }
  const fileName = basename(path);
  kindFromHint({ fileName });
  if (info.size > maxBytes) throw tooLarge(maxBytes, info.size);
  if (info.size === 0) throw emptyInput();
  const bytes = await readCapped(path, maxBytes);
  if (bytes.length > maxBytes) throw tooLarge(maxBytes, bytes.length);
  const hint = { fileName, maxBytes };
  return extractShared(bytes, hint, () => extractFromBytes(bytes, hint));
}
