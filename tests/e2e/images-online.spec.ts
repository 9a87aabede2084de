/**
 * Images "not saved yet": a page saved while its image server does not answer keeps the article and
 * marks the image pending; when the window comes back online it fetches the image by itself
 * (images:fetchPending) and the open article shows it from the library, with no CLI command.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowser, openApp } from './harness';
import { CORPUS } from './support';

const PARAGRAPH = 'The river authority opened the new lock on Monday, and the first barges passed through before noon. ';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The new river lock opens</title></head><body>
<article><h1>The new river lock opens</h1>${`<p>${PARAGRAPH.repeat(4)}</p>`.repeat(3)}
<figure><img src="/lock.jpg" alt="Barges in the new lock"><figcaption>Barges in the new lock.</figcaption></figure>
${`<p>${PARAGRAPH.repeat(4)}</p>`.repeat(3)}</article></body></html>`;

/** The JPEG the corpus page data-url-image carries inline (a real photo's bytes). */
function corpusJpeg(): Buffer {
  const html = readFileSync(join(CORPUS, 'pages/data-url-image/source.html'), 'utf8');
  const m = /data:image\/jpeg;base64,([A-Za-z0-9+/=]+)/.exec(html);
  if (!m?.[1]) throw new Error('the corpus page has no inline JPEG');
  return Buffer.from(m[1], 'base64');
}

test.afterAll(async () => {
  await closeBrowser();
});

test('back online, the window fetches the images not saved yet and the open article shows them', async () => {
  const jpeg = corpusJpeg();
  let answering = false;
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/lock.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (req.url === '/lock.jpg') {
      // While "offline" the image host hangs, as a host lookup does without a network.
      if (!answering) return void held.push(res);
      return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-images-online-'));
  const app = await openApp({ dataDir });
  try {
    const { page, set } = app;
    const summary = await set.handlers['import:urls']([`${base}/lock.html`], []);
    expect(summary.results[0]?.ok).toBe(true);
    const meta = (await set.handlers['library:list']({})).items[0];
    expect(meta?.imagesPending).toBe(1);
    await page.reload();
    await page.getByTestId('article-row').first().locator('[data-row-button]').click();
    await expect(page.getByTestId('reader-title')).toHaveText('The new river lock opens');
    const media = async (): Promise<string[]> => (await readdir(join(dataDir, 'media')).catch(() => [] as string[])).filter((n) => n.endsWith('.jpg'));
    expect(await media()).toEqual([]);

    answering = true;
    for (const res of held.splice(0)) res.destroy();
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await expect.poll(media, { timeout: 30_000 }).toHaveLength(1);
    const image = page.getByTestId('reader-body').getByRole('img', { name: 'Barges in the new lock' });
    await expect(image).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\.jpg$/, { timeout: 15_000 });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect((await set.handlers['library:list']({})).items[0]?.imagesPending).toBeUndefined();
  } finally {
    await app.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await rm(dataDir, { recursive: true, force: true });
  }
});
