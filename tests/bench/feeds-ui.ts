/**
 * `tests/bench/feeds-ui.ts`: is the list still interactive while feeds refresh? The built
 * renderer in Chromium (the browser harness) over a library of 100 feeds × 50 items served by
 * a local server (tests/bench/feed-server.ts). A refresh is started from the UI's "Refresh all
 * feeds" button; until it has finished, the page scrolls the article list and clicks rows
 * while a PerformanceObserver records long tasks. Prints one JSON line:
 * refresh_ui_max_long_task_ms, refresh_ui_long_tasks_over_100 (budget: 0), and what the
 * refresh did, with the harness process's CPU time and the load average (2 shared cores).
 * A control run then drives the same list the same way with no refresh: long tasks there are
 * the machine's load, not the refresh.
 */
import { warmExtractWorkers } from '../../main/core/articles';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../main/core/store';
import { closeBrowser, openApp } from '../e2e/harness';
import { feedRecords, startFeedServer } from './feed-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FEEDS = Number(process.env.KABAR_BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.KABAR_BENCH_ITEMS ?? 50);
/** How long the no-refresh control drives the list. */
const CONTROL_MS = 20_000;

/** Only loopback: the harness's feeds are all local. */
const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!url.hostname.startsWith('127.')) throw new TypeError('offline (benchmark)');
  return fetch(input, init);
};

/** What the page measured while the refresh ran. */
interface PageFigures {
  tasks: number[];
  seconds: number;
  scrolls: number;
  clicks: number;
  sawProgress: boolean;
  rows: number;
}

/**
 * Runs in the page: observe long tasks, press "Refresh all feeds", then scroll and click the
 * list every frame until the progress bar has come and gone.
 */
const DRIVE = `window.__name = (f) => f;
window.__drive = async (refresh, controlMs) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
  const t0 = performance.now();
  if (refresh) document.querySelector('[data-testid="feeds-refresh-all"]').click();
  let sawProgress = false;
  let scrolls = 0;
  let clicks = 0;
  let n = 0;
  let down = true;
  for (;;) {
    await frame();
    n += 1;
    if (!refresh) {
      if (performance.now() - t0 > controlMs) break;
    } else {
      const progress = document.querySelector('[data-testid="feeds-progress"]');
      if (progress) sawProgress = true;
      else if (sawProgress || performance.now() - t0 > 15000) break;
    }
    const scroller = document.querySelector('[data-testid="article-list-scroll"]');
    if (scroller) {
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) down = false;
      if (scroller.scrollTop <= 0) down = true;
      scroller.scrollTop += (down ? 1 : -1) * scroller.clientHeight;
      scrolls += 1;
    }
    if (n % 10 === 0) {
      const rows = document.querySelectorAll('[data-testid="article-row"] [data-row-button]');
      const row = rows[n % Math.max(1, rows.length)];
      if (row) {
        row.click();
        clicks += 1;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  observer.disconnect();
  const total = document.querySelector('[data-testid="article-list"]')?.querySelector('[aria-setsize]')?.getAttribute('aria-setsize');
  return { tasks, seconds, scrolls, clicks, sawProgress, rows: Number(total ?? 0) };
};`;

async function seed(dataDir: string, urls: string[]): Promise<void> {
  const library = await openLibrary({ dir: dataDir });
  library.saveFeeds(feedRecords(urls));
  // Only the button starts a refresh (no start-up or interval refresh racing the measurement).
  library.updateSettings({ refreshMinutes: 0 });
  await library.close();
}

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startFeedServer(FEEDS, ITEMS);
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-bench-feeds-ui-'));
  try {
    await seed(dataDir, server.urls);
    const app = await openApp({ dataDir, fetch: loopbackFetch });
    const { page } = app;
    await page.addInitScript(DRIVE);
    await page.reload();
    await page.getByTestId('feed-item').nth(FEEDS - 1).waitFor();
    // The app starts its import workers at its first quiet moment after opening (handlers.ts
    // warmWhenIdle); a user refreshing later than that finds them started, as here.
    await warmExtractWorkers();
    const cpu = process.cpuUsage();
    const drive = (refresh: boolean, controlMs: number) =>
      page.evaluate(([r, ms]) => (window as unknown as { __drive: (r: boolean, ms: number) => Promise<unknown> }).__drive(r, ms), [refresh, controlMs] as const) as Promise<PageFigures>;
    const figures = await drive(true, 0);
    const used = process.cpuUsage(cpu);
    // The same scrolling and clicking over the same list with no refresh running: what this
    // machine's load alone costs, so a long task can be told apart from the refresh's.
    const control = await drive(false, CONTROL_MS);
    const articles = app.set.library.list({ limit: 1 }).total;
    await app.close();
    await closeBrowser();
    const round = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        refresh_ui_max_long_task_ms: round(Math.max(0, ...figures.tasks)),
        refresh_ui_long_tasks_over_100: figures.tasks.filter((t) => t > 100).length,
        refresh_ui_long_tasks_over_50: figures.tasks.filter((t) => t > 50).length,
        refresh_ui_s: round(figures.seconds),
        refresh_ui_articles: articles,
        refresh_ui_list_rows: figures.rows,
        refresh_ui_scrolls: figures.scrolls,
        refresh_ui_clicks: figures.clicks,
        refresh_ui_saw_progress: figures.sawProgress,
        refresh_ui_harness_cpu_s: round((used.user + used.system) / 1e6),
        refresh_ui_load_avg_1m: round(loadavg()[0] ?? 0),
        refresh_ui_budget_long_task_ms: 100,
        control_no_refresh_max_long_task_ms: round(Math.max(0, ...control.tasks)),
        control_no_refresh_long_tasks_over_100: control.tasks.filter((t) => t > 100).length,
        control_no_refresh_s: round(control.seconds),
      }),
    );
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
