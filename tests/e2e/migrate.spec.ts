/**
 * Import from another app and Export in the browser tier over the real core: the corpus's wallabag
 * export chosen in the dialog (n of m, the summary, the articles in the list with their tags), a
 * damaged file (translated error, library unchanged), an export file dropped on the window, and
 * Export to EPUB and wallabag JSON (files on disk; cancel writes nothing). axe in light and dark;
 * screenshots (light, dark, Arabic at 800×600 and 1280×800) in /tmp/shots-import/ for a person.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeBrowser, openApp, ROOT, type OpenApp } from './harness';
import { CORPUS, scanAccessibility } from './support';

const SAMPLES = join(CORPUS, 'imports', 'wallabag');
const LOCALES = join(ROOT, 'renderer/src/i18n/locales');
const SHOTS = process.env.KABAR_SHOTS ?? '/tmp/shots-import';
const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
];
const dirs: string[] = [];
/** Entries of the generated export: more than one batch (1,000), so the dialog shows a count before the end. */
const BIG = 1500;

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The app over an empty library; link fetches fail at once (no network is needed by these tests). */
async function open(locale = 'en-US'): Promise<OpenApp> {
  return openApp({ dataDir: await temp('kabar-migrate-e2e-'), locale, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
}

/** Screenshots of what is shown now, light and dark, at both sizes. */
async function shots(page: Page, name: string, themes: readonly string[] = ['light', 'dark']): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const theme of themes) {
    await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: join(SHOTS, `${name}-${theme}-${size.width}x${size.height}.png`) });
    }
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

/** axe finds nothing in light and in dark. */
async function axeBothThemes(page: Page): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
    expect(await scanAccessibility(page), theme).toEqual([]);
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

async function openMigrate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Import from another app…' }).click();
  await expect(page.getByTestId('migrate-dialog')).toBeVisible();
}

/** A wallabag v2 export of `count` link entries (no content: saved at once as links), written in a temp folder. */
async function bigWallabag(count: number): Promise<string> {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    title: `Saved story ${i + 1}`,
    url: `https://news.example/story/${i + 1}`,
    is_archived: i % 3 === 0 ? 1 : 0,
    is_starred: 0,
    content: '',
    // Older than every corpus entry, so the corpus's articles head the list (newest first).
    created_at: '2001-05-01T10:00:00+0000',
    tags: ['bulk'],
  }));
  const path = join(await temp('kabar-migrate-big-'), 'wallabag-big.json');
  await writeFile(path, JSON.stringify(entries));
  return path;
}

test.afterAll(async () => {
  await closeBrowser();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

test('imports the corpus wallabag export through the dialog: n of m, the summary, the articles with their tags', async () => {
  // 1,500 entries, axe twice and four screenshots: ~50 s on a quiet machine, more on a busy one.
  test.setTimeout(240_000);
  const app = await open();
  try {
    const { page, host } = app;
    await openMigrate(page);
    // Every "n of m" the dialog shows is recorded as it appears.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="migrate-dialog"] .import-progress span')?.textContent;
        if (text && !seen.includes(text)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    host.nextChosenFile = await bigWallabag(BIG);
    await page.getByRole('button', { name: 'Choose an export file…' }).click();
    await expect(page.getByTestId('migrate-summary')).toContainText(`Imported ${BIG.toLocaleString('en')}, already there 0, links waiting for their page ${BIG.toLocaleString('en')}, failed 0.`);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((s) => s.endsWith(` of ${BIG.toLocaleString('en')}`) && !s.startsWith(BIG.toLocaleString('en'))), seen.join(' | ')).toBe(true);

    host.nextChosenFile = join(SAMPLES, 'wallabag-v2.json');
    await page.getByRole('button', { name: 'Choose an export file…' }).click();
    await expect(page.getByTestId('migrate-summary')).toContainText('Imported 6, already there 0, links waiting for their page 0, failed 0.');
    await axeBothThemes(page);
    await shots(page, 'migrate-summary');
    await page.getByTestId('migrate-dialog').getByRole('button', { name: 'Close dialog' }).click();
    await expect(page.getByTestId('migrate-dialog')).toHaveCount(0);

    const mediapart = page.getByTestId('article-row').filter({ hasText: 'Site d’information français' }).or(page.getByTestId('article-row').filter({ hasText: "Site d'information français" }));
    await expect(mediapart).toHaveCount(1);
    await expect(mediapart.locator('.row-tags')).toContainText('mediapart');
    await expect(mediapart.locator('.row-tags')).toContainText('blog');
    await expect(page.getByTestId('article-row').filter({ hasText: 'Mass Surveillance As Art' })).toHaveCount(1);
    // Its text came with it: the article opens with paragraphs, no fetch needed.
    await page.getByTestId('article-row').filter({ hasText: 'Mass Surveillance As Art' }).locator('[data-row-button]').click();
    await expect(page.getByTestId('reader-body').locator('p').first()).toBeVisible();
    const total = (await app.set.handlers['library:list']({})).total;
    expect(total).toBe(BIG + 6);
  } finally {
    await app.close();
  }
});

test('a damaged export shows its translated error and changes nothing', async () => {
  const app = await open();
  try {
    const { page, host } = app;
    await app.set.handlers['import:paths']([join(CORPUS, 'seed', 'diplomasi-bayangan.txt')], []);
    await page.reload();
    const before = (await app.set.handlers['library:list']({})).total;
    await openMigrate(page);
    const broken = join(await temp('kabar-migrate-broken-'), 'wallabag.json');
    await writeFile(broken, '[{"is_archived": 1, "title": "Half a file", "url": "https://a.example/x", "tags": [');
    host.nextChosenFile = broken;
    await page.getByRole('button', { name: 'Choose an export file…' }).click();
    const alert = page.getByTestId('migrate-dialog').getByRole('alert');
    // The locale's sentence (errors.IMPORT_MALFORMED), not the core's English log line.
    await expect(alert).toContainText('file is damaged and cannot be read. Nothing was imported. Export it again from the other app.');
    expect((await app.set.handlers['library:list']({})).total).toBe(before);
    await axeBothThemes(page);
    await shots(page, 'migrate-error', ['light']);
  } finally {
    await app.close();
  }
});

test('an export file dropped on the window opens Import from another app and imports it; a dropped page is an article', async () => {
  const app = await open();
  try {
    const { page } = app;
    const csv = readFileSync(join(SAMPLES, 'pocket.csv'), 'utf8');
    const drop = (name: string, content: string): Promise<void> =>
      page.evaluate(
        ([n, c]) => {
          const data = new DataTransfer();
          data.items.add(new File([c], n));
          for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        [name, content] as const,
      );
    // The window listens for drops once it has rendered.
    await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeVisible();
    // While a file is dragged over the window, the overlay says exports are welcome too.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'pocket.csv'));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect(page.locator('.drop-overlay')).toContainText("Or another app's export file (Pocket, wallabag, bookmarks…) to import your library");
    await shots(page, 'drop-overlay');
    await drop('pocket.csv', csv);
    await expect(page.getByTestId('migrate-dialog')).toBeVisible();
    // pocket.csv holds 7 entries (titles span lines, so lines are not rows; tests/unit/migrate/corpus.test.ts reads the same).
    const rows = 7;
    await expect(page.getByTestId('migrate-summary')).toContainText(`Imported ${rows}, already there 0, links waiting for their page ${rows}, failed 0.`);
    await expect(page.getByTestId('import-dialog')).toHaveCount(0);
    await page.keyboard.press('Escape');

    const html = readFileSync(join(CORPUS, 'articles/newspaper4k/html/cnn_article.html'), 'utf8');
    await drop('cnn_article.html', html);
    await expect(page.getByTestId('import-results').locator('li[data-status="imported"]')).toHaveCount(1);
    await expect(page.getByTestId('migrate-dialog')).toHaveCount(0);
    expect((await app.set.handlers['library:list']({})).total).toBe(rows + 1);
  } finally {
    await app.close();
  }
});

test('Export: EPUB and wallabag JSON are written where chosen; cancel writes nothing', async () => {
  const app = await open();
  const out = await temp('kabar-export-e2e-');
  try {
    const { page, host } = app;
    await app.set.handlers['import:paths']([join(CORPUS, 'seed', 'diplomasi-bayangan.txt'), join(CORPUS, 'pages', 'bbc-1', 'source.html')], []);
    await page.reload();
    await page.getByTestId('settings-button').click();
    await page.getByRole('tab', { name: 'Storage & backup' }).click();
    await page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();

    host.nextChosenFile = null; // the user cancels the save dialog
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => host.fileDialogs.length).toBe(1);
    await expect(dialog.getByRole('button', { name: 'Export…' })).toBeEnabled();
    await expect(dialog.getByTestId('export-result')).toHaveCount(0);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    expect(await readdir(out)).toEqual([]);

    const epub = join(out, 'library.epub');
    host.nextChosenFile = epub;
    await dialog.getByRole('radio', { name: 'EPUB book' }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByTestId('export-result')).toContainText(`2 articles written to ${epub}`);
    // An EPUB is a ZIP whose first entry is the uncompressed `mimetype` file.
    const book = readFileSync(epub);
    expect(book.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(book.subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');

    const json = join(out, 'library.json');
    host.nextChosenFile = json;
    await dialog.getByRole('radio', { name: 'wallabag JSON (with the text)' }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByTestId('export-result')).toContainText(`2 articles written to ${json}`);
    const entries = JSON.parse(readFileSync(json, 'utf8')) as { title: string; content: string }[];
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.title && e.content.includes('<p'))).toBe(true);
    expect(existsSync(epub)).toBe(true);
    await axeBothThemes(page);
    await shots(page, 'export-done');
  } finally {
    await app.close();
  }
});

test('Arabic: the import dialog and its summary right to left, at both sizes', async () => {
  const app = await open('ar');
  try {
    const { page, host } = app;
    const ar = JSON.parse(readFileSync(join(LOCALES, 'ar.json'), 'utf8')) as { toolbar: { add: string }; migrate: { open: string; choose: string } };
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: ar.toolbar.add, exact: true }).click();
    await page.getByRole('button', { name: ar.migrate.open }).click();
    host.nextChosenFile = join(SAMPLES, 'wallabag-v2.json');
    await page.getByRole('button', { name: ar.migrate.choose }).click();
    await expect(page.getByTestId('migrate-summary')).toContainText(/استُورد 6/);
    await shots(page, 'migrate-summary-ar', ['light']);
  } finally {
    await app.close();
  }
});
