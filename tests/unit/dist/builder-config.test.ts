/**
 * The installer configuration (package.json "build") as electron-builder itself reads and
 * validates it: a typo or an unknown option fails here instead of on a release machine.
 * Building the installers needs Electron's download, which this machine cannot reach.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** electron-builder's macro substitution for the deb scripts (FpmTarget's writeConfigFile): an unknown macro throws. */
function fillMacros(template: string, macros: Record<string, string>): string {
  return template.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    if (!(name in macros)) throw new Error(`Macro ${name} is not defined`);
    return macros[name] as string;
  });
}

describe('kabar on the PATH', () => {
  const macros = { executable: 'kabar', sanitizedProductName: 'Kabar', productFilename: 'Kabar' };

  it('the .deb links /usr/bin/kabar to the command-line wrapper, not the Electron binary', async () => {
    const config = await loadConfig();
    expect(config.linux?.executableName).toBe('kabar');
    expect([config.linux?.extraFiles].flat()).toContainEqual({ from: 'scripts/installers/kabar', to: 'bin/kabar' });
    const install = fillMacros(readFileSync(join(ROOT, String(config.deb?.afterInstall)), 'utf8'), macros);
    const remove = fillMacros(readFileSync(join(ROOT, String(config.deb?.afterRemove)), 'utf8'), macros);
    expect(install).toContain("update-alternatives --install '/usr/bin/kabar' 'kabar' '/opt/Kabar/bin/kabar' 100");
    expect(install).toContain("ln -sf '/opt/Kabar/bin/kabar' '/usr/bin/kabar'");
    expect(install).not.toMatch(/'\/opt\/Kabar\/kabar' 100|ln -sf '\/opt\/Kabar\/kabar'/);
    expect(remove).toContain("update-alternatives --remove 'kabar' '/opt/Kabar/bin/kabar'");
    for (const script of [install, remove]) expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('ships the wrapper for macOS and kabar.cmd for Windows, each calling the built CLI with ELECTRON_RUN_AS_NODE', async () => {
    const config = await loadConfig();
    expect([config.mac?.extraResources].flat()).toContainEqual({ from: 'scripts/installers/kabar', to: 'bin/kabar' });
    expect([config.win?.extraFiles].flat()).toContainEqual({ from: 'scripts/installers/kabar.cmd', to: 'kabar.cmd' });
    const cmd = readFileSync(join(ROOT, 'scripts', 'installers', 'kabar.cmd'), 'utf8');
    expect(cmd).toContain('set ELECTRON_RUN_AS_NODE=1');
    expect(cmd).toContain('"%~dp0Kabar.exe" "%~dp0resources\\app.asar\\out\\main\\cli.js" %*');
    const wrapper = join(ROOT, 'scripts', 'installers', 'kabar');
    expect(statSync(wrapper).mode & 0o111).toBe(0o111);
    expect(spawnSync('sh', ['-n', wrapper]).status).toBe(0);
  });
});
