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
  // A click that can never happen fails in 15 s with a reason, instead of eating the test timeout.
  use: { actionTimeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
});
