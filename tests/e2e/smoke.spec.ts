import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { closeBrowser, openApp } from './harness';

import { SEED } from './support';

test.afterAll(closeBrowser);

test('the built renderer lists an article imported through the real handlers', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-e2e-'));
  const app = await openApp({ dataDir });
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  const summary = await app.set.handlers['import:paths']([SEED], []);
  expect(summary.imported).toBe(1);
  await app.page.reload();
  await expect(app.page.getByText('Diplomasi Bayangan', { exact: false }).first()).toBeVisible();
  expect(errors).toEqual([]);
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});
