/**
 * Compression bombs: a small gzip / deflate / brotli response that inflates to gigabytes must
 * be refused with TOO_LARGE once the DECOMPRESSED size passes the cap (URL import 20 MB, feeds
 * 10 MB), without reading the rest or filling memory: the streamed bombs inflate to 256 MB,
 * so buffering one whole would show in the process's memory.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants, createBrotliCompress, createDeflate, createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromUrl } from '../../../main/core/articles';
import { fetchFeed } from '../../../main/core/feeds';

const CHUNK = Buffer.alloc(1024 * 1024, ' ');
const BOMB_MB = 256;

let server: Server;
let base = '';

/** Streams BOMB_MB megabytes of spaces through `encoder`, stopping when the client goes away. */
function streamBomb(res: ServerResponse, encoding: string, encoder: NodeJS.ReadWriteStream, contentType: string): void {
  res.writeHead(200, { 'content-type': contentType, 'content-encoding': encoding });
  encoder.pipe(res);
  let sent = 0;
  const pump = (): void => {
    while (sent < BOMB_MB && !res.destroyed) {
      sent++;
      if (!encoder.write(sent === 1 ? Buffer.concat([Buffer.from('<html><body><p>'), CHUNK]) : CHUNK)) return void encoder.once('drain', pump);
    }
    encoder.end();
  };
  res.on('close', () => encoder.unpipe(res));
  pump();
}

beforeAll(async () => {
  // 64 MB of spaces is ~64 KB gzipped: sent whole, with an honest Content-Length.
  const fixed = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '), { level: 9 });
  const fixedBr = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024, ' '), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  server = createServer((req, res) => {
    const [, kind, encoding] = /^\/(page|feed)\/(\w+)$/.exec(req.url ?? '') ?? [];
    const type = kind === 'feed' ? 'application/rss+xml' : 'text/html';
    if (encoding === 'gzip') return streamBomb(res, 'gzip', createGzip({ level: 1 }), type);
    if (encoding === 'deflate') return streamBomb(res, 'deflate', createDeflate({ level: 1 }), type);
    if (encoding === 'br') return streamBomb(res, 'br', createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } }), type);
    if (encoding === 'fixed') return void res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': fixed.length }).end(fixed);
    if (encoding === 'fixedbr') return void res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', 'content-length': fixedBr.length }).end(fixedBr);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function refused(run: () => Promise<unknown>): Promise<{ code: string; message: string; rssMb: number; ms: number }> {
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const error = await run().then(
    () => ({ code: 'NONE', message: 'accepted' }),
    (e: { code?: string; message?: string }) => ({ code: e.code ?? 'UNKNOWN', message: e.message ?? '' }),
  );
  console.log(`${error.code} after ${Math.round(performance.now() - start)} ms, rss +${Math.round((process.memoryUsage().rss - rss) / 1024 / 1024)} MB`);
  return { ...error, rssMb: (process.memoryUsage().rss - rss) / 1024 / 1024, ms: performance.now() - start };
}

describe('decompression bombs', () => {
  for (const encoding of ['gzip', 'deflate', 'br', 'fixed', 'fixedbr']) {
    it(`URL import refuses a ${encoding} bomb with TOO_LARGE after 20 MB of decompressed text`, async () => {
      const r = await refused(() => extractFromUrl(`${base}/page/${encoding}`));
      expect(r.code).toBe('TOO_LARGE');
      expect(r.message).toMatch(/20 MB limit/);
      expect(r.rssMb).toBeLessThan(150);
    });

    it(`feed fetch refuses a ${encoding} bomb with TOO_LARGE after 10 MB`, async () => {
      const r = await refused(() => fetchFeed(`${base}/feed/${encoding}`));
      expect(r.code).toBe('TOO_LARGE');
      expect(r.message).toMatch(/larger than 10 MB/);
      expect(r.rssMb).toBeLessThan(150);
    });
  }
});
