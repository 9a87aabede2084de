/**
 * Issue 11's layout in the browser tier: for every interface language, at 800×600, 1024×700,
 * 1280×800 and 1920×1080, with the seed open — nothing overflows sideways, no control sits outside
 * the window, the title starts within 200 px of the top, the first paragraph is on screen and at
 * least 260 px wide; axe is clean in light and dark. Then the panes themselves: splitters by
 * keyboard (remembered after a reload), the drawer, one column with Back, and focus mode.
 * One harness per locale; the viewport is resized, not reopened.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeBrowser, openApp } from './harness';
import { LOCALES, SIZES, measureLayout, openRow, seedLibrary } from './layout-support';
import { scanAccessibility } from './support';

test.afterAll(async () => {
  await closeBrowser();
});

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const locale of LOCALES) {
  test(`${locale}: the reader fits every window size, and passes axe in light and dark`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kabar-layout-'));
    const app = await openApp({ dataDir, locale, viewport: SIZES[2] });
    try {
      const { page } = app;
      await seedLibrary(app.set);
      await page.reload();
      await openRow(page, 'Diplomasi');
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settle(page);
        const facts = await measureLayout(page);
        const at = `${locale} ${size.width}×${size.height}`;
        expect(facts.overflowX, `${at}: horizontal overflow`).toBeLessThanOrEqual(0);
        expect(facts.outside, `${at}: controls outside the window`).toEqual([]);
        expect(facts.titleTop, `${at}: title top`).toBeGreaterThan(0);
        expect(facts.titleTop, `${at}: title top`).toBeLessThanOrEqual(200);
        expect(facts.firstParagraph, `${at}: first paragraph`).not.toBeNull();
        const p = facts.firstParagraph as NonNullable<typeof facts.firstParagraph>;
        expect(p.width, `${at}: first paragraph width`).toBeGreaterThanOrEqual(260);
        expect(p.top, `${at}: first paragraph starts on screen`).toBeLessThan(size.height);
        // "Visible without scrolling": at least its first line shows.
        expect(p.top + 24, `${at}: first paragraph's first line on screen`).toBeLessThanOrEqual(size.height);
      }
      await page.setViewportSize(SIZES[2]);
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
        expect(await scanAccessibility(page), `${locale} ${theme}: axe`).toEqual([]);
      }
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

test('panes: splitters resize by keyboard and are remembered; drawer, one column with Back, focus mode', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-panes-'));
  const app = await openApp({ dataDir, viewport: SIZES[2] });
  try {
    const { page } = app;
    await seedLibrary(app.set);
    await page.reload();
    await openRow(page, 'Diplomasi');
    const list = page.locator('#list-pane');
    const before = (await list.boundingBox())?.width ?? 0;
    const splitter = page.getByRole('separator', { name: 'Resize the article list' });
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await list.boundingBox())?.width ?? 0).toBe(before + 32);
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(before + 32)));
    await page.reload();
    await expect.poll(async () => (await page.locator('#list-pane').boundingBox())?.width ?? 0).toBe(before + 32);
    await openRow(page, 'Diplomasi');

    // Drag the sidebar's splitter 40 px wider.
    const side = page.getByRole('separator', { name: 'Resize the library panel' });
    const box = (await side.boundingBox()) as NonNullable<Awaited<ReturnType<typeof side.boundingBox>>>;
    const sideBefore = Number(await side.getAttribute('aria-valuenow'));
    await page.mouse.move(box.x + 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + 42, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect(side).toHaveAttribute('aria-valuenow', String(sideBefore + 40));

    // Focus mode hides the sidebar and the list; F again (or Escape) brings them back.
    await page.getByTestId('reader-body').click();
    await page.keyboard.press('f');
    await expect(page.getByTestId('sidebar')).toBeHidden();
    await expect(list).toBeHidden();
    await expect(page.getByTestId('reader-title')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(list).toBeVisible();

    // Below 1,100 px: the sidebar is a drawer, opened by its button or S, closed by Escape.
    await page.setViewportSize({ width: 1000, height: 700 });
    await expect(page.getByTestId('sidebar')).toBeHidden();
    const toggle = page.getByTestId('drawer-toggle');
    await toggle.click();
    await expect(page.getByTestId('sidebar')).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.getByTestId('sidebar').getByRole('button', { name: /Unread/ }).first().press('Escape');
    await expect(page.getByTestId('sidebar')).toBeHidden();
    await page.getByTestId('reader-body').click();
    await page.keyboard.press('s');
    await expect(page.getByTestId('sidebar')).toBeVisible();
    // Choosing a view closes the drawer.
    await page.getByTestId('sidebar').getByRole('button', { name: /All articles/ }).click();
    await expect(page.getByTestId('sidebar')).toBeHidden();

    // Below 800 px: one column. Opening an article shows the reader with Back; Back shows the list.
    await page.setViewportSize({ width: 700, height: 600 });
    await expect(list).toBeVisible();
    await expect(page.locator('#reader-pane')).toBeHidden();
    await openRow(page, 'Obama');
    await expect(list).toBeHidden();
    const facts = await measureLayout(page);
    expect(facts.overflowX).toBeLessThanOrEqual(0);
    expect(facts.titleTop).toBeLessThanOrEqual(200);
    expect(facts.firstParagraph?.width ?? 0).toBeGreaterThanOrEqual(260);
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect(list).toBeVisible();
    await expect(page.locator('#reader-pane')).toBeHidden();
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
