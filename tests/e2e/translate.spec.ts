/**
 * Translation in the browser harness with the REAL Apertium (ind-zlm): import the seed, translate it
 * to Malay, switch Original / Translated / Bilingual (buttons and the L key), check the bilingual view
 * pairs every original block with its translation in order, then reopen the same library with no
 * engine at all (Apertium pointed at a missing binary, no Bergamot packs): the stored translation still
 * shows, and translating again says which pack is missing. Settings → Language packs installs a
 * language pack from the folder the (test-controlled) dialog returns and downloads one from a local
 * registry with a progress bar, refuses a tampered one, and removes them.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Article } from '../../preload/contract';
import { findExecutable } from '../../main/core/translate/apertium';
import { closeBrowser, openApp, type OpenApp } from './harness';
import { SEED, scanAccessibility } from './support';

const APERTIUM = findExecutable('apertium', process.env);
let dataDir: string;
let app: OpenApp | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kabar-translate-e2e-'));
});

test.afterAll(async () => {
  await app?.close();
  await closeBrowser();
  await rm(dataDir, { recursive: true, force: true });
});

/** The text of each translatable original block, in order (what the bilingual view must pair). */
function pairedBlocks(article: Article): { original: string; translated: string }[] {
  const translation = article.translations.ms;
  if (!translation) throw new Error('no Malay translation stored');
  return article.blocks.flatMap((block, i) =>
    block.type === 'image' || block.type === 'code' ? [] : [{ original: block.text, translated: (translation.blocks[i] as { text: string }).text }],
  );
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function bodyParagraphs(page: Page): Promise<string[]> {
  return (await page.getByTestId('reader-body').locator('p, h2, h3, h4, li').allTextContents()).map(squash).filter(Boolean);
}

async function openSeed(page: Page): Promise<void> {
  await page.getByTestId('article-row').first().locator('[data-row-button]').click();
  await expect(page.getByTestId('reader-title')).toContainText('Diplomasi Bayangan');
}

test('translate the seed to Malay, toggle the three views, and keep the translation with no engine', async () => {
  test.skip(!APERTIUM, 'SKIPPED: the apertium command is not installed (apt-get install apertium apertium-ind-zlm)');
  app = await openApp({ dataDir });
  const { page } = app;
  const imported = await app.set.handlers['import:paths']([SEED], []);
  const id = (imported.results[0] as { id: string }).id;
  await openSeed(page);
  const original = await app.set.handlers['article:get'](id);
  expect(original.lang).toBe('id');

  // Settings → Language packs lists the pair (engine details); Reading & translation: translate into Malay (the list then shows Malay titles too).
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Language packs' }).click();
  await expect(page.getByTestId('pair-table')).toContainText('Indonesian → Malay');
  await page.getByRole('tab', { name: 'Reading & translation' }).click();
  const settings = page.getByTestId('translation-settings');
  await settings.getByLabel('Translate articles into').selectOption('ms');
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Close dialog' }).click();

  const bar = page.getByTestId('translate-bar');
  await expect(bar.getByTestId('source-lang')).toHaveValue('id');
  await expect(bar.getByTestId('target-lang')).toHaveValue('ms');
  // Always / never translate from Indonesian live in the bar's ⋯ menu.
  await bar.getByTestId('translate-menu').click();
  await expect(bar.getByTestId('translate-menu-panel')).toContainText('Never suggest for Indonesian');
  await page.keyboard.press('Escape');
  await expect(bar.getByTestId('translate-menu-panel')).toBeHidden();
  await bar.getByTestId('translate-button').click();
  // The original stays readable while the blocks come in.
  await expect(page.getByTestId('reader-body')).toContainText('Semarang (usmnews)');
  await expect(page.getByTestId('mode-translated')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await expect(bar).toContainText(/Translated with Apertium \(ind-zlm\)/);

  const stored = await app.set.handlers['article:get'](id);
  const translation = stored.translations.ms;
  expect(translation?.engine).toBe('apertium');
  expect(translation?.blocks).toHaveLength(original.blocks.length);
  const pairs = pairedBlocks(stored);
  expect(pairs.length).toBeGreaterThan(10);
  expect(pairs.filter((p) => p.original !== p.translated).length, 'Apertium changed most blocks').toBeGreaterThan(pairs.length / 2);

  // Translated: the title and every block are the stored translation.
  await expect(page.getByTestId('reader-title')).toHaveText(translation?.title ?? '');
  await expect(page.getByTestId('reader')).toHaveAttribute('lang', 'ms');
  expect(await bodyParagraphs(page)).toEqual(pairs.map((p) => squash(p.translated)));
  await expect(page.getByTestId('article-row').first().locator('[data-translated]')).toHaveText(translation?.title ?? '');

  // Original.
  await page.getByTestId('mode-original').click();
  await expect(page.getByTestId('reader-title')).toHaveText(original.title);
  expect(await bodyParagraphs(page)).toEqual(pairs.map((p) => squash(p.original)));

  // Bilingual: one pair per original block, in order, each side marked with its language.
  await page.getByTestId('mode-bilingual').click();
  const pairEls = page.getByTestId('bi-pair');
  await expect(pairEls).toHaveCount(pairs.length);
  const shown = await pairEls.evaluateAll((els) =>
    els.map((el) => ({
      original: el.querySelector('.bi-original')?.textContent ?? '',
      originalLang: el.querySelector('.bi-original')?.getAttribute('lang'),
      translated: el.querySelector('.bi-translation')?.textContent ?? '',
      translatedLang: el.querySelector('.bi-translation')?.getAttribute('lang'),
    })),
  );
  expect(shown.map((s) => ({ original: squash(s.original), translated: squash(s.translated) }))).toEqual(pairs.map((p) => ({ original: squash(p.original), translated: squash(p.translated) })));
  expect(new Set(shown.map((s) => `${s.originalLang}/${s.translatedLang}`))).toEqual(new Set(['id/ms']));
  await expect(page.getByTestId('reader-title-translation')).toHaveText(translation?.title ?? '');
  // Side by side on a wide window.
  await page.setViewportSize({ width: 1600, height: 900 });
  const [a, b] = await pairEls.nth(1).locator('> div').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(a).toBe(b);
  expect(await scanAccessibility(page)).toEqual([]);

  // Stacked on a narrow one.
  await page.setViewportSize({ width: 1000, height: 800 });
  const [top1, top2] = await pairEls.nth(1).locator('> div').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(top2).toBeGreaterThan(top1 as number);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The L key cycles Bilingual → Original → Translated.
  await page.getByTestId('reader-title').click();
  await page.keyboard.press('l');
  await expect(page.getByTestId('mode-original')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('l');
  await expect(page.getByTestId('mode-translated')).toHaveAttribute('aria-pressed', 'true');

  // Another target for this article only: no translation yet, so the original and a suggestion.
  await bar.getByTestId('target-lang').selectOption('en');
  await expect(page.getByTestId('mode-switch')).toHaveCount(0);
  await expect(page.getByTestId('reader-title')).toHaveText(original.title);
  await bar.getByTestId('target-lang').selectOption('ms');
  await expect(page.getByTestId('mode-switch')).toBeVisible();
  await app.close();
  app = null;

  // Reopen the same library with no engine: Apertium's binary is missing and no pack is installed.
  app = await openApp({ dataDir, translator: { apertium: { command: join(dataDir, 'no-such-apertium') } } });
  const again = app.page;
  expect((await app.set.handlers['translate:engines']()).engines.every((e) => e.pairs.length === 0)).toBe(true);
  await expect(again.getByTestId('article-row').first().locator('[data-translated]')).toHaveText(translation?.title ?? '');
  await openSeed(again);
  await again.getByTestId('mode-translated').click();
  await expect(again.getByTestId('reader-title')).toHaveText(translation?.title ?? '');
  expect(await bodyParagraphs(again)).toEqual(pairs.map((p) => squash(p.translated)));
  await again.getByTestId('mode-bilingual').click();
  await expect(again.getByTestId('bi-pair')).toHaveCount(pairs.length);
  await again.getByTestId('mode-original').click();
  expect(await bodyParagraphs(again)).toEqual(pairs.map((p) => squash(p.original)));

  // Re-translating now says what is missing and how to add it; the stored translation stays.
  await again.getByTestId('translate-button').click();
  await expect(again.getByTestId('translate-error')).toHaveText(
    'No translation engine on this computer translates Indonesian into Malay. Add the language pack “id-ms” in Settings → Language packs (from a folder or by download), or install the Apertium pair for these languages.',
  );
  await again.getByTestId('mode-translated').click();
  await expect(again.getByTestId('reader-title')).toHaveText(translation?.title ?? '');
});

/** A language pack folder with made-up model bytes: valid metadata, sizes and SHA-256 (not a real model). */
async function packFolder(from: string, to: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kabar-e2e-pack-${from}${to}-`));
  const parts = { model: `model.${from}${to}.intgemm.alphas.bin`, lex: `lex.50.50.${from}${to}.s2t.bin`, vocab: `vocab.${from}${to}.spm` };
  const files: Record<string, { name: string; size: number; sha256: string }> = {};
  for (const [part, name] of Object.entries(parts)) {
    const data = Buffer.from(`${part} ${from}-${to} `.repeat(40_000));
    await writeFile(join(dir, name), data);
    files[part] = { name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }
  const meta = { format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from, to, version: '1.0', files };
  await writeFile(join(dir, 'kabar-pack.json'), JSON.stringify(meta));
  return dir;
}

test('Settings → Language packs installs packs from a folder and from the registry, refuses a tampered one, removes them', async () => {
  const packsData = await mkdtemp(join(tmpdir(), 'kabar-translate-packs-e2e-'));
  const enEs = await packFolder('en', 'es');
  const deEn = await packFolder('de', 'en');
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/registry.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ format: 'kabar-pack-registry', packs: [{ id: 'de-en', from: 'de', to: 'en', version: '1.0', url: 'de-en/kabar-pack.json' }, { id: 'fr-en', from: 'fr', to: 'en', version: '1.0', url: 'evil/kabar-pack.json' }] }),
      );
      return;
    }
    const name = url.split('/').pop() ?? '';
    readFile(join(deEn, name)).then(
      // The "evil" copy changes one byte of every model file: same size, wrong SHA-256.
      (data) => res.writeHead(200).end(url.startsWith('/evil/') && name !== 'kabar-pack.json' ? Buffer.concat([Buffer.from('X'), data.subarray(1)]) : data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/registry.json`;
  const packsApp = await openApp({ dataDir: packsData });
  try {
    const { page, host } = packsApp;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Language packs' }).click();
    const packs = page.getByTestId('packs');
    await expect(packs).toContainText('No language packs installed.');
    await packs.getByText('Install from a folder or another server').click();

    host.nextChosenFolder = enEs;
    await packs.getByTestId('pack-install-folder').click();
    await expect(packs.getByTestId('pack')).toHaveCount(1);
    await expect(packs).toContainText('Installed the language pack en-es');
    expect(host.folderDialogs).toEqual([{ title: 'Choose a language pack folder', button: 'Install this pack' }]);
    await packs.getByText('Files, sizes and SHA-256').click();
    const sha = JSON.parse(await readFile(join(enEs, 'kabar-pack.json'), 'utf8')).files.model.sha256 as string;
    await expect(packs.getByTestId('pack')).toContainText(sha);
    await expect(page.getByTestId('pair-table')).toContainText('English → Spanish');

    await page.getByLabel('Language pack registry address').fill(registry);
    await page.getByLabel('Pack to download (e.g. en-es)').fill('de-en');
    await packs.getByTestId('pack-download').click();
    await expect(packs.getByTestId('pack')).toHaveCount(2);
    await expect(packs).toContainText('Installed the language pack de-en');
    expect((await packsApp.set.handlers['settings:get']()).packRegistryUrl).toBe(registry);

    await page.getByLabel('Pack to download (e.g. en-es)').fill('fr-en');
    await packs.getByTestId('pack-download').click();
    await expect(packs.getByRole('alert')).toHaveText('This language pack is damaged or is not a Kabar language pack. Download it again, or choose another folder.');
    await expect(packs.getByTestId('pack')).toHaveCount(2);
    expect(await scanAccessibility(page)).toEqual([]);

    await packs.getByRole('button', { name: 'Remove en-es' }).click();
    await packs.getByRole('button', { name: 'Remove de-en' }).click();
    await expect(packs).toContainText('No language packs installed.');
  } finally {
    await packsApp.close();
    await new Promise<void>((r) => server.close(() => r()));
    for (const dir of [packsData, enEs, deEn]) await rm(dir, { recursive: true, force: true });
  }
});
