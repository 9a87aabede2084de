/** `<img>` → image block: picks a usable absolute source and skips tracking pixels. */
import type { Block } from '../types';

// srcset candidates are "url descriptor" pairs; the last one is usually the largest.
function fromSrcset(srcset: string | null): string | undefined {
  if (!srcset) return undefined;
  const candidates = srcset
    .split(/,\s+/)
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean);
  return candidates[candidates.length - 1];
}

/** Resolves an image source to an absolute http(s) URL or an image data: URL; anything else is unusable. */
export function resolveImageSrc(raw: string | undefined | null, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  if (/^data:/i.test(value)) return /^data:image\/[\w.+-]+[;,]/i.test(value) ? value : undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The image block for an `<img>` element, or undefined for pixels and images without a usable source. */
export function imageBlock(img: Element, base: string | undefined): Block | undefined {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  // 1×1 images are tracking beacons, not content.
  if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) return undefined;
  const src =
    resolveImageSrc(img.getAttribute('src'), base) ??
    resolveImageSrc(fromSrcset(img.getAttribute('srcset')), base) ??
    resolveImageSrc(img.getAttribute('data-src'), base);
  if (!src) return undefined;
  const alt = img.getAttribute('alt')?.trim() ?? '';
  const block: Block = { type: 'image', text: alt, src };
  if (alt) block.alt = alt;
  return block;
}
