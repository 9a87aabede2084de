/**
 * Settings → Accounts (issue 14) in the browser tier: the window connects to a real FreshRSS
 * (started here on 127.0.0.1:18700-18749 with ../shared/servers/freshrss-up.sh; it fetches feeds
 * from a local HTTP server), refuses a wrong password in words, syncs and shows the status,
 * subscribes to a feed on the server (checked through FreshRSS's own API), and saves the
 * interval and days. Axe in light and dark; screenshots in English and Arabic.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { rss, serve, startServer, type TestServer } from '../unit/feeds/server';
import { freshRssMissing, RawApi, startFreshRss, type FreshRss } from '../unit/sync/freshrss';
import { closeBrowser, openApp } from './harness';
import { shot } from './settings-support';
import { scanAccessibility } from './support';

const missing = await freshRssMissing();
if (missing) console.log(`SKIPPED settings-sync.spec.ts: ${missing}`);

let server: FreshRss | null = null;
let feeds: TestServer | null = null;

test.afterAll(async () => {
  await closeBrowser();
  await feeds?.close();
  await server?.close();
});

test('the window adds a FreshRSS account, syncs, shows the status, subscribes on the server, saves interval and days', async () => {
  test.skip(missing !== null, `SKIPPED: ${missing}`);
  test.setTimeout(240_000);
  server = await startFreshRss({ from: 18700, count: 50 });
  feeds = await startServer();
  const story = (feed: string, n: number) => ({ title: `${feed} story ${n}`, link: `${feeds?.url}/${feed}/${n}`, guid: `${feed}-${n}`, html: `<p>${feed} story ${n} tells the news of the day in plain words.</p>` });
  feeds.routes.set('/world.xml', serve(rss('World', [1, 2, 3].map((n) => story('world', n))), { 'content-type': 'application/rss+xml' }));
  feeds.routes.set('/local.xml', serve(rss('Berita Lokal', [1, 2].map((n) => story('local', n))), { 'content-type': 'application/rss+xml' }));
  const raw = new RawApi(server.api, server.user, server.password);
  await raw.login();
  await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]); // the default feed points at GitHub
  await raw.post(`subscription/quickadd?quickadd=${encodeURIComponent(`${feeds.url}/world.xml`)}`, []);

  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-settings-sync-'));
  const app = await openApp({ dataDir });
  try {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    await page.getByRole('tab', { name: 'Accounts' }).click();
    const add = page.getByTestId('sync-add');
    await add.getByLabel('API address').fill(server.api);
    await add.getByLabel('User name').fill(server.user);
    await add.getByLabel('API password').fill('not-the-password');
    await add.getByLabel('Sync automatically').selectOption({ label: 'Every hour' });
    await add.getByLabel('Days of history to fetch').selectOption({ label: '30 days' });
    await add.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByTestId('account-settings').getByRole('alert')).toContainText('refused the user name or API password for alice');
    await shot(page, 'accounts-en-wrong-password');

    await add.getByLabel('API password').fill(server.password);
    await add.getByRole('button', { name: 'Add account' }).click();
    const status = page.getByTestId('sync-status');
    await expect(status).toHaveText(/^Synced /, { timeout: 90_000 });
    await expect(page.getByTestId('sync-account')).toContainText('1 synced feed.');
    const view = await app.set.handlers['sync:status']();
    expect([view?.intervalMinutes, view?.days]).toEqual([60, 30]);
    await expect(page.getByLabel('Sync automatically')).toHaveValue('60');

    // Subscribe on the server: FreshRSS holds it (so other devices get it), and it is a synced feed here.
    const sub = page.getByTestId('sync-subscribe');
    await sub.getByLabel('Feed address').fill(`${feeds.url}/local.xml`);
    await sub.getByLabel('Folder (optional)').fill('Berita');
    await sub.getByRole('button', { name: 'Subscribe on the server' }).click();
    await expect(sub.getByTestId('sync-subscribed')).toHaveText('Subscribed. The feed appears on your other devices at their next sync.', { timeout: 90_000 });
    await expect(page.getByTestId('sync-account')).toContainText('2 synced feeds.');
    expect((await raw.subscriptions()).get('Berita Lokal')).toMatchObject({ folder: 'Berita', url: `${feeds.url}/local.xml` });
    const list = await app.set.handlers['feeds:list']();
    expect(list.feeds.find((f) => f.url === `${feeds?.url}/local.xml`)?.synced).toBe(true);
    await expect(page.getByTestId('feed-synced')).toHaveCount(2); // the sidebar marks both feeds as synced

    // Options after adding: days and interval, saved in the account.
    await page.getByLabel('Days of history to fetch').selectOption({ label: '90 days' });
    await expect.poll(async () => (await app.set.handlers['sync:status']())?.days).toBe(90);
    await page.getByLabel('Sync automatically').selectOption({ label: 'Only at start, after refreshes and on Sync now' });
    await expect.poll(async () => (await app.set.handlers['sync:status']())?.intervalMinutes).toBe(0);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toHaveText(/^Synced /, { timeout: 90_000 });
    expect((await app.set.handlers['library:list']({ limit: 50 })).total).toBe(5); // 3 + 2 stories, none twice

    for (const th of ['light', 'dark'] as const) {
      await page.evaluate((x) => document.documentElement.setAttribute('data-theme', x), th);
      expect(await scanAccessibility(page), `${th}: axe`).toEqual([]);
      await shot(page, `accounts-en-1280x800-${th}`);
    }

    // Arabic at 800×600: Settings opens at the remembered section (Accounts).
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await app.set.handlers['settings:set']({ locale: 'ar' });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.reload();
    await page.getByTestId('settings-button').click();
    await expect(page.getByRole('tab', { name: 'الحسابات' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('sync-status')).toContainText('تمت');
    expect(await scanAccessibility(page)).toEqual([]);
    await shot(page, 'accounts-ar-800x600');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
