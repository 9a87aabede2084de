/**
 * Settings in sections (issue 11, walk item 6) in the browser tier, over the real core: for every
 * interface language at 800×600 and 1280×800, every section is reachable from its tab and nothing
 * overflows the window or its panel; the nav is a column on wide windows and a row of tabs on
 * narrow ones; arrow keys move between sections (mirrored in Arabic); the last section is
 * remembered; axe is clean in light and dark. Then Settings → Rules (issue 13) with the seed:
 * add, Test, a malformed query's inline error, apply to existing articles. Screenshots go to
 * /tmp/shots-settings for a person to look at.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closeBrowser, openApp } from './harness';
import { LOCALES, seedLibrary } from './layout-support';
import { measureSettings, shot } from './settings-support';
import { scanAccessibility } from './support';

test.afterAll(async () => {
  await closeBrowser();
});

const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
] as const;

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Sets the theme the way the app does (data-theme on <html>). */
async function theme(page: Page, name: 'light' | 'dark'): Promise<void> {
  await page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), name);
}

for (const locale of LOCALES) {
  test(`${locale}: every section fits at 800×600 and 1280×800, is reachable, and passes axe`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kabar-settings-'));
    const app = await openApp({ dataDir, locale, viewport: SIZES[1] });
    try {
      const { page } = app;
      await seedLibrary(app.set);
      await page.reload();
      await page.getByTestId('settings-button').click();
      const dialog = page.getByTestId('settings-dialog');
      await dialog.waitFor();
      const tabs = dialog.getByRole('tab');
      await expect(tabs).toHaveCount(7);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await settle(page);
        const narrow = size.width < 832;
        await expect(dialog.getByRole('tablist')).toHaveAttribute('aria-orientation', narrow ? 'horizontal' : 'vertical');
        for (let i = 0; i < 7; i++) {
          await tabs.nth(i).click();
          await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
          await settle(page);
          const facts = await measureSettings(page);
          const at = `${locale} ${size.width}×${size.height} section ${i}`;
          expect(facts.overflowX, `${at}: window overflow`).toBeLessThanOrEqual(0);
          expect(facts.panelOverflowX, `${at}: panel overflow`).toBeLessThanOrEqual(0);
          expect(facts.dialogInside, `${at}: dialog inside the window`).toBe(true);
          expect(facts.tabsOutside, `${at}: tabs outside`).toEqual([]);
          expect(facts.controlsOutside, `${at}: controls outside the panel`).toEqual([]);
        }
      }
      // Axe: every section in light and dark at 1280×800 (English and Arabic), the General section elsewhere.
      const sections = locale === 'en' || locale === 'ar' ? 7 : 1;
      for (const th of ['light', 'dark'] as const) {
        await theme(page, th);
        for (let i = 0; i < sections; i++) {
          await tabs.nth(i).click();
          expect(await scanAccessibility(page), `${locale} ${th} section ${i}: axe`).toEqual([]);
        }
      }
      // Screenshots for a person: General and Rules at both sizes (light), Language packs in dark.
      await theme(page, 'light');
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const i of [0, 4]) {
          await tabs.nth(i).click();
          await settle(page);
          await shot(page, `sections-${locale}-${size.width}x${size.height}-${i === 0 ? 'general' : 'rules'}`);
        }
      }
      await theme(page, 'dark');
      await tabs.nth(2).click();
      await settle(page);
      await shot(page, `sections-${locale}-1280x800-packs-dark`);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
}

test('keyboard: Tab reaches the current section, arrows move (mirrored in Arabic), and Settings reopens at the last section', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-settings-keys-'));
  const app = await openApp({ dataDir });
  try {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    const tabs = page.getByTestId('settings-dialog').getByRole('tab');
    // The dialog opens with the focus on the current section's tab.
    await expect(tabs.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('translation-settings')).toBeVisible();
    await page.keyboard.press('End');
    await expect(tabs.nth(6)).toBeFocused();
    // Tab leaves the tab list for the section's content (one tab stop for the whole list).
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByTestId('settings-button').click();
    await expect(tabs.nth(6)).toHaveAttribute('aria-selected', 'true');

    // Arabic: the nav is on the right, and ArrowLeft goes to the next section.
    await app.set.handlers['settings:set']({ locale: 'ar' });
    await page.reload();
    await page.getByTestId('settings-button').click();
    await tabs.nth(0).click();
    const nav = await page.getByTestId('settings-nav').boundingBox();
    const panel = await page.getByRole('tabpanel').boundingBox();
    expect((nav?.x ?? 0) > (panel?.x ?? 0)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(0)).toBeFocused();
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
