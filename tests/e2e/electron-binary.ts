/**
 * Finds Electron's binary without triggering its download (ENVIRONMENT.md): `path.txt`
 * beside electron/package.json is written only after a download; ELECTRON_EXEC_PATH (the
 * binary itself, as electron-vite reads it) or ELECTRON_OVERRIDE_DIST_PATH (its folder)
 * point at an unpacked Electron elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The binary's path, or the reason there is none (for the skip message). */
export function findElectron(): { path: string } | { missing: string } {
  const exec = process.env.ELECTRON_EXEC_PATH;
  if (exec) return existsSync(exec) ? { path: exec } : { missing: `ELECTRON_EXEC_PATH is set but ${exec} does not exist` };
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, relative ?? 'electron');
    return existsSync(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  if (!relative) return { missing: 'Electron binary not installed (node_modules/electron/path.txt is absent: its download never ran)' };
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `Electron binary not installed (${path} does not exist)` };
}
