/**
 * The reader beyond the main journey: saving a web page with its image and reading it with
 * the server gone, links handed to the system browser, translated import errors, keyboard
 * shortcuts, drag and drop, the offline indicator and reading progress.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { closeBrowser, openApp, type OpenApp } from './harness';

/** A valid 40×30 RGB PNG (so the page shows a real decoded image). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const [w, h] = [40, 30];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([200, 40 + x * 4, 90], y * (1 + w * 3) + 1 + x * 3);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const PARAGRAPH = 'The harbour council met on Tuesday to decide the future of the old ferry pier. ';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour council votes to keep the old ferry pier | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"></head><body><nav>Home · World · Sport</nav>
<article><h1>Harbour council votes to keep the old ferry pier</h1><p class="byline">By Ana Lima</p>
<p>${PARAGRAPH.repeat(4)}<a href="https://example.org/pier-history">the pier's history</a>.</p>
<figure><img src="/pier.png" alt="The old pier at dawn"><figcaption>The old pier at dawn.</figcaption></figure>
${`<p>${PARAGRAPH.repeat(5)}</p>`.repeat(12)}</article><footer>© Harbour Times</footer></body></html>`;

let server: Server;
let base: string;
let dataDir: string;
let app: OpenApp;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const image = png();
  server = createServer((req, res) => {
    if (req.url === '/pier.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/pier.png') res.writeHead(200, { 'content-type': 'image/png' }).end(image);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = await mkdtemp(join(tmpdir(), 'kabar-reader-'));
  app = await openApp({ dataDir });
});

test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  if (server.listening) await new Promise<void>((r) => server.close(() => r()));
  await rm(dataDir, { recursive: true, force: true });
});

test('saves a web page with its image, then reads it with the server gone', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('textbox', { name: 'Web addresses, one per line' }).fill(`${base}/pier.html\n${base}/missing.html`);
  await page.getByRole('button', { name: 'Save articles' }).click();
  const results = page.getByTestId('import-results');
  await expect(results.locator('li[data-status="imported"]')).toHaveCount(1);
  await expect(results.locator('li[data-status="failed"]')).toContainText('The website answered with error 404');
  await expect(page.getByTestId('import-progress')).toHaveAttribute('value', '2');
  await page.getByTestId('import-dialog').getByRole('button', { name: 'Close dialog' }).click();
  expect((await readdir(join(dataDir, 'media'))).filter((n) => n.endsWith('.png'))).toHaveLength(1);
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r())); // the network is gone from here on
  await page.getByTestId('article-row').first().click();
  await expect(page.getByTestId('reader-title')).toHaveText('Harbour council votes to keep the old ferry pier');
  const image = page.getByTestId('reader-body').getByRole('img', { name: 'The old pier at dawn' });
  await expect(image).toHaveAttribute('src', /^\/media\/[a-f0-9]{64}\.png$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
});

test('links open in the system browser, never in the window', async () => {
  const { page } = app;
  const before = page.url();
  await page.getByRole('link', { name: "the pier's history" }).click();
  await expect.poll(() => app.host.opened).toEqual(['https://example.org/pier-history']);
  expect(page.url()).toBe(before);
});

test('drag and drop of a .txt file imports it', async () => {
  const { page } = app;
  const text = `Berita Singkat\n\nJakarta (kabar) – Ini adalah berita singkat untuk uji seret dan lepas di aplikasi.\nParagraf kedua menjelaskan lebih lanjut tentang pengujian ini.`;
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'berita.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, text);
  await expect(page.getByTestId('article-row').filter({ hasText: 'Berita Singkat' })).toHaveCount(1);
  // The drop opened the Add dialog to show its progress and result.
  await expect(page.getByTestId('import-results').locator('li[data-status="imported"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
});

test('keyboard: j/k move, m toggles read, b bookmarks, ? shows the shortcuts', async () => {
  const { page } = app;
  await page.getByTestId('article-row').first().click();
  const focusedId = () =>
    page.evaluate(() => (document.activeElement?.closest('[data-testid="article-row"]') as HTMLElement | null)?.dataset.id ?? null);
  const openId = () => page.locator('[data-testid="article-row"]:has([aria-current="true"])').getAttribute('data-id');
  const first = await openId();
  await page.keyboard.press('j');
  await expect.poll(focusedId).not.toBe(first);
  const second = await focusedId();
  await page.keyboard.press('k');
  await expect.poll(focusedId).toBe(first);
  await page.keyboard.press('j');
  await page.keyboard.press('o');
  await expect.poll(openId).toBe(second);
  const id = second;
  await page.keyboard.press('b');
  await expect.poll(async () => (await app.set.handlers['library:list']({ bookmarked: true })).items.map((m) => m.id)).toEqual([id]);
  await page.keyboard.press('m');
  await expect.poll(async () => (await app.set.handlers['article:get'](id!)).readAt).toBeNull();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
});

test('the offline indicator is honest and stored articles still open', async () => {
  const { page } = app;
  const indicator = page.getByTestId('offline-indicator');
  await expect(indicator).toHaveAttribute('data-online', 'true');
  await page.context().setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');
  await page.getByTestId('article-row').filter({ hasText: 'Harbour council votes to keep the old ferry pier' }).click();
  await expect(page.getByTestId('reader-title')).toHaveText('Harbour council votes to keep the old ferry pier');
  await page.context().setOffline(false);
  await expect(indicator).toHaveAttribute('data-online', 'true');
});

test('reading progress is saved and restored after a restart', async () => {
  let { page } = app;
  await page.getByTestId('article-row').filter({ hasText: 'Harbour council votes to keep the old ferry pier' }).click();
  const id = await page.locator('[data-testid="article-row"]:has([aria-current="true"])').getAttribute('data-id');
  await page.getByTestId('reader-body').hover();
  await page.mouse.wheel(0, 600);
  // Saves are throttled (one a second), and a wheel scroll is smooth: wait until the saved value is settled,
  // not the first save of the scroll (the taller reader of issue 11 made that race visible).
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = (await app.set.handlers['article:get'](id!)).progress;
        const settled = now > 0.05 && now === previous;
        previous = now;
        return settled;
      },
      { timeout: 8000, intervals: [1200] },
    )
    .toBe(true);
  const saved = (await app.set.handlers['article:get'](id!)).progress;
  await app.close();
  app = await openApp({ dataDir });
  page = app.page;
  await page.getByTestId('article-row').filter({ hasText: 'Harbour council votes to keep the old ferry pier' }).click();
  await expect(page.getByTestId('reader-title')).toHaveText('Harbour council votes to keep the old ferry pier');
  const restored = await page.evaluate(() => {
    const title = document.querySelector('[data-testid="reader-title"]');
    let el: HTMLElement | null = title as HTMLElement | null;
    // The scroller is the nearest ancestor that scrolls (a heading's own overflow by a pixel is not one).
    const scrolls = (e: HTMLElement): boolean => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1;
    while (el && !scrolls(el)) el = el.parentElement;
    return el ? el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight) : 0;
  });
  expect(Math.abs(restored - saved)).toBeLessThan(0.1);
});

test('errors appear in the interface language (Indonesian)', async () => {
  await app.close();
  app = await openApp({ dataDir, locale: 'id-ID' });
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByTestId('import-dialog').getByRole('textbox').first().fill('ftp://example.org/berita.txt');
  await page.getByTestId('import-dialog').getByRole('button', { name: /^Simpan/ }).click();
  const failed = page.getByTestId('import-results').locator('li[data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).not.toContainText('The website');
  await expect(failed).toContainText(/alamat/i);
  // The failure changed nothing: the two stored articles are still there.
  expect((await app.set.handlers['library:counts']()).all).toBe(2);
});
