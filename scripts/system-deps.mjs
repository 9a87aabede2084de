#!/usr/bin/env node
// @ts-check
/**
 * The system packages the tests need, checked before any test runs (`npm test`'s first step and
 * `.ci/run`). As root with apt, missing ones are installed; elsewhere one message says the one
 * command to run, and the exit code is non-zero so nothing after it starts.
 *
 *   node scripts/system-deps.mjs           check, and install when root with apt
 *   node scripts/system-deps.mjs --check   check only, never install
 *
 * KABAR_SYSTEM_PACKAGES_EXTRA="a b" adds package names to check (the tests use a name that does
 * not exist to take the "missing" branch); KABAR_SYSTEM_DEPS_INSTALL=0 is the same as --check.
 * KABAR_SKIP_SYSTEM_DEPS=1 skips the check (machines without dpkg; the tests that need a
 * package then fail or say SKIPPED on their own).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Debian packages the test tiers use, and why. */
export const SYSTEM_PACKAGES = Object.freeze([
  { name: 'chromium', why: 'the browser tiers (Playwright over Debian Chromium)' },
  { name: 'fonts-noto-core', why: 'Arabic, Thai and other scripts in the browser tiers' },
  { name: 'fonts-noto-cjk', why: 'Chinese and Japanese text in the browser tiers' },
  { name: 'apertium', why: 'real offline translation in the translation tests' },
  { name: 'apertium-eng-spa', why: 'the English↔Spanish pair' },
  { name: 'apertium-ind-zlm', why: 'the Indonesian→Malay pair' },
  { name: 'espeak-ng', why: 'offline speech' },
  { name: 'newsboat', why: 'a peer feed reader the interoperability tests read with' },
  { name: 'epubcheck', why: 'validates exported EPUB books (its dependencies bring a JRE)' },
  { name: 'php-cli', why: 'FreshRSS, the sync server the sync tests run' },
  { name: 'php-sqlite3', why: 'FreshRSS' },
  { name: 'php-curl', why: 'FreshRSS' },
  { name: 'php-xml', why: 'FreshRSS' },
  { name: 'php-mbstring', why: 'FreshRSS' },
  { name: 'php-intl', why: 'FreshRSS' },
  { name: 'php-zip', why: 'FreshRSS' },
  { name: 'php-gmp', why: 'FreshRSS' },
]);

/**
 * Package names to check: SYSTEM_PACKAGES plus KABAR_SYSTEM_PACKAGES_EXTRA (space or comma separated).
 * @param {NodeJS.ProcessEnv} env
 * @returns {string[]}
 */
export function packageNames(env = process.env) {
  const extra = (env.KABAR_SYSTEM_PACKAGES_EXTRA ?? '').split(/[\s,]+/).filter(Boolean);
  return [...SYSTEM_PACKAGES.map((p) => p.name), ...extra];
}

/**
 * The names among `names` that dpkg does not list as installed (unknown names count as missing).
 * Throws when dpkg-query cannot run (not a Debian-like system).
 * @param {readonly string[]} names
 * @returns {string[]}
 */
export function missingPackages(names) {
  if (names.length === 0) return [];
  // One dpkg-query for every name. It exits 1 when some name is unknown and still lists the
  // others, so its stdout is read whatever the exit code.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package}\t${Status}\n', ...names], { encoding: 'utf8' });
  if (result.error) throw new Error(`dpkg-query cannot run here (${result.error.message}); this check needs Debian or Ubuntu.`);
  const installed = new Set();
  for (const line of result.stdout.split('\n')) {
    const [name, status] = line.split('\t');
    // Multi-arch packages are listed as name:arch.
    if (name && status === 'install ok installed') installed.add(name.replace(/:.*$/, ''));
  }
  return names.filter((name) => !installed.has(name));
}

/**
 * Whether this process may install packages itself: root, apt-get on PATH, and not told otherwise.
 * @param {{ uid: number, env: NodeJS.ProcessEnv, argv: readonly string[], hasApt: boolean }} host
 * @returns {boolean}
 */
export function canInstall({ uid, env, argv, hasApt }) {
  if (argv.includes('--check') || env.KABAR_SYSTEM_DEPS_INSTALL === '0') return false;
  return uid === 0 && hasApt;
}

/**
 * The one command that installs `missing` (sudo unless already root).
 * @param {readonly string[]} missing
 * @param {number} uid
 * @returns {string}
 */
export function installCommand(missing, uid) {
  const sudo = uid === 0 ? '' : 'sudo ';
  return `${sudo}apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/** @returns {boolean} */
function aptAvailable() {
  return !spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error;
}

/**
 * Runs apt-get (noninteractive, no stdin); true when it exited 0.
 * @param {string[]} args
 * @returns {boolean}
 */
function apt(args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env }).status === 0;
}

/**
 * Checks (and, as root with apt, installs) the system packages; returns the exit code.
 * @param {{ argv?: readonly string[], env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 * @returns {number}
 */
export function ensureSystemPackages({ argv = process.argv.slice(2), env = process.env, log = (l) => console.error(l) } = {}) {
  if (env.KABAR_SKIP_SYSTEM_DEPS === '1') {
    log('system-deps: skipped (KABAR_SKIP_SYSTEM_DEPS=1); tests that need a missing package will fail.');
    return 0;
  }
  const names = packageNames(env);
  let missing;
  try {
    missing = missingPackages(names);
  } catch (error) {
    log(`system-deps: ${error instanceof Error ? error.message : String(error)} Install the equivalents of: ${names.join(' ')} — then run with KABAR_SKIP_SYSTEM_DEPS=1.`);
    return 1;
  }
  if (missing.length === 0) {
    log(`system-deps: all ${names.length} system packages are installed.`);
    return 0;
  }
  const uid = process.getuid?.() ?? -1;
  if (!canInstall({ uid, env, argv, hasApt: aptAvailable() })) {
    log(`system-deps: the tests need ${missing.length} system package(s) that are not installed: ${missing.join(' ')}\n` +
      `Install them with:\n\n    ${installCommand(missing, uid)}\n\nthen run the tests again.`);
    return 1;
  }
  log(`system-deps: installing ${missing.join(' ')}`);
  // A failed update (say, one mirror down) may still leave lists good enough to install from.
  apt(['update', '-qq']);
  const installed = apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const still = missingPackages(missing);
  if (!installed || still.length) {
    log(`system-deps: apt-get could not install ${still.join(' ') || missing.join(' ')} (see apt's message above). Fix that, then run:\n\n    ${installCommand(still.length ? still : missing, uid)}`);
    return 1;
  }
  log(`system-deps: installed ${missing.join(' ')}.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = ensureSystemPackages();
