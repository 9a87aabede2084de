/**
 * scripts/installers/kabar, the `kabar` the .deb links from /usr/bin, run for real in the layout
 * the .deb installs (/opt/Kabar/{kabar, bin/kabar, resources/app.asar/out}) inside a temp folder.
 * Electron's binary cannot be downloaded here, so /opt/Kabar/kabar is a recording stand-in
 * (DESIGN.md §7): with ELECTRON_RUN_AS_NODE=1 it runs this machine's Node on the same arguments,
 * as Electron does; otherwise it reports that the window was asked for. app.asar is a folder here
 * (no packer runs): Electron reads the archive through the same path.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let work: string;
let usrBin: string;
let data: string;

beforeAll(() => {
  // Under the checkout, so the built chunks find node_modules by walking up, as they find them
  // inside app.asar in an installed app.
  mkdirSync(join(ROOT, '.kabar-tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.kabar-tmp', 'deb-layout-'));
  const app = join(work, 'opt', 'Kabar');
  const asar = join(app, 'resources', 'app.asar');
  mkdirSync(join(app, 'bin'), { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', join(asar, 'out'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  copyFileSync(join(ROOT, 'package.json'), join(asar, 'package.json'));
  copyFileSync(join(ROOT, 'scripts', 'installers', 'kabar'), join(app, 'bin', 'kabar'));
  chmodSync(join(app, 'bin', 'kabar'), 0o755);
  writeFileSync(
    join(app, 'kabar'),
    `#!/bin/sh\nif [ "$ELECTRON_RUN_AS_NODE" = 1 ]; then exec "${process.execPath}" "$@"; fi\necho "window: $# arguments, ELECTRON_RUN_AS_NODE=\${ELECTRON_RUN_AS_NODE:-unset}"\n`,
    { mode: 0o755 },
  );
  usrBin = join(work, 'usr', 'bin');
  mkdirSync(usrBin, { recursive: true });
  symlinkSync(join(app, 'bin', 'kabar'), join(usrBin, 'kabar'));
  data = mkdtempSync(join(tmpdir(), 'kabar-wrapper-'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (data) rmSync(data, { recursive: true, force: true });
});

function kabar(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(join(usrBin, 'kabar'), args, { encoding: 'utf8', env: { ...process.env, ...env }, cwd: data });
}

describe('/usr/bin/kabar from the .deb', () => {
  it('runs the built command line through the app with ELECTRON_RUN_AS_NODE', () => {
    const imported = kabar(['--data', data, '--json', 'import', SEED]);
    expect(imported.stderr).toBe('');
    expect((JSON.parse(imported.stdout) as { imported: number }).imported).toBe(1);
    const list = kabar(['--data', data, '--json', 'list']);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBe(1);
    const failed = kabar(['--data', data, 'show', 'nope']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/No article with id nope/);
  });

  it('relative paths mean the caller’s folder', () => {
    const list = kabar(['--data', '.', '--json', 'list']);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBe(1);
  });

  it('with no arguments opens the window, without ELECTRON_RUN_AS_NODE even if the caller has it', () => {
    const window = kabar([], { ELECTRON_RUN_AS_NODE: '1' });
    expect(window.status).toBe(0);
    expect(window.stdout).toBe('window: 0 arguments, ELECTRON_RUN_AS_NODE=unset\n');
  });
});
