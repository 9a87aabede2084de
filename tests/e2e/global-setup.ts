/** Builds the app (main, preload, renderer) once before the browser and Electron specs. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-binary';

/** Playwright's global setup: `electron-vite build` into out/. */
export default function globalSetup(): void {
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The list reporter prints no skip reasons; say here why tier 3 will be skipped.
  const electron = findElectron();
  if ('missing' in electron) console.log(`SKIPPED tests/e2e/electron.spec.ts: ${electron.missing}`);
}
