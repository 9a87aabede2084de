#!/usr/bin/env node
// @ts-check
/**
 * `npm run cli -- ARGS`: runs the built command line (out/main/cli.js) in this process. When out/
 * is missing or older than the sources it builds the app first and says so on stderr, so the
 * README's commands work on a fresh clone and after every edit. stdout stays the command's own
 * (the build's log goes to stderr), so `--json` output is still one JSON document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The built command line. */
export const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');
/** What the main build (and so the CLI) is made from. */
const SOURCES = ['main', 'electron.vite.config.ts', 'package.json'];

/**
 * Newest modification time (ms) under `path` (a file or a folder, walked recursively); 0 when absent.
 * @param {string} path
 * @returns {number}
 */
export function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A folder's own time changes when a file in it is removed or renamed.
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Why the CLI must be built first, or null when out/main/cli.js is newer than every source.
 * @param {string} [root]
 * @returns {string | null}
 */
export function staleReason(root = ROOT) {
  const built = join(root, 'out', 'main', 'cli.js');
  if (!existsSync(built)) return 'out/main/cli.js is missing';
  const builtAt = statSync(built).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(root, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds the app with electron-vite, its log on stderr; exits when the build fails. */
function build() {
  const bin = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('kabar: the build failed (see above); fix it, or run "npm run build" to see the whole log.\n');
    process.exit(result.status ?? 1);
  }
}

/** Builds when stale, then runs the CLI with this process's arguments, from the caller's folder. */
async function main() {
  const reason = staleReason();
  if (reason) {
    process.stderr.write(`kabar: building the app into out/ first (${reason})…\n`);
    build();
  }
  // npm runs scripts in the package folder and says where it was called from in INIT_CWD:
  // relative paths on the command line mean the caller's folder.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  await import(pathToFileURL(BUILT_CLI).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
