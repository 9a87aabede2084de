/**
 * A tiny static server for the built renderer (file:// blocks Vite's module scripts), plus
 * `/media/<sha256>.<ext>` from the library's media folder — the harness's stand-in for the
 * app's kabar-media: protocol, with the same name rule.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};
const MEDIA_NAME = /^\/media\/([a-f0-9]{64}\.(png|jpe?g|gif|webp|avif|svg))$/;

/** A running server and its origin. */
export interface StaticServer {
  origin: string;
  /** Every path asked for, in order (the hostile suite checks what reading an article loads). */
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `root` (the built renderer) and `mediaDir` on 127.0.0.1 at a free port. */
export async function serveRenderer(root: string, mediaDir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const media = MEDIA_NAME.exec(path);
    const file = media ? join(mediaDir, media[1] as string) : join(root, normalize(path === '/' ? '/index.html' : path));
    if (!media && !file.startsWith(root + sep)) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
