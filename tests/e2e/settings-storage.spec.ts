/**
 * Settings → Storage & backup in the browser tier over the real core: the library folder is
 * shown; "Back up the library…" asks where to save (the harness's save dialog) and writes one
 * archive, which restores into an empty folder with every article; cancelling writes nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { restoreBackup } from '../../main/core/export';
import { openLibrary } from '../../main/core/store';
import { closeBrowser, openApp } from './harness';
import { seedLibrary } from './layout-support';
import { shot } from './settings-support';
import { scanAccessibility } from './support';

test.afterAll(async () => {
  await closeBrowser();
});

test('backs the library up from Settings into one archive that restores every article; cancel writes nothing', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kabar-storage-'));
  const out = await mkdtemp(join(tmpdir(), 'kabar-storage-out-'));
  const restored = await mkdtemp(join(tmpdir(), 'kabar-storage-restored-'));
  const app = await openApp({ dataDir });
  try {
    const { page, host } = app;
    await seedLibrary(app.set);
    await page.reload();
    await page.getByTestId('settings-button').click();
    await page.getByRole('tab', { name: 'Storage & backup' }).click();
    await expect(page.getByTestId('data-dir')).toHaveText(dataDir);

    host.nextChosenFile = null; // the user cancels the save dialog
    await page.getByTestId('backup-button').click();
    await expect.poll(() => host.fileDialogs.length).toBe(1);
    await expect(page.getByTestId('backup-button')).toBeEnabled();
    expect(await readdir(out)).toEqual([]);
    await expect(page.getByTestId('storage-settings').getByRole('alert')).toHaveCount(0);

    const file = join(out, 'kabar-backup.tar.gz');
    host.nextChosenFile = file;
    await page.getByTestId('backup-button').click();
    await expect(page.getByTestId('backup-status')).toContainText(/^Backed up \d+ files \(\d+ kB\) to/);
    await expect(page.getByTestId('backup-status')).toContainText(file);
    expect(host.fileDialogs.at(-1)).toMatchObject({ strings: { title: 'Save a backup of the library', button: 'Save backup', filterName: 'Kabar backup' }, options: { mode: 'save', extensions: ['gz'] } });
    expect(existsSync(file)).toBe(true);

    // The archive restores into an empty folder with both articles.
    await restoreBackup(restored, file, new Date());
    const library = await openLibrary({ dir: restored });
    try {
      expect(library.allMeta().map((m) => m.lang).sort()).toEqual(['en', 'id']);
    } finally {
      await library.close();
    }

    expect(await scanAccessibility(page)).toEqual([]);
    await shot(page, 'storage-en-1280x800');
  } finally {
    await app.close();
    for (const d of [dataDir, out, restored]) await rm(d, { recursive: true, force: true });
  }
});
