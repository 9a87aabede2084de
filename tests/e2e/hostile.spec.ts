/**
 * Hostile content rendered: a library built from every hostile payload through every import
 * path (tests/fixtures/hostile) is read article by article in the built renderer. Nothing may
 * execute (the `window.__pwned` canary stays unset, no dialog opens), no request may leave for
 * a non-loopback host while reading, and links open only through the shell:openExternal channel.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openLibrary } from '../../main/core/store';
import { findExecutable } from '../../main/core/translate/apertium';
import { importHostile, startHostileServer, type HostileImport, type HostileServer } from '../fixtures/hostile/library';
import { closeBrowser, openApp, type OpenApp } from './harness';

let server: HostileServer;
let dataDir: string;
let work: string;
let imported: HostileImport;
let app: OpenApp;
const remoteRequests: string[] = [];
const allRequests: string[] = [];
const dialogs: string[] = [];
const popups: string[] = [];

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  server = await startHostileServer();
  dataDir = await mkdtemp(join(tmpdir(), 'kabar-hostile-e2e-'));
  work = await mkdtemp(join(tmpdir(), 'kabar-hostile-e2e-files-'));
  const library = await openLibrary({ dir: dataDir });
  try {
    imported = await importHostile(library, server, work, { translate: 6, apertium: Boolean(findExecutable('apertium', process.env)) });
    // Each stored translation is also filed as an article of its own, so the one reading loop
    // below renders exactly the translated blocks (through the same Blocks component the
    // Translated view uses) with every check applied.
    for (const id of imported.byPath.translation) {
      const article = await library.get(id);
      const t = article.translations.es;
      if (!t) continue;
      await library.add({ title: `ES ${t.title}`, lang: 'es', dir: 'ltr', excerpt: '', blocks: t.blocks, source: 'text' });
    }
    // No automatic feed refresh while reading: the article count must hold still for the loop.
    library.updateSettings({ refreshMinutes: 0 });
  } finally {
    await library.close();
  }
  app = await openApp({ dataDir });
  const context = app.page.context();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    remoteRequests.push(url);
    return route.abort('blockedbyclient');
  });
  app.page.on('request', (req) => void allRequests.push(req.url()));
  app.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('page', (page) => void popups.push(page.url()));
});

test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  await server?.close();
  await Promise.all([dataDir, work].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

test('reading every hostile article runs nothing, loads nothing remote, and hands links to the system browser', async () => {
  test.setTimeout(900_000);
  const { page, host } = app;
  const origin = page.url();
  const total = Number((await app.set.handlers['library:list']({})).total);
  expect(total).toBeGreaterThan(300);
  const served = app.served.length;
  const hostileHits = server.requests.length;
  // The open article, as the reader shows it (the list may have scrolled its row out of the DOM).
  const openId = () => page.getByTestId('reader').getAttribute('data-article-id');
  await page.getByTestId('article-row').first().click();
  const seen = new Set<string>();
  let linksClicked = 0;
  for (let i = 0; i < total; i++) {
    if (i > 0) {
      const before = await openId();
      // Read as a person does: the keyboard in the reader (its scrolling box), j opens the next article
      // (past the list's first loaded page too: there are more than 300).
      await page.locator('.reader-scroll').focus();
      await page.keyboard.press('j');
      await expect.poll(openId).not.toBe(before);
      // The list follows: the open article's row is the selected one.
      await expect(page.locator(`[data-testid="article-row"].is-selected[data-id="${(await openId()) as string}"]`)).toHaveCount(1);
    }
    const id = (await openId()) as string;
    seen.add(id);
    await expect(page.getByTestId('reader-body')).toBeVisible();
    // Links: only http(s)/mailto hrefs exist, and a click goes to openExternal, never navigates.
    const links = page.getByTestId('reader-body').locator('a');
    const count = await links.count();
    for (let l = 0; l < count; l++) {
      const link = links.nth(l);
      const href = (await link.getAttribute('href')) ?? '';
      expect(href, id).toMatch(/^(https?:\/\/|mailto:)/);
      const opened = host.opened.length;
      await link.click();
      await expect.poll(() => host.opened.length).toBe(opened + 1);
      expect(host.opened[opened]).toBe(href);
      expect(page.url()).toBe(origin);
      linksClicked++;
    }
    await page.getByTestId('reader-body').hover();
    // Each payload sets window.__pwned if it ever runs; nothing active or remote may be in the reader.
    const state = await page.evaluate(() => {
      const reader = document.querySelector('[data-testid="reader-body"]') as HTMLElement;
      const active = reader.querySelectorAll('script, iframe, frame, object, embed, form, input, button, base, meta, link, style, svg, math');
      const handlers = Array.from(reader.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name) || a.name === 'style' && /url\(/i.test(a.value)));
      const remote = Array.from(reader.querySelectorAll('img')).filter((img) => !img.src.startsWith(`${location.origin}/media/`));
      return { pwned: (window as unknown as { __pwned?: string }).__pwned ?? null, active: active.length, handlers: handlers.length, remote: remote.length };
    });
    expect(state, id).toEqual({ pwned: null, active: 0, handlers: 0, remote: 0 });
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  expect(seen.size).toBe(total);
  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  expect(remoteRequests).toEqual([]);
  expect(allRequests.filter((u) => !isLoopback(u))).toEqual([]);
  // The hostile server saw nothing from the reader, and the static server served only app files and media.
  expect(server.requests.length).toBe(hostileHits);
  expect(app.served.slice(served).filter((p) => !/^\/(media\/[a-f0-9]{64}\.\w+|assets\/[\w.-]+|favicon\.ico)$/.test(p))).toEqual([]);
  console.log(
    `hostile_articles_rendered ${seen.size}, links_clicked ${linksClicked}, hostile_inputs_tried ${imported.tried}, executed 0` +
      (imported.translationSkipped ? ` (translation SKIPPED: ${imported.translationSkipped})` : ''),
  );
});
