/**
 * Offline copies of article images: each image block with an http(s) or data: source is
 * downloaded once and stored as `<mediaDir>/<sha256>.<ext>`, so identical images are stored
 * once. One bad image never fails the import: its block simply keeps `src` without `media`, and
 * one that may still come (offline, slow) is marked `pending` for a later fetch.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../errors';
import type { Block } from '../types';
import { mapLimit, sha256Bytes, writeFileAtomic } from '../util';
import { fetchBytes } from './fetch';

/** Options for captureImages. */
export interface CaptureOptions {
  mediaDir: string;
  fetch?: typeof fetch;
  /** Per image. Default 5 MB. */
  maxImageBytes?: number;
  /** Images captured per article at most. Default 40. */
  maxCount?: number;
  /** Per image. Default 20 000 ms. */
  timeoutMs?: number;
  /** All images of the article together. Default IMAGE_BUDGET_MS (2 s). */
  budgetMs?: number;
  /** Stops the capture early (what is not saved yet stays pending). */
  signal?: AbortSignal;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/pjpeg': 'jpg', 'image/gif': 'gif',
  'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg', 'image/bmp': 'bmp', 'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico', 'image/tiff': 'tiff', 'image/apng': 'png',
};

/** The file extension for an image media type, or undefined when it is not an image type we store. */
export function imageExtension(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  return EXTENSIONS[type];
}

interface ImageData {
  bytes: Uint8Array;
  ext: string;
}

function unsupportedImage(type: string | undefined): KabarError {
  return new KabarError('UNSUPPORTED_TYPE', `Not an image (${type ?? 'no type'}).`, { type: type ?? '' });
}

// data:image/png;base64,.... (or percent-encoded, for SVG)
function decodeDataUrl(src: string, maxBytes: number): ImageData {
  const m = /^data:([^;,]+)((?:;[^;,]*)*?)(;base64)?,(.*)$/is.exec(src);
  const ext = m ? imageExtension(m[1]) : undefined;
  if (!m || !ext) throw unsupportedImage(m?.[1]);
  const bytes = m[3] ? Buffer.from(m[4], 'base64') : Buffer.from(decodeURIComponent(m[4]), 'utf8');
  if (bytes.length === 0) throw unsupportedImage(m[1]);
  if (bytes.length > maxBytes) throw new KabarError('TOO_LARGE', 'Image too large.', { maxBytes });
  return { bytes, ext };
}

async function download(src: string, opts: CaptureOptions): Promise<ImageData> {
  if (/^data:/i.test(src)) return decodeDataUrl(src, opts.maxImageBytes ?? 5 * 1024 * 1024);
  let ext: string | undefined;
  const fetched = await fetchBytes(src, {
    fetch: opts.fetch,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? 20_000,
    maxBytes: opts.maxImageBytes ?? 5 * 1024 * 1024,
    headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml,image/*;q=0.8' },
    accept: (type) => {
      ext = imageExtension(type);
      if (!ext) throw unsupportedImage(type);
    },
    tooLarge: (maxBytes) => new KabarError('TOO_LARGE', 'Image too large.', { maxBytes }),
  });
  // A server that labels an HTML error page as an image is not giving us an image.
  const head = Buffer.from(fetched.bytes.subarray(0, 64)).toString('latin1').trimStart().toLowerCase();
  if (!ext || fetched.bytes.length === 0 || (ext !== 'svg' && (head.startsWith('<!doctype') || head.startsWith('<html')))) {
    throw unsupportedImage(fetched.contentType);
  }
  return { bytes: fetched.bytes, ext };
}

/** Writes `bytes` as `<dir>/<sha256>.<ext>` atomically and durably (a captured image is the only copy offline); returns the name. */
export async function storeMedia(dir: string, bytes: Uint8Array, ext: string): Promise<string> {
  const name = `${sha256Bytes(bytes)}.${ext}`;
  const target = join(dir, name);
  const exists = await stat(target).then(
    (s) => s.size === bytes.length,
    () => false,
  );
  if (exists) return name;
  await writeFileAtomic(target, bytes);
  return name;
}

/** Total wait for one article's images by default: an offline machine whose host lookups hang must not hold an import. */
export const IMAGE_BUDGET_MS = 2000;

/** Whether a failed download may work later (no network, too slow, a server error), so the image stays "not saved yet". */
function mayWorkLater(error: unknown): boolean {
  if (!(error instanceof KabarError)) return true;
  if (error.code === 'TIMEOUT' || error.code === 'NETWORK') return true;
  const status = Number(error.params.status);
  return error.code === 'HTTP_ERROR' && (status === 429 || status >= 500);
}

/** Resolves when `signal` aborts (never rejects). */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Downloads the images of `blocks` into `mediaDir` and returns new blocks with `media` set on
 * the ones captured. Up to 4 downloads run at once; the same source is fetched once. The whole
 * capture ends after `budgetMs` (default IMAGE_BUDGET_MS): images still downloading then, or
 * that failed for a reason that may pass (offline, timeout, 5xx), come back `pending: true`.
 */
export async function captureImages(blocks: Block[], opts: CaptureOptions): Promise<Block[]> {
  const maxCount = opts.maxCount ?? 40;
  const sources = [...new Set(blocks.filter((b) => b.type === 'image' && b.src && /^(https?:|data:)/i.test(b.src)).map((b) => b.src as string))].slice(
    0,
    maxCount,
  );
  // Most feed items have no image: no folder to make (a mkdir per story was a visible cost of a refresh).
  if (sources.length === 0) return blocks.map((b) => ({ ...b }));
  try {
    await mkdir(opts.mediaDir, { recursive: true });
  } catch (error) {
    throw new KabarError('IO', `The media folder ${opts.mediaDir} cannot be created (${(error as Error).message}).`, {
      path: opts.mediaDir,
    });
  }
  const stored = new Map<string, string>();
  // Every web image is pending until it is saved or fails for good; data: images never wait on a network.
  const pending = new Set(sources.filter((src) => !/^data:/i.test(src)));
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(new KabarError('TIMEOUT', "The time for this article's images ran out.")), opts.budgetMs ?? IMAGE_BUDGET_MS);
  const signal = opts.signal ? AbortSignal.any([budget.signal, opts.signal]) : budget.signal;
  const work = mapLimit(sources, 4, async (src) => {
    if (signal.aborted) return;
    try {
      const image = await download(src, { ...opts, signal });
      if (signal.aborted) return;
      stored.set(src, await storeMedia(opts.mediaDir, image.bytes, image.ext));
      pending.delete(src);
    } catch (error) {
      // One bad image (gone, too big, not an image) leaves its block as it was; one that may work later stays pending.
      if (!signal.aborted && !mayWorkLater(error)) pending.delete(src);
    }
  });
  try {
    // A download that ignores the abort (a host lookup stuck in the OS) must not hold the article: stop waiting at the budget.
    await Promise.race([work, aborted(signal)]);
  } finally {
    clearTimeout(timer);
    budget.abort();
  }
  return blocks.map((b) => {
    if (b.type !== 'image' || !b.src) return { ...b };
    const { pending: _was, ...rest } = b;
    const media = stored.get(b.src);
    if (media) return { ...rest, media };
    return pending.has(b.src) ? { ...rest, pending: true } : rest;
  });
}
