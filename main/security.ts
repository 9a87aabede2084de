/**
 * Pure security policy for the shell (no 'electron' import, so unit tests and the smoke
 * test can check it directly): the CSP, which URLs count as our own page, which may leave
 * the app, and which media file names the `kabar-media:` protocol may serve.
 */
import { pathToFileURL } from 'node:url';

/** The custom scheme that serves captured images from `<dataDir>/media/`. */
export const MEDIA_SCHEME = 'kabar-media';
/** Host part of media URLs: `kabar-media://media/<sha256>.<ext>` (a standard scheme needs a host). */
export const MEDIA_HOST = 'media';

/** The renderer's Content-Security-Policy. Keep in step with the meta tag in renderer/index.html. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${MEDIA_SCHEME}: data:`,
  "font-src 'self'",
  // Listen plays espeak-ng audio made in main as blob: URLs (nothing else: no remote media).
  'media-src blob:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The CSP header for a run. The Vite dev server injects CSS as <style> elements, so dev
 * alone allows inline styles; scripts stay 'self' in both (no eval, no inline).
 */
export function cspFor(dev: boolean): string {
  return dev ? CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : CSP;
}

/** Headers every media response carries: never sniffed, and an SVG opened directly runs nothing. */
export const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, max-age=31536000, immutable',
};

const MEDIA_NAME = /^[a-f0-9]{64}\.(png|jpe?g|gif|webp|avif|svg)$/;
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/**
 * The file name and MIME type a `kabar-media:` URL asks for, or null when it is anything
 * but `kabar-media://media/<sha256>.<ext>` (so no traversal, no query tricks, no other hosts).
 */
export function parseMediaUrl(raw: string): { name: string; type: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST) return null;
  if (url.search || url.username || url.password) return null;
  const name = url.pathname.slice(1);
  const match = MEDIA_NAME.exec(name);
  if (!match) return null;
  return { name, type: MEDIA_TYPES[match[1]] ?? 'application/octet-stream' };
}

/** Where the renderer page lives: a file in production, the Vite dev server in dev. */
export type RendererTarget = { kind: 'file'; path: string; url: string } | { kind: 'dev'; url: string };

/** True when `raw` is our own renderer page (any hash; query only in dev), never another file or origin. */
export function isOwnRendererUrl(target: RendererTarget, raw: string): boolean {
  let url: URL;
  let own: URL;
  try {
    url = new URL(raw);
    own = new URL(target.url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return url.origin === own.origin && url.origin !== 'null';
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname && url.search === '';
}

/** True for URLs the system browser may open on the user's behalf from a link or window.open. */
export function isWebUrl(raw: string): boolean {
  return hasProtocol(raw, ['http:', 'https:']);
}

/** True for URLs the handlers may hand to the OS (links in articles, feedback mail). */
export function isExternalUrl(raw: string): boolean {
  return hasProtocol(raw, ['http:', 'https:', 'mailto:']);
}

function hasProtocol(raw: string, allowed: string[]): boolean {
  try {
    return allowed.includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/**
 * Which page the window loads. The dev server URL is honoured only when unpackaged and
 * on loopback: an environment variable must never point the bridge at a remote page.
 */
export function rendererTarget(opts: { htmlPath: string; devUrl: string | undefined; packaged: boolean }): RendererTarget {
  if (!opts.packaged && opts.devUrl && isLoopbackHttp(opts.devUrl)) return { kind: 'dev', url: opts.devUrl };
  return { kind: 'file', path: opts.htmlPath, url: pathToFileURL(opts.htmlPath).href };
}

function isLoopbackHttp(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
