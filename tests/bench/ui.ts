/**
 * `npm run bench:ui`: the built renderer in Chromium over a 10,000-article library (the
 * browser harness), timed inside the page. Prints one JSON line: first_list_ms,
 * open_article_ms (p50/p95), search_ui_ms (p50/p95 per keystroke), lang_switch_ms, and the
 * long tasks (count over 50 ms, longest) while scrolling the list from end to end one screen
 * per frame, so every row is drawn; and reader_title_top_px (where the open article's title starts
 * in a 1280×800 window; budget 200). `KABAR_BENCH_UI_TRACE=FILE` writes a Chrome trace of the
 * scroll; `KABAR_BENCH_UI_DATA=DIR` reuses a library folder built before (kept afterwards).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { closeBrowser, openApp } from '../e2e/harness';
import { ARTICLES, buildLibrary, corpusFiles } from './library';
import { percentile, WAIT_PAINTED } from './paint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the open article's title starts, from the top of a 1280×800 window (issue 11: ≤ 200 px). */
async function readerTitleTopPx(page: Page): Promise<number> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('[data-testid="article-row"][data-index="0"] [data-row-button]').click();
  await page.getByTestId('reader-title').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => document.querySelector('[data-testid="reader-title"]')?.getBoundingClientRect().top ?? -1);
}

async function firstListMs(page: Page): Promise<number> {
  const started = Date.now();
  await page.reload();
  await page.getByTestId('article-row').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return Date.now() - started;
}

async function openArticleMs(page: Page, rows: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 1; i <= rows; i++) {
    times.push(
      await page.evaluate(async (index) => {
        const row = document.querySelector(`[data-testid="article-row"][data-index="${index}"] [data-row-button]`) as HTMLElement;
        const title = row.closest('li')!.querySelector('.row-title')?.textContent?.trim() ?? '';
        const w = window as unknown as { __waitPainted: (check: () => boolean) => Promise<void> };
        const t0 = performance.now();
        row.click();
        await w.__waitPainted(() => {
          const shown = document.querySelector('[data-testid="reader-title"]')?.textContent?.trim() ?? '';
          return shown !== '' && title.includes(shown.slice(0, 20)) && !!document.querySelector('[data-testid="reader-body"] p');
        });
        return performance.now() - t0;
      }, i),
    );
  }
  return times;
}

async function searchUiMs(page: Page, words: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const word of words) {
    for (let n = 2; n <= word.length; n++) {
      times.push(
        await page.evaluate(async (text) => {
          const input = document.querySelector('[data-testid="search-input"]') as HTMLInputElement;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const results = () => document.querySelector('[data-testid="search-results"]');
          const before = results()?.textContent ?? '';
          const w = window as unknown as { __waitPainted: (check: () => boolean) => Promise<void> };
          const t0 = performance.now();
          setter.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await w.__waitPainted(() => {
            const now = results();
            return !!now && now.getAttribute('aria-busy') !== 'true' && (now.textContent ?? '') !== before;
          });
          return performance.now() - t0;
        }, word.slice(0, n)),
      );
    }
  }
  await page.keyboard.press('Escape');
  return times;
}

async function langSwitchMs(page: Page, to: string): Promise<number> {
  await page.getByRole('button', { name: /Settings|Pengaturan/ }).click();
  await page.locator('[role="tab"][data-section="general"]').click(); // Settings reopens at the last section
  const ms = await page.evaluate(async (lng) => {
    const select = document.querySelector('[data-testid="language-select"]') as HTMLSelectElement;
    const placeholder = () => (document.querySelector('[data-testid="search-input"]') as HTMLInputElement).placeholder;
    const before = placeholder();
    const w = window as unknown as { __waitPainted: (check: () => boolean) => Promise<void> };
    const t0 = performance.now();
    select.value = lng;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await w.__waitPainted(() => document.documentElement.lang === lng && placeholder() !== before);
    return performance.now() - t0;
  }, to);
  await page.keyboard.press('Escape');
  return ms;
}

interface ScrollFigures {
  longest: number;
  over50: number;
  /** Every long task (> 50 ms, the browser's own threshold), in ms. */
  tasks: number[];
  frames: number;
  reachedEnd: boolean;
}

// Scrolls from the top to the end, one screen per frame (each row passes through the viewport),
// observing long tasks the whole time; at the end the last row must be loaded and shown.
async function scrollLongTasks(page: Page): Promise<ScrollFigures> {
  return page.evaluate(async () => {
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const scroller = document.querySelector('[data-testid="article-list-scroll"]') as HTMLElement;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    scroller.scrollTop = 0;
    await frame();
    let frames = 0;
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
      scroller.scrollTop += scroller.clientHeight;
      frames++;
      await frame();
    }
    const lastLoaded = () =>
      [...document.querySelectorAll('[data-testid="article-row"]')].some(
        (row) => Number((row as HTMLElement).dataset.index) >= Number(row.getAttribute('aria-setsize')) - 1,
      );
    const deadline = performance.now() + 5000;
    while (!lastLoaded() && performance.now() < deadline) await frame();
    await new Promise((r) => setTimeout(r, 500));
    observer.disconnect();
    return { longest: Math.max(0, ...tasks), over50: tasks.length, tasks, frames, reachedEnd: lastLoaded() };
  });
}

async function traced<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const path = process.env.KABAR_BENCH_UI_TRACE;
  const browser = page.context().browser();
  if (!path || !browser) return run();
  await browser.startTracing(page, { path, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'loading', 'disabled-by-default-v8.cpu_profiler', 'v8'] });
  try {
    return await run();
  } finally {
    await browser.stopTracing();
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const reuse = process.env.KABAR_BENCH_UI_DATA;
  const dataDir = reuse ?? (await mkdtemp(join(tmpdir(), 'kabar-bench-ui-')));
  if (!reuse) {
    const { pages, texts } = await corpusFiles();
    await buildLibrary(dataDir, [...pages, ...texts]);
  }
  const app = await openApp({ dataDir });
  const { page } = app;
  await page.addInitScript(WAIT_PAINTED);
  const first = await firstListMs(page);
  const open = await openArticleMs(page, 10);
  const search = await searchUiMs(page, ['intelijen', 'moskow', 'firefox', 'politique']);
  const lang = [await langSwitchMs(page, 'id'), await langSwitchMs(page, 'en')];
  const titleTop = await readerTitleTopPx(page);
  const scroll = await traced(page, () => scrollLongTasks(page));
  await app.close();
  await closeBrowser();
  if (!reuse) await rm(dataDir, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      articles: ARTICLES,
      first_list_ms: round(first),
      open_article_p50_ms: round(percentile(open, 50)),
      open_article_ms: round(percentile(open, 95)),
      search_ui_p50_ms: round(percentile(search, 50)),
      search_ui_ms: round(percentile(search, 95)),
      lang_switch_ms: round(Math.max(...lang)),
      lang_switch_each_ms: lang.map(round),
      scroll_longest_task_ms: round(scroll.longest),
      scroll_tasks_over_50ms: scroll.over50,
      scroll_long_tasks_ms: scroll.tasks.map(round),
      scroll_frames: scroll.frames,
      scroll_reached_end: scroll.reachedEnd,
      reader_title_top_px: round(titleTop),
    }),
  );
}

await main();
