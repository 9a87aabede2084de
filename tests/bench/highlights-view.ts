/**
 * `highlights_view_ms` (issue 13, budget ≤ 500): the built renderer in Chromium over a 10,000-article
 * library with 50,000 highlights (the browser harness), timed inside the page from the click on
 * "Highlights" in the sidebar to the frame that paints the first entries. The first open after start
 * (the catalog of highlights loads then) is the figure; warm reopenings are reported beside it.
 * Prints one JSON line. `KABAR_BENCH_MARKS_DATA=DIR` reuses (or keeps) a library folder built before;
 * `KABAR_BENCH_ARTICLES` scales it down.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { catalogOf, openLibrary } from '../../main/core/store';
import { closeBrowser, openApp } from '../e2e/harness';
import { ARTICLES, buildLibrary, corpusFiles } from './library';
import { addHighlights } from './marks-library';
import { percentile, WAIT_PAINTED } from './paint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the library with its highlights (or reuses one); answers how many highlights it holds. */
async function prepare(dir: string): Promise<number> {
  if (!existsSync(join(dir, 'library.json'))) {
    const { pages, texts } = await corpusFiles();
    await buildLibrary(dir, [...pages, ...texts]);
  }
  const library = await openLibrary({ dir });
  try {
    await catalogOf(library).ready();
    let total = (await catalogOf(library).list({ limit: 1 })).total;
    if (total === 0) {
      await addHighlights(library);
      await catalogOf(library).save();
      total = (await catalogOf(library).list({ limit: 1 })).total;
    }
    return total;
  } finally {
    await library.close();
  }
}

/** One click on "Highlights" until its first entries are painted, in ms (timed in the page). */
async function openView(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const w = window as unknown as { __waitPainted: (check: () => boolean) => Promise<void> };
    const button = document.querySelector('[data-testid="side-highlights"]') as HTMLElement;
    const t0 = performance.now();
    button.click();
    await w.__waitPainted(() => document.querySelectorAll('[data-testid="highlight-entry"]').length > 0);
    return performance.now() - t0;
  });
}

async function leaveView(page: Page): Promise<void> {
  await page.locator('.side-item').first().click();
  await page.getByTestId('highlights-view').waitFor({ state: 'detached' });
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const reuse = process.env.KABAR_BENCH_MARKS_DATA;
  const dataDir = reuse ?? (await mkdtemp(join(tmpdir(), 'kabar-bench-hlview-')));
  try {
    const highlights = await prepare(dataDir);
    const app = await openApp({ dataDir });
    try {
      const { page } = app;
      await page.addInitScript(WAIT_PAINTED);
      await page.reload();
      await page.getByTestId('article-row').first().waitFor();
      const first = await openView(page);
      const shown = await page.getByTestId('highlight-entry').count();
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        await leaveView(page);
        warm.push(await openView(page));
      }
      const r = (x: number): number => Math.round(x * 10) / 10;
      console.log(
        JSON.stringify({
          highlights_view_ms: r(first),
          highlights_view_warm_p50_ms: r(percentile(warm, 50)),
          highlights_view_entries: shown,
          highlights_view_articles: ARTICLES,
          highlights_view_highlights: highlights,
          highlights_view_load: r(loadavg()[0] as number),
        }),
      );
    } finally {
      await app.close();
    }
  } finally {
    await closeBrowser();
    if (!reuse) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
