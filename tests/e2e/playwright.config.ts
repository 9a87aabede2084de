import { defineConfig } from '@playwright/test';

/**
 * The browser tier and the Electron tier. One worker: the machines have two cores and each
 * spec runs Chromium plus the real core. The global setup builds the app once.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
});
