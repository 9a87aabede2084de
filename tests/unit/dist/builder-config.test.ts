/**
 * The installer configuration (package.json "build") as electron-builder itself reads and
 * validates it: a typo or an unknown option fails here instead of on a release machine.
 * Building the installers needs Electron's download, which this machine cannot reach.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own loader and validator (its dependencies app-builder-lib and builder-util).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const ROOT = join(import.meta.dirname, '..', '..', '..');

async function loadConfig() {
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(loadConfig()).resolves.toBeTruthy();
  });

  it('rejects a misspelt option (so the check above can fail)', async () => {
    const config = { ...(await getConfig(ROOT, null, null)), linx: { target: ['deb'] } };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/linx/);
  });

  it('names the app and targets Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('app.kabar.reader');
    expect(config.productName).toBe('Kabar');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.category).toContain('News');
    expect(config.mac?.category).toBe('public.app-category.news');
  });

  it('associates .opml files with Kabar', async () => {
    const config = await loadConfig();
    const associations = [config.fileAssociations].flat();
    expect(associations.map((a) => a?.ext)).toContain('opml');
  });

  it('ships an icon large enough for every platform (PNG, at least 512×512)', async () => {
    const config = await loadConfig();
    const icon = join(ROOT, String(config.linux?.icon));
    expect(existsSync(icon)).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('packs the built app, not the sources', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; build: { files: string[] } };
    expect(pkg.build.files).toEqual(['out/**/*', 'package.json']);
    expect(pkg.main).toBe('out/main/index.js');
  });
});
