/**
 * `toggle_ms` (issue 5): switching reading modes on a stored translation, in the browser harness.
 * The seed is translated to Malay with the real Apertium first; then each click on a mode button is
 * timed until the new mode is painted (the DOM shows it, then a requestAnimationFrame). Prints one
 * JSON line: {"toggle_ms": p95, "toggle_ms_p50", "toggle_switches", CPU figures, "load"}. Budget: ≤ 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeBrowser, openApp } from '../e2e/harness';
import { CORPUS } from './library';
import { percentile, WAIT_PAINTED } from './paint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SWITCHES = 30;

async function main(): Promise<void> {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-bench-toggle-'));
  const app = await openApp({ dataDir });
  try {
    const { page } = app;
    await page.addInitScript(WAIT_PAINTED);
    const imported = await app.set.handlers['import:paths']([join(CORPUS, 'seed', 'diplomasi-bayangan.txt')], []);
    const id = (imported.results[0] as { id: string }).id;
    const translation = await app.set.handlers['translate:article'](id, 'ms', 'apertium');
    if (translation.blocks.some((b) => b.failed)) throw new Error('the seed did not translate completely');
    await app.set.handlers['settings:set']({ translateTo: 'ms' });
    await page.reload();
    await page.getByTestId('article-row').first().locator('[data-row-button]').click();
    await page.getByTestId('mode-switch').waitFor();
    // The page's main-thread busy time (Chromium's TaskDuration), the CPU the switches cost there.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async (): Promise<number> =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
    const pageTasks = await taskSeconds();
    const cpu = process.cpuUsage();
    const times: number[] = [];
    const modes = ['translated', 'bilingual', 'original'] as const;
    for (let i = 0; i < SWITCHES; i++) {
      const mode = modes[i % modes.length] as (typeof modes)[number];
      times.push(
        await page.evaluate(async (m) => {
          const w = window as unknown as { __waitPainted: (check: () => boolean) => Promise<void> };
          const button = document.querySelector(`[data-testid="mode-${m}"]`) as HTMLButtonElement;
          const reader = () => document.querySelector('[data-testid="reader"]');
          const shown = (): boolean => {
            if (button.getAttribute('aria-pressed') !== 'true') return false;
            const bilingual = !!document.querySelector('[data-testid="bi-pair"]');
            const lang = reader()?.getAttribute('lang');
            return m === 'bilingual' ? bilingual : !bilingual && lang === (m === 'translated' ? 'ms' : 'id');
          };
          const t0 = performance.now();
          button.click();
          await w.__waitPainted(shown);
          return performance.now() - t0;
        }, mode),
      );
    }
    const used = process.cpuUsage(cpu);
    const pageBusy = (await taskSeconds()) - pageTasks;
    const round = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        toggle_ms: round(percentile(times, 95)),
        toggle_ms_p50: round(percentile(times, 50)),
        toggle_switches: times.length,
        toggle_blocks: translation.blocks.length,
        // The harness process's CPU while switching (the page's own work runs in Chromium).
        toggle_host_cpu_s: round((used.user + used.system) / 1e6),
        toggle_page_busy_ms_per_switch: round((pageBusy * 1000) / times.length),
        load: loadavg().map(round),
      }),
    );
  } finally {
    await app.close();
    await closeBrowser();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
