/**
 * Offline copies of article images: each image block with an http(s) or data: source is
 * downloaded once and stored as `<mediaDir>/<sha256>.<ext>`, so identical images are stored
 * once. One bad image never fails the import: its block simply keeps `src` without `media`.
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

/**
 * Downloads the images of `blocks` into `mediaDir` and returns new blocks with `media` set on
 * the ones captured. Up to 4 downloads run at once; the same source is fetched once.
 */
export async function captureImages(blocks: Block[], opts: CaptureOptions): Promise<Block[]> {
  try {
    await mkdir(opts.mediaDir, { recursive: true });
  } catch (error) {
    throw new KabarError('IO', `The media folder ${opts.mediaDir} cannot be created (${(error as Error).message}).`, {
      path: opts.mediaDir,
    });
  }
  const maxCount = opts.maxCount ?? 40;
  const sources = [...new Set(blocks.filter((b) => b.type === 'image' && b.src && /^(https?:|data:)/i.test(b.src)).map((b) => b.src as string))].slice(
    0,
    maxCount,
  );
  const stored = new Map<string, string>();
  await mapLimit(sources, 4, async (src) => {
    try {
      const image = await download(src, opts);
      stored.set(src, await storeMedia(opts.mediaDir, image.bytes, image.ext));
    } catch {
      // One bad image (gone, too big, not an image, offline) leaves its block as it was.
    }
  });
  return blocks.map((b) => {
    const media = b.type === 'image' && b.src ? stored.get(b.src) : undefined;
    return media ? { ...b, media } : { ...b };
  });
}
