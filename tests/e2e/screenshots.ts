/**
 * `npm run screenshots`: a gallery for a person to look at (no pixel assertions). The built renderer
 * in Chromium over a real library (seed + a BBC page), for every interface language × light / dark /
 * sepia × the four window sizes, with the seed open. Writes PNGs to screenshots/ (gitignored).
 * KABAR_SHOTS_LOCALES=en,ar and KABAR_SHOTS_THEMES=light narrow the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBrowser, openApp, ROOT } from './harness';
import { LOCALES, SIZES, openRow, seedLibrary } from './layout-support';

const THEMES = ['light', 'dark', 'sepia'] as const;
const OUT_DIR = process.env.KABAR_SHOTS_DIR ?? join(ROOT, 'screenshots');

function pick<T extends string>(all: readonly T[], env: string | undefined): T[] {
  if (!env) return [...all];
  const wanted = env.split(',');
  return all.filter((x) => wanted.includes(x));
}

async function main(): Promise<void> {
  if (!process.env.KABAR_SHOTS_NO_BUILD) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await mkdir(OUT_DIR, { recursive: true });
  let count = 0;
  for (const locale of pick(LOCALES, process.env.KABAR_SHOTS_LOCALES)) {
    const dataDir = await mkdtemp(join(tmpdir(), 'kabar-shots-'));
    const app = await openApp({ dataDir, locale, viewport: SIZES[2] });
    try {
      await seedLibrary(app.set);
      await app.page.reload();
      await openRow(app.page, 'Diplomasi');
      for (const theme of pick(THEMES, process.env.KABAR_SHOTS_THEMES)) {
        await app.page.evaluate((th) => document.documentElement.setAttribute('data-theme', th), theme);
        for (const size of SIZES) {
          await app.page.setViewportSize(size);
          await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const file = join(OUT_DIR, `${locale}-${theme}-${size.width}x${size.height}.png`);
          await app.page.screenshot({ path: file });
          count++;
        }
      }
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  await closeBrowser();
  console.log(JSON.stringify({ screenshots: count, dir: OUT_DIR }));
}

await main();
