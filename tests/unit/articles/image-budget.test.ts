/**
 * Image capture offline (issue 12, pipeline fix 2): when image hosts accept a connection and never
 * answer, an import waits at most ~2 s for an article's images, saves the article at once with
 * those images "not saved yet", and `fetchPendingImages` / `kabar fetch-images` fetch them later.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { captureImages } from '../../../main/core/articles';
import { fetchPendingImages } from '../../../main/core/image-retry';
import { importSources } from '../../../main/core/importer';
import { openLibrary } from '../../../main/core/store';
import type { Block } from '../../../main/core/types';
import { startServer, tempDir, TINY_PNG, type TestServer } from './helpers';

/** A second, different image (so two media files are told apart). */
const OTHER_PNG = Buffer.concat([TINY_PNG, Buffer.from('second image')]);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let online = false;
const held: ServerResponse[] = [];
let images: TestServer;
let pages: TestServer;

const FILLER = 'The harbour board met on Tuesday and agreed the new budget for the ferries, the piers and the schools.';

beforeAll(async () => {
  // Accepts every connection and reads the request, then never answers while "offline".
  images = await startServer((req, res) => {
    if (!online) {
      held.push(res);
      return;
    }
    if (req.url === '/gone.png') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
    res.writeHead(200, { 'content-type': 'image/png' }).end(req.url === '/b.png' ? OTHER_PNG : TINY_PNG);
  });
  pages = await startServer((req, res) => {
    if (req.url === '/404.png') return void res.writeHead(404).end();
    if (req.url === '/ok.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
    const imgs = ['a', 'b', 'c', 'd', 'e', 'gone'].map((n) => `<figure><img src="${images.url(`/${n}.png`)}" alt="Photo ${n}"></figure>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Ferry budget</title></head><body><article><h1>Ferry budget</h1>
      <p>${FILLER}</p>${imgs}<p>${FILLER} ${FILLER}</p><img src="${pages.url('/ok.png')}" alt="Local"></article></body></html>`);
  });
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await images.close();
  await pages.close();
});

describe('image capture with hosts that never answer', () => {
  it('stops after the budget, keeps what came, and marks only the images that may still come as pending', async () => {
    online = false;
    const { dir, cleanup } = await tempDir();
    try {
      const blocks: Block[] = [
        ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((n): Block => ({ type: 'image', text: '', src: images.url(`/${n}.png`) })),
        { type: 'image', text: '', src: pages.url('/ok.png') },
        { type: 'image', text: '', src: pages.url('/404.png') },
      ];
      const started = Date.now();
      // The fast images are queued behind the hanging ones: 4 workers all stuck on hanging hosts first.
      const out = await captureImages(blocks, { mediaDir: join(dir, 'media'), budgetMs: 1500 });
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(1400);
      expect(took).toBeLessThan(4000); // the per-image timeout is 20 s: the budget, not it, ended the wait
      expect(out.slice(0, 6).every((b) => b.pending === true && !b.media)).toBe(true);
      // Queued behind four stuck downloads, the local images never started: they are pending too, not lost.
      expect(out[6]?.pending).toBe(true);
      expect(out[7]?.pending).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('never marks an image that failed for good (404) as pending', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const out = await captureImages(
        [
          { type: 'image', text: '', src: pages.url('/404.png') },
          { type: 'image', text: '', src: pages.url('/ok.png') },
        ],
        { mediaDir: join(dir, 'media') },
      );
      expect(out[0]).toEqual({ type: 'image', text: '', src: pages.url('/404.png') });
      expect(out[1]?.media).toBe(`${sha(TINY_PNG)}.png`);
      expect(out[1]?.pending).toBeUndefined();
    } finally {
      await cleanup();
    }
  });

  it('saves the article at once, then fetches its images when the hosts answer (core and kabar fetch-images)', async () => {
    online = false;
    const { dir, cleanup } = await tempDir();
    try {
      let library = await openLibrary({ dir });
      const started = Date.now();
      const summary = await importSources(library, [{ kind: 'url', url: pages.url('/ferry.html') }]);
      const took = Date.now() - started;
      expect(summary.imported).toBe(1);
      // Page fetch, extraction and the 2 s image budget; one image alone would wait 20 s (its timeout).
      expect(took).toBeLessThan(10_000);
      const id = (summary.results[0] as { id: string }).id;
      // Six hanging images took the four download slots; the local one queued behind them waits too.
      expect(library.meta(id).imagesPending).toBe(7);
      let article = await library.get(id);
      const pictures = article.blocks.filter((b) => b.type === 'image');
      expect(pictures.map((b) => b.pending)).toEqual([true, true, true, true, true, true, true]);
      expect(pictures.some((b) => b.media)).toBe(false);

      // Still offline: a retry gives up after its budget and keeps every image pending.
      const offline = await fetchPendingImages(library, { budgetMs: 800 });
      expect(offline.stillPending).toBeGreaterThanOrEqual(6);
      expect(library.meta(id).imagesPending).toBe(offline.stillPending);

      // Online again, through the command line (a separate opening of the library, as a user would run it).
      await library.close();
      online = true;
      let out = '';
      const code = await runCli(['--data', dir, '--json', 'fetch-images'], { stdout: (t) => (out += t), stderr: () => undefined, env: {}, cwd: dir });
      expect(code).toBe(0);
      expect(JSON.parse(out)).toEqual({ articles: 1, saved: 6 - offline.saved, gone: 1, stillPending: 0 });

      library = await openLibrary({ dir });
      expect(library.meta(id).imagesPending).toBeUndefined();
      article = await library.get(id);
      const after = article.blocks.filter((b) => b.type === 'image');
      expect(after.some((b) => b.pending)).toBe(false);
      expect(after.find((b) => b.src === images.url('/gone.png'))).toEqual({ type: 'image', text: 'Photo gone', alt: 'Photo gone', src: images.url('/gone.png') });
      expect(after.find((b) => b.src === images.url('/b.png'))?.media).toBe(`${sha(OTHER_PNG)}.png`);
      expect(await readFile(join(dir, 'media', `${sha(OTHER_PNG)}.png`))).toEqual(OTHER_PNG);
      expect((await readdir(join(dir, 'media'))).sort()).toEqual([`${sha(OTHER_PNG)}.png`, `${sha(TINY_PNG)}.png`].sort());
      // Nothing left to do.
      expect(await fetchPendingImages(library)).toEqual({ articles: 0, saved: 0, gone: 0, stillPending: 0 });
      await library.close();
    } finally {
      await cleanup();
    }
  });
});
