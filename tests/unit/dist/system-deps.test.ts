/**
 * scripts/system-deps.mjs against the real dpkg database: it finds what is installed, names what
 * is missing (a package name that does not exist, added through its env override), prints one
 * install command, and makes `npm test` stop before any test runs.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canInstall, ensureSystemPackages, installCommand, missingPackages, packageNames, SYSTEM_PACKAGES } from '../../../scripts/system-deps.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'system-deps.mjs');
const NO_SUCH = 'kabar-no-such-package-7f3a';
const hasDpkg = !spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).error;
if (!hasDpkg) console.log('SKIPPED system-deps dpkg checks: dpkg-query is not on this machine (not Debian/Ubuntu).');
const run = promisify(execFile);

/** Runs a command and resolves with its exit code and output, whatever the code. */
async function outcome(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { code: error.code, out: error.stdout, err: error.stderr };
  }
}

describe.runIf(hasDpkg)('system packages (real dpkg database)', () => {
  it('lists the packages the tests use', () => {
    const names = SYSTEM_PACKAGES.map((p) => p.name);
    for (const name of ['chromium', 'fonts-noto-core', 'fonts-noto-cjk', 'apertium', 'apertium-eng-spa', 'apertium-ind-zlm', 'espeak-ng', 'newsboat', 'epubcheck', 'php-cli', 'php-sqlite3']) {
      expect(names).toContain(name);
    }
    expect(packageNames({ KABAR_SYSTEM_PACKAGES_EXTRA: `a, b ${NO_SUCH}` }).slice(-3)).toEqual(['a', 'b', NO_SUCH]);
  });

  it('finds installed packages and reports unknown ones as missing', () => {
    // dpkg itself is installed wherever dpkg-query runs.
    expect(missingPackages(['dpkg'])).toEqual([]);
    expect(missingPackages(['dpkg', NO_SUCH, 'coreutils'])).toEqual([NO_SUCH]);
    // npm test ran this check first, so every listed package is installed on a machine running it.
    expect(missingPackages(packageNames({}))).toEqual([]);
    const lines: string[] = [];
    expect(ensureSystemPackages({ argv: [], env: {}, log: (l) => lines.push(l) })).toBe(0);
    expect(lines.join('\n')).toMatch(/all \d+ system packages are installed/);
  });

  it('with a package missing and no installing, prints one command and exits non-zero', async () => {
    const result = await outcome(process.execPath, [SCRIPT], { KABAR_SYSTEM_PACKAGES_EXTRA: NO_SUCH, KABAR_SYSTEM_DEPS_INSTALL: '0' });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`not installed: ${NO_SUCH}\n`);
    const commands = result.err.split('\n').filter((l) => /apt-get install/.test(l));
    expect(commands).toHaveLength(1);
    expect(commands[0]!.trim()).toMatch(new RegExp(`^(sudo )?apt-get install -y --no-install-recommends ${NO_SUCH}$`));
  });

  it('makes npm test stop before any test runs', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test!.startsWith('node scripts/system-deps.mjs && ')).toBe(true);
    const env = { KABAR_SYSTEM_PACKAGES_EXTRA: NO_SUCH, KABAR_SYSTEM_DEPS_INSTALL: '0' };
    const alone = await outcome(process.execPath, [SCRIPT], env);
    const result = await outcome('npm', ['test', '--silent'], env);
    expect(result.code).not.toBe(0);
    // Nothing after the check started: the only output is the check's own message.
    expect(result.out).toBe('');
    expect(result.err).toBe(alone.err);
  });

  it('.ci/run runs the same script before npm ci and npm test', () => {
    // Commands only: the comments mention these too.
    const lines = readFileSync(join(ROOT, '.ci', 'run'), 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('#'));
    const at = (text: string) => lines.findIndex((l) => l.startsWith(text));
    expect(at('node scripts/system-deps.mjs')).toBeGreaterThanOrEqual(0);
    expect(at('node scripts/system-deps.mjs')).toBeLessThan(at('npm ci'));
    expect(at('npm ci')).toBeLessThan(at('npm test'));
  });
});

// Installing changes the machine, so this runs only when asked: KABAR_TEST_APT_INSTALL=<a small
// package that is not installed>, e.g. `hello`. It is purged again afterwards.
const aptPackage = process.env.KABAR_TEST_APT_INSTALL;
const rootWithApt = process.getuid?.() === 0 && !spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error;
if (!aptPackage || !rootWithApt) {
  console.log(`SKIPPED system-deps real apt install: ${rootWithApt ? 'set KABAR_TEST_APT_INSTALL=<package> to let it install one' : 'needs root and apt-get'}.`);
}

describe.runIf(Boolean(aptPackage) && rootWithApt && hasDpkg)('installing as root with apt', () => {
  it('installs a missing package, then the check passes', async () => {
    const name = aptPackage as string;
    expect(missingPackages([name])).toEqual([name]);
    try {
      const result = await outcome(process.execPath, [SCRIPT], { KABAR_SYSTEM_PACKAGES_EXTRA: name });
      expect(result.code).toBe(0);
      expect(result.err).toContain(`system-deps: installed ${name}.`);
      expect(missingPackages([name])).toEqual([]);
    } finally {
      spawnSync('apt-get', ['purge', '-y', '-qq', name], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
  }, 300_000);
});

describe('installing or telling', () => {
  it('installs only as root with apt, and not when asked to check', () => {
    expect(canInstall({ uid: 0, env: {}, argv: [], hasApt: true })).toBe(true);
    expect(canInstall({ uid: 1000, env: {}, argv: [], hasApt: true })).toBe(false);
    expect(canInstall({ uid: 0, env: {}, argv: [], hasApt: false })).toBe(false);
    expect(canInstall({ uid: 0, env: {}, argv: ['--check'], hasApt: true })).toBe(false);
    expect(canInstall({ uid: 0, env: { KABAR_SYSTEM_DEPS_INSTALL: '0' }, argv: [], hasApt: true })).toBe(false);
  });

  it('says sudo when not root', () => {
    expect(installCommand(['apertium', 'newsboat'], 1000)).toBe('sudo apt-get install -y --no-install-recommends apertium newsboat');
    expect(installCommand(['apertium'], 0)).toBe('apt-get install -y --no-install-recommends apertium');
  });
});
