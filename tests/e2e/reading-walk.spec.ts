/**
 * Issue 11's first-use walk, the parts left (browser tier, built renderer over the real core):
 * - `j` with the focus in the reader opens the next article past the list's first loaded page,
 *   and the list follows (the open row selected and inside the list's box);
 * - list rows fit their content (one- and three-line titles, no gaps) at 800×600 … 1920×1080;
 * - a feed that failed (404, cut-off file from a real local server) names the error in its dialog;
 * - the welcome screen's last Tab stop shows a focus ring.
 * Screenshots for a person to look at go to /tmp/shots-reading/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openLibrary } from '../../main/core/store';
import { startServer, type TestServer } from '../unit/feeds/server';
import { closeBrowser, openApp, type OpenApp } from './harness';
import { CORPUS, SEED, scanAccessibility } from './support';

const SHOTS = '/tmp/shots-reading';
mkdirSync(SHOTS, { recursive: true });
const COUNT = 130; // more than one page of the list (100 rows)

/** Real titles of the corpus pages, long and short, and paragraphs of the seed. */
function corpusText(): { titles: string[]; paragraphs: string[] } {
  const pages = join(CORPUS, 'pages');
  const titles = readdirSync(pages)
    .map((p) => (JSON.parse(readFileSync(join(pages, p, 'expected-metadata.json'), 'utf8')) as { title?: string }).title ?? '')
    .filter((t) => t.length > 3);
  const paragraphs = readFileSync(SEED, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 80);
  return { titles: [...titles, 'Pier closed', 'Ferry back', 'Rain'], paragraphs };
}

async function buildLibrary(dataDir: string): Promise<void> {
  const { titles, paragraphs } = corpusText();
  const library = await openLibrary({ dir: dataDir });
  try {
    for (let i = 0; i < COUNT; i++) {
      const title = `${titles[i % titles.length] as string} (${i + 1})`;
      await library.add({ title, lang: 'en', dir: 'ltr', excerpt: '', source: 'text', blocks: paragraphs.slice(0, 3).map((text) => ({ type: 'paragraph' as const, text })) });
    }
    library.updateSettings({ refreshMinutes: 0 });
  } finally {
    await library.close();
  }
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Rendered rows' boxes and their content's height. */
function rowBoxes(page: Page): Promise<{ top: number; bottom: number; content: number; lines: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article-row"]'))
      .map((row) => {
        const r = row.getBoundingClientRect();
        const main = row.querySelector<HTMLElement>('[data-row-button]') as HTMLElement;
        const title = row.querySelector<HTMLElement>('.row-title') as HTMLElement;
        const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
        return { top: r.top, bottom: r.bottom, content: main.getBoundingClientRect().height, lines: Math.round(title.getBoundingClientRect().height / lineHeight) };
      })
      .sort((a, b) => a.top - b.top),
  );
}

test.describe.configure({ mode: 'serial' });
let dataDir: string;
let app: OpenApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(join(tmpdir(), 'kabar-reading-walk-'));
  await buildLibrary(dataDir);
  app = await openApp({ dataDir });
});
test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  await rm(dataDir, { recursive: true, force: true });
});

test('j with the focus in the reader opens the next article across the unloaded page, and the list follows', async () => {
  test.setTimeout(120_000);
  const { page, set } = app;
  const ids = (await set.handlers['library:list']({ sort: 'savedAt', offset: 0, limit: COUNT })).items.map((m) => m.id);
  const openId = () => page.getByTestId('reader').getAttribute('data-article-id');
  await page.getByTestId('article-row').first().locator('[data-row-button]').click();
  await expect.poll(openId).toBe(ids[0]);
  // The keyboard in the reader, as after clicking into the text.
  await page.getByTestId('reader-body').locator('p').first().click();
  for (let i = 1; i <= 102; i++) {
    await page.keyboard.press('j');
    // Every step opens its article (waited for at the page boundary and at the end only, to keep it quick).
    if (i === 99 || i === 100 || i === 101 || i === 102) await expect.poll(openId).toBe(ids[i]);
  }
  const focusInList = await page.evaluate(() => Boolean(document.getElementById('list-pane')?.contains(document.activeElement)));
  expect(focusInList).toBe(false);
  const row = page.locator(`[data-testid="article-row"][data-id="${ids[102] as string}"]`);
  await expect(row).toHaveClass(/is-selected/);
  await expect(row).toHaveClass(/is-current/);
  const [rowBox, listBox] = await Promise.all([row.boundingBox(), page.getByTestId('article-list-scroll').boundingBox()]);
  expect(rowBox && listBox).toBeTruthy();
  expect((rowBox?.y ?? 0) >= (listBox?.y ?? 0) - 1 && (rowBox?.y ?? 0) + (rowBox?.height ?? 0) <= (listBox?.y ?? 0) + (listBox?.height ?? 0) + 1).toBe(true);
  await page.keyboard.press('k');
  await expect.poll(openId).toBe(ids[101]);
});

test('list rows fit their content, one to three lines, with no gaps, at every size', async () => {
  const { page } = app;
  await page.evaluate(() => document.getElementById('list-pane')?.querySelector('.list-scroll')?.scrollTo({ top: 0 }));
  for (const size of [{ width: 800, height: 600 }, { width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await settle(page);
    // Below 800 px the list and the reader share one column: go back to the list.
    const back = page.getByRole('button', { name: 'Back to the list' });
    if (await back.isVisible().catch(() => false)) await back.click();
    await settle(page);
    const rows = await rowBoxes(page);
    expect(rows.length, `${size.width}`).toBeGreaterThan(3);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as (typeof rows)[number];
      // The row is its content plus its 1px border: no blank band under a short title.
      expect(r.bottom - r.top - r.content, `${size.width}: row ${i} slack`).toBeLessThanOrEqual(2);
      const next = rows[i + 1];
      if (next) expect(Math.abs(next.top - r.bottom), `${size.width}: gap after row ${i}`).toBeLessThanOrEqual(1);
    }
    const lines = new Set(rows.map((r) => r.lines));
    expect(Math.min(...lines), `${size.width}: a one-line title`).toBe(1);
    if (size.width <= 1280) expect(Math.max(...lines), `${size.width}: a title on more lines`).toBeGreaterThanOrEqual(2);
    expect(Math.max(...lines)).toBeLessThanOrEqual(3);
  }
  for (const theme of ['light', 'dark'] as const) {
    for (const size of [{ width: 800, height: 600 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `list-${theme}-${size.width}x${size.height}.png`) });
    }
    expect(await scanAccessibility(page), `${theme}: axe`).toEqual([]);
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
});

test('a feed that failed names its error in its dialog (404 and a cut-off file from a real server)', async () => {
  const server: TestServer = await startServer();
  try {
    server.routes.set('/cut.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"></rss'));
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline text="Cut feed" xmlUrl="${server.url}/cut.xml"/><outline text="Gone feed" xmlUrl="${server.url}/gone.xml"/>
      <outline xmlUrl="${server.url}/news/regional/south-east-asia/indonesia/central-java/semarang/politics-and-government/feed.xml"/></body></opml>`;
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    const file = join(dataDir, '..', `${dataDir.split('/').pop() as string}-feeds.opml`);
    writeFileSync(file, opml);
    // Through the app, as a person would: Import OPML, then the imported feeds refresh at once.
    app.host.nextChosenFile = file;
    await page.getByTestId('feeds-import-opml').click();
    await expect(page.getByTestId('feeds-status')).toContainText('OPML import: 3 new feeds');
    await expect(page.getByTestId('feed-problems')).toContainText('Problems (3)', { timeout: 30_000 });
    // Walk item 8: a feed named by its long address does not push the sidebar sideways.
    await page.getByTestId('feed-problems').getByRole('button').first().click();
    const sidebar = await page.evaluate(() => {
      const side = document.querySelector('.sidebar') as HTMLElement;
      const box = side.getBoundingClientRect();
      // Every feed name (in the tree and in Problems) stays inside the sidebar's box, not cut at its edge.
      const cut = Array.from(side.querySelectorAll<HTMLElement>('.problem-feed')).filter((b) => b.getBoundingClientRect().right > box.right + 1 || b.scrollWidth > b.clientWidth + 1);
      return { scroll: side.scrollWidth, client: side.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth, cut: cut.map((b) => b.textContent) };
    });
    expect(sidebar.cut).toEqual([]);
    expect(sidebar.scroll, JSON.stringify(sidebar)).toBeLessThanOrEqual(sidebar.client + 1);
    expect(sidebar.page).toBeLessThanOrEqual(0);
    const problems = page.getByTestId('feed-problems');
    await problems.getByRole('button', { name: 'Gone feed' }).click();
    const dialog = page.getByTestId('feed-dialog');
    await expect(dialog.getByTestId('feed-last-error')).toHaveText('The last update failed: The website answered with error 404. Check the address, or try again later.');
    await expect(dialog.getByText('Not updated yet.')).toHaveCount(0);
    await page.screenshot({ path: join(SHOTS, 'feed-dialog-404-light-1280x800.png') });
    await page.keyboard.press('Escape');
    await problems.getByRole('button', { name: 'Cut feed' }).click();
    await expect(dialog.getByTestId('feed-last-error')).toContainText("This feed's file stops in the middle");
    for (const [theme, size] of [['dark', { width: 800, height: 600 }], ['light', { width: 800, height: 600 }]] as const) {
      await page.setViewportSize(size);
      await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `feed-dialog-cut-${theme}-${size.width}x${size.height}.png`) });
    }
    expect(await scanAccessibility(page), 'feed dialog: axe').toEqual([]);
    await page.keyboard.press('Escape');
  } finally {
    await server.close();
  }
});

/** Tabs through the window to its last stop (the one before focus wraps) and checks its ring is drawn and not clipped. */
async function lastStopRing(page: Page): Promise<{ ok: boolean; why: string }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      el.dataset.tabProbe ??= String(Math.random());
      return el.dataset.tabProbe;
    });
    if (key && stops.includes(key)) break;
    stops.push(key);
  }
  const last = stops.filter(Boolean).at(-1) as string;
  // From the first stop back onto the last (past the document itself, which takes a stop between them).
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    if (await page.evaluate(() => document.activeElement !== document.body)) break;
  }
  return page.evaluate((probe) => {
    const el = document.activeElement as HTMLElement;
    if (el.dataset.tabProbe !== probe) return { ok: false, why: `focus is on ${el.outerHTML.slice(0, 80)}` };
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth);
    const r = el.getBoundingClientRect();
    const pad = width + parseFloat(style.outlineOffset || '0');
    // Every clipping ancestor must show the whole ring (an overflow box cutting it off hides it).
    for (let p = el.parentElement; p; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (ps.overflowX === 'visible' && ps.overflowY === 'visible') continue;
      const c = p.getBoundingClientRect();
      if (r.top - pad < c.top - 0.5 || r.bottom + pad > c.bottom + 0.5 || r.left - pad < c.left - 0.5 || r.right + pad > c.right + 0.5) {
        return { ok: false, why: `ring of ${el.textContent?.trim()} clipped by ${p.className || p.tagName}` };
      }
    }
    return { ok: style.outlineStyle !== 'none' && width >= 2, why: `${style.outlineStyle} ${style.outlineWidth} on ${el.textContent?.trim()}` };
  }, last);
}

test("the welcome screen's last Tab stop shows a focus ring, in light, dark and Arabic, at every size", async () => {
  test.setTimeout(180_000);
  for (const [locale, theme] of [['en', 'light'], ['en', 'dark'], ['ar', 'light']] as const) {
    const empty = await mkdtemp(join(tmpdir(), 'kabar-welcome-'));
    const fresh = await openApp({ dataDir: empty, locale, viewport: { width: 800, height: 600 } });
    try {
      const { page } = fresh;
      // The theme follows the system (the default setting): ask the browser for dark.
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByTestId('welcome')).toBeVisible();
      for (const size of [{ width: 800, height: 600 }, { width: 1024, height: 700 }, { width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 700, height: 500 }]) {
        await page.setViewportSize(size);
        await settle(page);
        const ring = await lastStopRing(page);
        expect(ring.ok, `${locale} ${theme} ${size.width}×${size.height}: ${ring.why}`).toBe(true);
        if (size.width === 800 || size.width === 1280) await page.screenshot({ path: join(SHOTS, `welcome-last-tab-${locale}-${theme}-${size.width}x${size.height}.png`) });
      }
    } finally {
      await fresh.close();
      await rm(empty, { recursive: true, force: true });
    }
  }
});

test('under an Arabic interface: rows fit, an English article’s meta line starts at its left edge, address boxes are dir=auto, placeholders look unlike typed text', async () => {
  const ar = await openApp({ dataDir, locale: 'ar', viewport: { width: 1280, height: 800 } });
  try {
    const { page } = ar;
    await page.getByTestId('article-row').first().waitFor();
    for (const size of [{ width: 800, height: 600 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await settle(page);
      const rows = await rowBoxes(page);
      for (let i = 0; i + 1 < rows.length; i++) expect(Math.abs((rows[i + 1]?.top ?? 0) - (rows[i]?.bottom ?? 0)), `ar ${size.width}: gap after row ${i}`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(SHOTS, `list-ar-light-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('article-row').first().locator('[data-row-button]').click();
    await page.getByTestId('reader-body').locator('p').first().waitFor();
    const edges = await page.evaluate(() => {
      const title = document.querySelector('[data-testid="reader-title"]')?.getBoundingClientRect();
      // The line's left edge: its leftmost item (in an RTL line the first item is the rightmost).
      const lefts = Array.from(document.querySelectorAll('.reader-meta > *')).map((el) => el.getBoundingClientRect().left);
      return { title: title?.left ?? -1, meta: lefts.length ? Math.min(...lefts) : -1, dir: document.querySelector('.reader-meta')?.getAttribute('data-article-dir') };
    });
    expect(edges.dir).toBe('ltr');
    expect(Math.abs(edges.meta - edges.title), 'meta line starts where the LTR title starts').toBeLessThanOrEqual(12);
    await page.screenshot({ path: join(SHOTS, 'reader-ar-ltr-article-1280x800.png') });
    // The search box: its placeholder is not drawn like typed text.
    const colors = await page.evaluate(() => {
      const input = document.querySelector('[data-testid="search-input"]') as HTMLInputElement;
      return { text: getComputedStyle(input).color, placeholder: getComputedStyle(input, '::placeholder').color, style: getComputedStyle(input, '::placeholder').fontStyle };
    });
    expect(colors.placeholder !== colors.text || colors.style === 'italic', JSON.stringify(colors)).toBe(true);
    // The Add box takes addresses left to right even in Arabic.
    await page.getByRole('button', { name: /إضافة/ }).first().click();
    await expect(page.locator('[role="dialog"] textarea').first()).toHaveAttribute('dir', 'auto');
    await page.keyboard.press('Escape');
  } finally {
    await ar.close();
  }
});
