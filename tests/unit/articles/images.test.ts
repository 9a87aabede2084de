import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureImages } from '../../../main/core/articles';
import type { Block } from '../../../main/core/types';
import { startServer, tempDir, TINY_PNG, type TestServer } from './helpers';

let server: TestServer;
let pngHits = 0;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (path === '/pic.png') {
      pngHits++;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(TINY_PNG);
      return;
    }
    if (path === '/photo.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' });
      res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
      return;
    }
    if (path === '/page.png') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>not an image</html>');
      return;
    }
    if (path === '/big.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(2048, 1));
      return;
    }
    if (path === '/stall.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('missing');
  });
});

afterAll(() => server.close());

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('captureImages', () => {
  it('stores downloaded and data: images by content hash and leaves failures untouched', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const dataUrl = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
      const blocks: Block[] = [
        { type: 'paragraph', text: 'Intro' },
        { type: 'image', text: 'A pixel', alt: 'A pixel', src: server.url('/pic.png') },
        { type: 'image', text: '', src: server.url('/missing.png') },
        { type: 'image', text: '', src: server.url('/photo.jpg') },
        { type: 'image', text: '', src: server.url('/page.png') },
        { type: 'image', text: '', src: dataUrl },
        { type: 'image', text: 'again', src: server.url('/pic.png') },
        { type: 'image', text: '', src: 'data:text/html;base64,PGI+aGk8L2I+' },
        { type: 'image', text: '', src: 'ftp://example.org/x.png' },
      ];
      const before = structuredClone(blocks);
      const out = await captureImages(blocks, { mediaDir: join(dir, 'media') });
      expect(blocks).toEqual(before); // the input is not modified
      const pngName = `${sha(TINY_PNG)}.png`;
      expect(out[1]).toEqual({ ...blocks[1], media: pngName });
      expect(out[2]).toEqual(blocks[2]); // 404
      expect(out[3].media).toMatch(/^[0-9a-f]{64}\.jpg$/);
      expect(out[4]).toEqual(blocks[4]); // HTML served for an image URL
      expect(out[5].media).toBe(pngName); // same bytes as /pic.png → same file
      expect(out[6].media).toBe(pngName);
      expect(out[7]).toEqual(blocks[7]);
      expect(out[8]).toEqual(blocks[8]);
      expect(pngHits).toBe(1); // one download per distinct source (the data: copy needs none)
      const files = (await readdir(join(dir, 'media'))).sort();
      expect(files).toEqual([out[3].media, pngName].sort()); // no temp files left behind
      expect(Buffer.compare(await readFile(join(dir, 'media', pngName)), TINY_PNG)).toBe(0);
    } finally {
      await cleanup();
    }
  });

  it('respects the size cap, the timeout and the count limit', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const blocks: Block[] = [
        { type: 'image', text: '', src: server.url('/big.png') },
        { type: 'image', text: '', src: server.url('/stall.png') },
      ];
      const started = Date.now();
      const out = await captureImages(blocks, { mediaDir: dir, maxImageBytes: 1024, timeoutMs: 300 });
      expect(out.map((b) => b.media)).toEqual([undefined, undefined]);
      expect(Date.now() - started).toBeLessThan(3000);
      const many: Block[] = Array.from({ length: 3 }, (_, i) => ({ type: 'image', text: '', src: `${server.url('/pic.png')}?n=${i}` }));
      const limited = await captureImages(many, { mediaDir: dir, maxCount: 2 });
      expect(limited.map((b) => Boolean(b.media))).toEqual([true, true, false]);
    } finally {
      await cleanup();
    }
  });
});
