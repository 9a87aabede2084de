/**
 * Highlights and notes in the browser harness with REAL mouse selections (move, press, drag,
 * release) over the rendered article: the original (colour popover, `h`, notes, delete and Ctrl+Z,
 * the article note), the Highlights view and the search box's group and smart views; the bilingual
 * and translated views over a real Apertium translation (both sides); right-to-left Arabic. Each
 * survives a restart (a new harness over the same data folder), re-importing the article, and a
 * backup and restore. axe-clean in light, dark and sepia. Screenshots go to /tmp/shots-marks3/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createBackup, restoreBackup } from '../../main/core/export';
import { findExecutable } from '../../main/core/translate/apertium';
import { closeBrowser, openApp, type OpenApp } from './harness';
import { highlightWith, mouseSelect, settle, shownMarks } from './marks-support';
import { CORPUS, SEED, scanAccessibility } from './support';

const APERTIUM = findExecutable('apertium', process.env);
const ARABIC = join(CORPUS, 'articles', 'newspaper4k', 'html', 'arabic_article.html');
const SHOTS = process.env.KABAR_MARKS_SHOTS ?? '/tmp/shots-marks3';
const dirs: string[] = [];
let app: OpenApp | null = null;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-marks-e2e-'));
  dirs.push(dir);
  return dir;
}

async function reopen(dataDir: string, locale = 'en-US', viewport?: { width: number; height: number }): Promise<OpenApp> {
  await app?.close();
  app = await openApp({ dataDir, locale, ...(viewport ? { viewport } : {}) });
  return app;
}

async function openRow(page: Page, title: RegExp): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: title }).first().locator('[data-row-button]').click();
  await expect(page.getByTestId('reader-title')).toContainText(title);
}

const block = (page: Page, text: string, side: 'original' | 'translation' = 'original') =>
  page.getByTestId('reader-body').locator(`[data-block][data-side="${side}"]`, { hasText: text }).first();

/** The article's marks once it holds `n` highlights (a change lands a moment after the click). */
async function marksWhen(set: OpenApp['set'], id: string, n: number) {
  await expect.poll(async () => (await set.handlers['marks:get'](id)).highlights.length).toBe(n);
  return set.handlers['marks:get'](id);
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function themes(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
    expect(await scanAccessibility(page), `${name} ${theme}: axe`).toEqual([]);
    await shot(page, `${name}-${theme}`);
  }
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}

test('original view: popover colours, h, notes, undo; Highlights view, search group, smart views; restart, re-import, backup and restore', async () => {
  const dataDir = await freshDir();
  const { page, set } = await reopen(dataDir);
  const imported = await set.handlers['import:paths']([SEED], []);
  const id = (imported.results[0] as { id: string }).id;
  await page.reload();
  await openRow(page, /Diplomasi/);

  // A real drag over "Sir Richard Moore", then Green in the popover.
  const selected = await highlightWith(page, block(page, 'Sir Richard Moore'), 'Sir Richard Moore', 'Green');
  expect(selected).toBe('Sir Richard Moore');
  let marks = await marksWhen(set, id, 1);
  const moore = marks.highlights[0]!;
  expect(moore.quote.exact).toBe('Sir Richard Moore');
  expect(moore.color).toBe('green');
  expect(moore.lang).toBeUndefined();
  await expect(page.locator(`mark[data-hl="${moore.id}"]`)).toHaveText('Sir Richard Moore');
  await expect(page.locator(`mark[data-hl="${moore.id}"]`)).toHaveClass(/hl-green/);

  // `h` highlights the next selection with the last colour.
  await mouseSelect(page, block(page, 'raja mata-mata'), 'raja mata-mata');
  await page.keyboard.press('h');
  await expect.poll(async () => (await set.handlers['marks:get'](id)).highlights.length).toBe(2);
  marks = await set.handlers['marks:get'](id);
  const spies = marks.highlights.find((h) => h.id !== moore.id)!;
  expect(spies.quote.exact).toBe('raja mata-mata');
  expect(spies.color).toBe('green');

  // Click a highlight: its popover changes the colour and adds a note.
  await page.locator(`mark[data-hl="${moore.id}"]`).click();
  const popover = page.getByTestId('mark-popover');
  await expect(popover).toHaveAttribute('aria-label', 'Edit the highlight');
  await expect(popover.getByRole('button', { name: 'Green', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await popover.getByRole('button', { name: 'Add note' }).click();
  await popover.getByLabel('Note').fill('Head of MI6 called his Russian counterpart.');
  await themes(page, 'original-popover-edit');
  await popover.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(async () => (await set.handlers['marks:get'](id)).highlights.find((h) => h.id === moore.id)?.note).toBe('Head of MI6 called his Russian counterpart.');
  await page.locator(`mark[data-hl="${moore.id}"]`).click();
  await popover.getByRole('button', { name: 'Blue', exact: true }).click();
  await expect(page.locator(`mark[data-hl="${moore.id}"]`)).toHaveClass(/hl-blue/);

  // Delete, then Ctrl+Z brings it back (same id, same place).
  await page.locator(`mark[data-hl="${spies.id}"]`).click();
  await popover.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(page.locator(`mark[data-hl="${spies.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toContainText('Highlight deleted');
  await page.getByTestId('reader-body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator(`mark[data-hl="${spies.id}"]`)).toHaveText('raja mata-mata');

  // A note on the whole article.
  await page.getByTestId('article-note-add').click();
  await page.getByLabel('Note on this article').fill('Back-channel diplomacy.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByTestId('article-note')).toContainText('Back-channel diplomacy.');
  expect((await set.handlers['marks:get'](id)).note?.text).toBe('Back-channel diplomacy.');

  // A new selection's popover, for the screenshots and axe.
  await mouseSelect(page, block(page, 'Naryshkin dinilai'), 'Naryshkin dinilai');
  await expect(popover).toHaveAttribute('aria-label', 'Highlight the selection');
  // Keyboard: Tab reaches the swatches at once.
  await page.keyboard.press('Tab');
  await expect(popover.getByRole('button', { name: 'Yellow', exact: true })).toBeFocused();
  await themes(page, 'original-popover-new');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  // The undo toast sits over the lower middle of a small window: out of the way of the drag.
  await page.locator('.toast-close').click();
  await page.setViewportSize({ width: 800, height: 600 });
  await mouseSelect(page, block(page, 'meminimalisir risiko'), 'meminimalisir risiko');
  await expect(popover).toBeVisible();
  await shot(page, 'original-popover-new-800x600');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Escape');

  // The Highlights view: newest first; filter by colour; an entry opens the article with a flash.
  await page.getByTestId('side-highlights').click();
  const entries = page.getByTestId('highlight-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('raja mata-mata');
  await page.getByTestId('highlights-view').getByLabel('Colour').selectOption('blue');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Head of MI6');
  await themes(page, 'highlights-view');
  await page.setViewportSize({ width: 800, height: 600 });
  await shot(page, 'highlights-view-800x600');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'All' }).first().click();
  await page.getByTestId('side-highlights').click();
  await entries.first().click();
  await expect(page.locator(`mark[data-hl="${moore.id}"].hl-flash`)).toHaveCount(1);
  await expect(page.locator('mark.hl-flash')).toHaveCount(0, { timeout: 5000 });

  // Search: the highlights group; save the search as a smart view, with its live count.
  await page.getByTestId('search-input').fill('counterpart');
  await expect(page.getByTestId('highlight-hits')).toContainText('Sir Richard Moore');
  await page.getByTestId('search-input').fill('is:highlighted');
  await page.getByTestId('save-view').click();
  await page.getByLabel('Name').fill('Marked');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('smart-view').filter({ hasText: 'Marked' })).toContainText('1');
  // A malformed query says what is wrong, in place, and saves nothing.
  await page.getByTestId('search-input').fill('is:nonsense');
  await expect(page.getByTestId('search-results')).toContainText('has a missing or wrong value');
  await page.getByTestId('save-view').click();
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'has a missing or wrong value' })).toBeVisible();
  expect((await set.handlers['views:list']()).map((v) => v.name)).toEqual(['Marked']);
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('smart-view').filter({ hasText: 'Marked' }).locator('.side-item').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  await themes(page, 'smart-views');

  // Restart: a new harness over the same data folder shows them.
  let again = await reopen(dataDir);
  await openRow(again.page, /Diplomasi/);
  expect(await shownMarks(again.page.getByTestId('reader-body'))).toEqual({
    [moore.id]: { text: 'Sir Richard Moore', classes: 'hl hl-blue hl-noted' },
    [spies.id]: { text: 'raja mata-mata', classes: 'hl hl-green' },
  });

  // Re-importing the article keeps them.
  await again.set.handlers['import:paths']([SEED], []);
  await again.page.reload();
  await openRow(again.page, /Diplomasi/);
  expect(Object.keys(await shownMarks(again.page.getByTestId('reader-body'))).sort()).toEqual([moore.id, spies.id].sort());

  // Backup, lose a highlight, restore: it is back.
  await again.close();
  app = null;
  const archive = join(await freshDir(), 'kabar-backup.tar.gz');
  await createBackup(dataDir, archive, new Date());
  again = await reopen(dataDir);
  await again.set.handlers['marks:change'](id, { op: 'delete', id: moore.id });
  await again.close();
  app = null;
  await restoreBackup(dataDir, archive, new Date());
  again = await reopen(dataDir);
  await openRow(again.page, /Diplomasi/);
  await expect(again.page.locator(`mark[data-hl="${moore.id}"]`)).toHaveText('Sir Richard Moore');
  await expect(again.page.getByTestId('article-note')).toContainText('Back-channel diplomacy.');
});

test('bilingual and translated views over a real Apertium translation: both sides, flags, jump to original, restart', async () => {
  test.skip(!APERTIUM, 'SKIPPED: the apertium command is not installed (apt-get install apertium apertium-ind-zlm)');
  const dataDir = await freshDir();
  const { page, set } = await reopen(dataDir);
  const imported = await set.handlers['import:paths']([SEED], []);
  const id = (imported.results[0] as { id: string }).id;
  await set.handlers['settings:set']({ translateTo: 'ms', readingMode: 'bilingual' });
  const translation = await set.handlers['translate:article'](id, 'ms', 'apertium');
  await page.reload();
  await openRow(page, /Diplomasi/);
  await page.getByTestId('mode-bilingual').click();

  // The original side: the paired translated block gets a side bar.
  await highlightWith(page, block(page, 'Sir Richard Moore'), 'Sir Richard Moore', 'Yellow');
  const moore = (await marksWhen(set, id, 1)).highlights[0]!;
  expect(moore.lang).toBeUndefined();
  const pair = page.getByTestId('bi-pair').filter({ has: page.locator(`mark[data-hl="${moore.id}"]`) });
  await expect(pair.locator('.bi-translation [data-block].hl-flag')).toHaveCount(1);

  // The translation side: a highlight anchored to the Malay block, with its language.
  const k = translation.blocks.findIndex((b, i) => i > moore.anchor!.block + 1 && b.text.split(' ').length > 12 && !b.failed);
  const words = translation.blocks[k]!.text.split(' ').slice(3, 6).join(' ');
  const sideBlock = page.locator(`[data-side="translation"][data-block="${k}"]`);
  expect(await highlightWith(page, sideBlock, words, 'Purple')).toBe(words);
  const onMalay = (await marksWhen(set, id, 2)).highlights.find((h) => h.lang === 'ms');
  expect(onMalay?.quote.exact).toBe(words);
  expect(onMalay?.anchor?.block).toBe(k);
  await expect(page.locator(`.bi-original [data-block="${k}"].hl-flag`)).toHaveCount(1);
  await themes(page, 'bilingual');

  // Translated: the Malay highlight in place; the block holding the original one is flagged with a jump.
  await page.getByTestId('mode-translated').click();
  await expect(page.locator(`mark[data-hl="${onMalay!.id}"]`)).toHaveText(words);
  const flagged = page.locator(`[data-side="translation"][data-block="${moore.anchor!.block}"].hl-flag`);
  await expect(flagged.getByRole('button', { name: 'Jump to original' })).toBeVisible();
  await flagged.scrollIntoViewIfNeeded();
  await themes(page, 'translated');
  // Selecting in the translated view also makes a Malay highlight.
  const k2 = translation.blocks.findIndex((b, i) => i > k && b.text.split(' ').length > 12 && !b.failed);
  const words2 = translation.blocks[k2]!.text.split(' ').slice(1, 4).join(' ');
  expect(await highlightWith(page, page.locator(`[data-side="translation"][data-block="${k2}"]`), words2, 'Pink')).toBe(words2);
  await expect.poll(async () => (await set.handlers['marks:get'](id)).highlights.filter((h) => h.lang === 'ms').length).toBe(2);
  await flagged.getByRole('button', { name: 'Jump to original' }).click();
  await expect(page.getByTestId('mode-original')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(`mark[data-hl="${moore.id}"].hl-flash`)).toHaveCount(1);

  // Restart: the Malay highlights show again with the stored translation.
  const again = await reopen(dataDir);
  await openRow(again.page, /Diplomasi/);
  await again.page.getByTestId('mode-translated').click();
  await expect(again.page.locator(`mark[data-hl="${onMalay!.id}"]`)).toHaveText(words);
});

test('right-to-left Arabic: a mouse selection becomes the right highlight, in an Arabic interface too, and survives a restart', async () => {
  const dataDir = await freshDir();
  const { page, set } = await reopen(dataDir);
  const imported = await set.handlers['import:paths']([ARABIC], []);
  const id = (imported.results[0] as { id: string }).id;
  const article = await set.handlers['article:get'](id);
  expect(article.dir).toBe('rtl');
  await page.reload();
  await page.getByTestId('article-row').first().locator('[data-row-button]').click();
  const phrase = 'فصائل مسلحة معارضة';
  const selected = await highlightWith(page, block(page, phrase), phrase, 'Pink');
  expect(selected).toBe(phrase);
  const h = (await marksWhen(set, id, 1)).highlights[0]!;
  expect(h.quote.exact).toBe(phrase);
  expect(article.blocks[h.anchor!.block]!.text.slice(h.anchor!.start, h.anchor!.end)).toBe(phrase);

  const again = await reopen(dataDir, 'ar');
  await again.page.getByTestId('article-row').first().locator('[data-row-button]').click();
  await expect(again.page.locator(`mark[data-hl="${h.id}"]`)).toHaveText(phrase);
  await again.page.locator(`mark[data-hl="${h.id}"]`).click();
  await expect(again.page.getByTestId('mark-popover')).toBeVisible();
  await themes(again.page, 'arabic-popover');
  await again.page.keyboard.press('Escape');
  await again.page.getByTestId('side-highlights').click();
  await themes(again.page, 'arabic-highlights-view');
  for (const size of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
  ]) {
    await again.page.setViewportSize(size);
    await shot(again.page, `arabic-${size.width}x${size.height}`);
  }
});
