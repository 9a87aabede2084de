/**
 * Feeds in the browser harness (issue 4): subscribe to a site offering several feeds (the user
 * picks one), import OPML through the UI, refresh with progress, broken feeds showing their
 * error beside working ones, per-feed actions, export, settings, reading an item with the
 * server stopped, and an axe scan of the feeds UI. Feeds are real corpus files served locally.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeBrowser, openApp, type OpenApp } from './harness';
import { CORPUS, scanAccessibility } from './support';

const FEEDS = join(CORPUS, 'feeds', 'rsparser');
const SLOW_MS = 2500;

let server: Server;
let base: string;
let dataDir: string;
let app: OpenApp;
let page: Page;

/** Only this machine: the corpus feeds' remote images fail at once, as they would offline. */
const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new TypeError('offline (test)');
  return fetch(input, init);
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const manton = await readFile(join(FEEDS, 'manton.rss'));
  const marley = await readFile(join(FEEDS, 'EMarley.rss'));
  const macworld = await readFile(join(FEEDS, 'macworld.rss'));
  const rssType = { 'content-type': 'application/rss+xml; charset=utf-8' };
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/manton.rss') res.writeHead(200, rssType).end(manton);
    else if (path === '/marley.rss') res.writeHead(200, rssType).end(marley);
    else if (path === '/slow.rss') setTimeout(() => res.writeHead(200, rssType).end(macworld), SLOW_MS);
    else if (path === '/down.rss') res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    else if (path === '/page.rss') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Welcome</title></head><body><h1>Our new website</h1><p>The feed moved.</p></body></html>');
    else if (path === '/site.html') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html><head><title>Two blogs</title><link rel="alternate" type="application/rss+xml" title="Liz Marley" href="/marley.rss"><link rel="alternate" type="application/rss+xml" title="Manton Reece" href="/manton.rss"></head><body>Blogs</body></html>`);
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dataDir = await mkdtemp(join(tmpdir(), 'kabar-feeds-e2e-'));
  app = await openApp({ dataDir, fetch: loopbackFetch });
  page = app.page;
  await expect(page.getByTestId('feeds-section')).toBeVisible();
});

test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  server?.closeAllConnections();
  server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The sidebar entry of the feed whose shown name matches (a string matches the whole name). */
const feedItem = (title: RegExp | string) =>
  page.getByTestId('feed-item').filter({ has: page.locator('.side-label', { hasText: typeof title === 'string' ? new RegExp(`^${title}$`) : title }) });

test('subscribes to a site with two feeds: the user picks one, it lands in its folder with its unread count', async () => {
  await page.getByTestId('feeds-subscribe').click();
  const dialog = page.getByTestId('subscribe-dialog');
  await dialog.getByLabel('Feed or website address').fill(`${base}/site.html`);
  await dialog.getByLabel('Folder (optional)').fill('Blogs / Tech');
  await dialog.getByRole('button', { name: 'Subscribe' }).click();
  const choices = dialog.getByTestId('feed-candidates');
  await expect(choices.getByRole('radio')).toHaveCount(2);
  await choices.getByRole('radio', { name: /Manton Reece/ }).check();
  await dialog.getByRole('button', { name: 'Subscribe' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('feeds-status')).toContainText('Subscribed to Manton Reece');
  const folder = page.getByTestId('feed-folder').filter({ hasText: 'Blogs' }).first();
  await expect(folder.getByRole('button', { name: /^Blogs/ })).toContainText('10');
  await expect(feedItem(/Manton Reece/)).toContainText('10');
  // Subscribing shows the new feed's articles.
  await expect(page.getByTestId('article-list').getByRole('listitem')).toHaveCount(10);
  // The folder collapses and expands from the keyboard-reachable toggle.
  const toggle = page.getByRole('button', { name: 'Collapse folder Blogs' });
  await toggle.click();
  await expect(feedItem(/Manton Reece/)).toBeHidden();
  await page.getByRole('button', { name: 'Expand folder Blogs' }).click();
  await expect(feedItem(/Manton Reece/)).toBeVisible();
});

test('imports OPML through the UI; broken feeds show their error beside the working ones', async () => {
  const opml = join(dataDir, 'subscriptions.opml');
  await writeFile(
    opml,
    `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Mixed" title="Mixed">
  <outline type="rss" text="Liz Marley" xmlUrl="${base}/marley.rss"/>
  <outline type="rss" text="Macworld" xmlUrl="${base}/slow.rss"/>
  <outline text="Broken" title="Broken">
    <outline type="rss" text="Down" xmlUrl="${base}/down.rss"/>
    <outline type="rss" text="Moved" xmlUrl="${base}/page.rss"/>
  </outline>
</outline></body></opml>`,
  );
  app.host.nextChosenFile = opml;
  await page.getByTestId('feeds-import-opml').click();
  await expect(page.getByTestId('feeds-status')).toContainText('OPML import: 4 new feeds, 0 already followed');
  expect(app.host.fileDialogs.at(-1)?.options).toMatchObject({ mode: 'open' });
  // The imported feeds refresh at once: progress "n of 4", then each feed's outcome.
  await expect(page.getByTestId('feeds-progress')).toContainText(/of 4/);
  await expect(page.getByTestId('feeds-progress')).toBeHidden({ timeout: 30_000 });
  const down = feedItem('Down');
  const moved = feedItem('Moved');
  await expect(down.getByTestId('feed-error')).toHaveText('The website answered with error 500. Check the address, or try again later.');
  await expect(moved.getByTestId('feed-error')).toContainText('This address is a web page, not a news feed.');
  await expect(feedItem(/Liz Marley/).getByTestId('feed-error')).toHaveCount(0);
  await expect(feedItem(/Macworld/).getByTestId('feed-error')).toHaveCount(0);
  await expect(feedItem(/Liz Marley/)).toContainText(/\d/);
  // The error is tied to its feed for screen readers too.
  await expect(down.getByRole('button', { name: 'Down', exact: true })).toHaveAccessibleDescription(/error 500/);
});

test('refresh all shows n of m with per-feed state, and Cancel stops it', async () => {
  await page.getByTestId('feeds-refresh-all').click();
  const progress = page.getByTestId('feeds-progress');
  await expect(progress).toBeVisible();
  // The slow feed is still being fetched when we look.
  await expect(feedItem(/Macworld/).getByTestId('feed-state')).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden({ timeout: SLOW_MS });
  await expect(page.getByTestId('feeds-status')).toContainText('Refresh finished');
  await expect(feedItem(/Macworld/).getByTestId('feed-error')).toHaveCount(0);
});

test('the feeds UI passes axe, with a folder open and errors shown, and with the feed dialog open', async () => {
  expect(await scanAccessibility(page)).toEqual([]);
  await feedItem('Down').getByRole('button', { name: 'Actions for feed Down' }).click();
  await expect(page.getByTestId('feed-dialog')).toBeVisible();
  expect(await scanAccessibility(page)).toEqual([]);
  await page.keyboard.press('Escape');
});

test('per-feed actions: rename, move, options, mark all read, unsubscribe', async () => {
  await feedItem(/Liz Marley/).getByRole('button', { name: /Actions for feed/ }).click();
  const dialog = page.getByTestId('feed-dialog');
  await dialog.getByLabel('Name').fill('Liz');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(feedItem('Liz')).toBeVisible();
  await dialog.getByLabel('Folder (optional)').fill('Blogs');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await dialog.getByLabel('Fetch the full article').check();
  await dialog.getByLabel('Keep articles').selectOption({ label: '30 days' });
  await dialog.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(feedItem('Liz').locator('.count')).toHaveText('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const liz = (await app.set.handlers['feeds:list']()).feeds.find((f) => f.title === 'Liz');
  expect(liz).toMatchObject({ folder: ['Blogs'], fullText: true, keepDays: 30, unread: 0 });

  await feedItem('Moved').getByRole('button', { name: 'Actions for feed Moved' }).click();
  await dialog.getByRole('button', { name: 'Unsubscribe…' }).click();
  await dialog.getByRole('button', { name: 'Yes, unsubscribe' }).click();
  await expect(dialog).toBeHidden();
  await expect(feedItem('Moved')).toHaveCount(0);
});

test('exports OPML to the file the save dialog names', async () => {
  const out = join(dataDir, 'export.opml');
  app.host.nextChosenFile = out;
  await page.getByTestId('feeds-export-opml').click();
  await expect(page.getByTestId('feeds-status')).toContainText('4 feeds saved');
  expect(app.host.fileDialogs.at(-1)?.options).toMatchObject({ mode: 'save', extensions: ['opml'] });
  const text = await readFile(out, 'utf8');
  for (const path of ['/manton.rss', '/marley.rss', '/slow.rss', '/down.rss']) expect(text).toContain(`${base}${path}`);
});

test('the refresh interval is a setting', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Feeds' }).click();
  await page.getByLabel('Refresh feeds').selectOption({ label: 'Only when I ask' });
  await page.keyboard.press('Escape');
  await expect.poll(() => app.set.library.settings().refreshMinutes).toBe(0);
});

test('reads a feed item with the server stopped', async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  // All articles first (the feed was chosen when it was added), then the feed alone.
  await page.getByRole('button', { name: /All articles/ }).click();
  await expect(page.getByTestId('article-row')).not.toHaveCount(10);
  const manton = feedItem(/Manton Reece/).locator('.side-item');
  await manton.click();
  await expect(manton).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByTestId('article-row');
  await expect(rows).toHaveCount(10);
  await rows.first().locator('[data-row-button]').click();
  await expect(page.getByTestId('reader-body')).toBeVisible();
  const text = (await page.getByTestId('reader-body').innerText()).trim();
  expect(text.length).toBeGreaterThan(20);
  // Opening it cost no request: the server is gone and the body came from the library.
  await expect(page.getByTestId('reader-body').locator('p').first()).toBeVisible();
});
