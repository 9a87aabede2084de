import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tier (node) and renderer tier (jsdom); the browser tiers run through Playwright specs under tests/e2e. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
