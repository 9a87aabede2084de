/**
 * Settings → Rules (issue 13) in the browser tier over the real core, with the seed (Indonesian)
 * and a BBC page (English) imported from the corpus: a malformed query shows its translated
 * QUERY_* error under the field; Test counts over the library; the rule is added, moved, and
 * applied to the existing articles with the count changed; the library has the tag. Axe in light
 * and dark; screenshots in English and Arabic.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowser, openApp } from './harness';
import { seedLibrary } from './layout-support';
import { shot } from './settings-support';
import { scanAccessibility } from './support';

test.afterAll(async () => {
  await closeBrowser();
});

test('rules: inline query error, Test, add, reorder, apply to existing articles; axe light and dark', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-rules-'));
  const app = await openApp({ dataDir });
  try {
    const { page } = app;
    await seedLibrary(app.set);
    await page.reload();
    await page.getByTestId('settings-button').click();
    await page.getByRole('tab', { name: 'Rules' }).click();
    const section = page.getByTestId('rules-settings');
    await expect(section).toContainText('No rules yet.');
    const form = section.getByTestId('rule-form');
    const query = form.getByLabel('When an article matches');

    await query.fill('lang:id before:yesterday');
    await form.getByLabel('Add tags (separated by commas)').fill('indonesia');
    await form.getByRole('button', { name: 'Test' }).click();
    await expect(form.getByTestId('rule-query-error')).toContainText('The filter "before:yesterday" has a missing or wrong value');
    await expect(query).toHaveAttribute('aria-invalid', 'true');

    await query.fill('lang:id');
    await form.getByRole('button', { name: 'Test' }).click();
    await expect(form.getByTestId('rule-test-result')).toHaveText('This rule matches 1 article.');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect(section.getByTestId('rule')).toHaveCount(1);

    await section.getByRole('button', { name: 'New rule' }).click();
    await section.getByTestId('rule-form').getByLabel('When an article matches').fill('lang:en');
    await section.getByTestId('rule-form').getByLabel('Bookmark it').check();
    await section.getByTestId('rule-form').getByRole('button', { name: 'Add rule' }).click();
    await expect(section.getByTestId('rule')).toHaveCount(2);

    // Move the second rule up with the keyboard (Alt+↑ on its row), then check the order the core keeps.
    await section.getByTestId('rule').nth(1).getByRole('button', { name: 'Test' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(section.getByTestId('rule').first()).toContainText('lang:en');
    expect((await app.set.handlers['rules:list']()).map((r) => r.query)).toEqual(['lang:en', 'lang:id']);

    await section.getByTestId('rules-apply').click();
    await expect(section.getByTestId('rules-applied')).toHaveText('2 articles changed.');
    const metas = (await app.set.handlers['library:list']({ limit: 10 })).items;
    expect(metas.find((m) => m.lang === 'id')?.tags).toContain('indonesia');
    expect(metas.find((m) => m.lang === 'en')?.bookmarked).toBe(true);

    for (const th of ['light', 'dark'] as const) {
      await page.evaluate((x) => document.documentElement.setAttribute('data-theme', x), th);
      expect(await scanAccessibility(page), `${th}: axe`).toEqual([]);
      await shot(page, `rules-en-1280x800-${th}`);
    }
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('rules in Arabic at 800×600: the list reads right to left and the error is Arabic', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-rules-ar-'));
  const app = await openApp({ dataDir, locale: 'ar', viewport: { width: 800, height: 600 } });
  try {
    const { page } = app;
    await seedLibrary(app.set);
    await app.set.handlers['rules:add']({ query: 'lang:id', actions: { addTags: ['إندونيسيا'] } });
    await app.set.handlers['rules:add']({ query: 'tag:سياسة is:unread', actions: { markRead: true, bookmark: true } });
    await page.reload();
    await page.getByTestId('settings-button').click();
    await page.getByRole('tab', { name: 'القواعد' }).click();
    const section = page.getByTestId('rules-settings');
    await expect(section.getByTestId('rule')).toHaveCount(2);
    // The query reads left to right inside the Arabic sentence: "tag:" sits left of "is:unread".
    const order = await section.getByTestId('rule').nth(1).locator('code').evaluate((code) => {
      const text = code.firstChild as Text;
      const x = (word: string): number => {
        const range = document.createRange();
        const at = (text.data ?? '').indexOf(word);
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        return range.getBoundingClientRect().left;
      };
      return { tag: x('tag:'), unread: x('is:unread') };
    });
    expect(order.tag).toBeLessThan(order.unread);
    await section.getByRole('button', { name: 'قاعدة جديدة' }).click();
    await section.getByTestId('rule-form').getByLabel('عندما تطابق المقالة').fill('lang:id OR');
    await section.getByTestId('rule-form').getByRole('button', { name: 'اختبار' }).click();
    await expect(section.getByTestId('rule-query-error')).toBeVisible();
    expect(await section.getByTestId('rule-query-error').textContent()).not.toMatch(/[A-Za-z]{6,}/);
    expect(await scanAccessibility(page)).toEqual([]);
    await shot(page, 'rules-ar-800x600');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
