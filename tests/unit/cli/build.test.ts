/**
 * The built command line, as a new developer meets it: in a copy of the sources with no out/,
 * `npm run cli` builds first (saying so on stderr, stdout kept for the command), then runs
 * out/main/cli.js; later runs skip the build until a source changes. `kabar list` loads none of
 * the import pipeline's heavy modules (recorded by a real module-resolve hook); `import` does.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../../scripts/cli.mjs';
import { CORPUS, SEED } from '../helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('./loads/register.mjs', import.meta.url));
const HEAVY = ['jsdom', '@mozilla/readability', 'linkedom', 'sanitize-html', 'parse5', 'dompurify', 'feedsmith', 'tinyld', 'chardet', 'iconv-lite', 'tar', 'zod'];
const run = promisify(execFile);

interface Outcome {
  code: number;
  out: string;
  err: string;
}

async function outcome(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const error = e as { code: number; stdout: string; stderr: string };
    return { code: error.code, out: error.stdout, err: error.stderr };
  }
}

let clone: string;
let data: string;
let first: Outcome;

beforeAll(async () => {
  // A copy of the sources beside the checkout's node_modules (found by walking up), without out/:
  // what a fresh clone after `npm install` holds. Other suites build the real out/ meanwhile.
  mkdirSync(join(ROOT, '.kabar-tmp'), { recursive: true });
  clone = mkdtempSync(join(ROOT, '.kabar-tmp', 'cli-clone-'));
  for (const entry of ['main', 'preload', 'renderer', 'scripts', 'electron.vite.config.ts', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.preload.json', 'tsconfig.web.json', 'tsconfig.tests.json']) {
    cpSync(join(ROOT, entry), join(clone, entry), { recursive: true });
  }
  data = mkdtempSync(join(tmpdir(), 'kabar-cli-build-'));
  first = await outcome(process.execPath, [join(clone, 'scripts', 'cli.mjs'), '--data', data, '--json', 'list'], clone);
}, 300_000);

afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('npm run cli on a fresh clone', () => {
  it('builds out/ first, says so on stderr, and keeps stdout for the command', () => {
    expect(first.code).toBe(0);
    expect(first.err).toContain('kabar: building the app into out/ first (out/main/cli.js is missing)');
    expect(JSON.parse(first.out)).toMatchObject({ items: [], total: 0 });
    expect(existsSync(join(clone, 'out', 'main', 'cli.js'))).toBe(true);
  });

  it('skips the build while out/ is newer than the sources, and builds again after an edit', async () => {
    const again = await outcome(process.execPath, [join(clone, 'scripts', 'cli.mjs'), '--data', data, 'list'], clone);
    expect(again).toEqual({ code: 0, out: 'No articles.\n(0 of 0)\n', err: '' });
    expect(staleReason(clone)).toBeNull();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(clone, 'main', 'cli', 'output.ts'), later, later);
    expect(staleReason(clone)).toBe('main changed since the last build');
    utimesSync(join(clone, 'main', 'cli', 'output.ts'), new Date(0), new Date(0));
    utimesSync(join(clone, 'main', 'cli'), new Date(0), new Date(0));
    writeFileSync(join(clone, 'electron.vite.config.ts'), readFileSync(join(clone, 'electron.vite.config.ts')));
    expect(staleReason(clone)).toBe('electron.vite.config.ts changed since the last build');
  });

  it('runs through npm run cli as a real process: JSON on stdout, errors on stderr with exit code 1', async () => {
    const npm = (...args: string[]) => outcome('npm', ['run', '--silent', 'cli', '--', '--data', data, ...args], clone);
    // The test above touched electron.vite.config.ts: this run builds again, and says why.
    const imported = await npm('--json', 'import', SEED);
    expect(imported.code).toBe(0);
    expect(imported.err).toBe('kabar: building the app into out/ first (electron.vite.config.ts changed since the last build)…\n');
    expect((JSON.parse(imported.out) as { imported: number }).imported).toBe(1);
    const failed = await npm('show', 'nope');
    expect(failed.code).toBe(1);
    expect(failed.out).toBe('');
    expect(failed.err).toMatch(/No article with id nope/);
  });
});

describe('what kabar loads', () => {
  /** Package names whose modules a CLI run resolved. */
  async function loadedPackages(...args: string[]): Promise<Set<string>> {
    const record = join(data, `loads-${args[0]}.txt`);
    const result = await outcome(process.execPath, ['--import', RECORDER, join(clone, 'out', 'main', 'cli.js'), '--data', data, ...args], clone, {
      KABAR_RECORD_LOADS: record,
    });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
    const names = urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((n): n is string => Boolean(n));
    return new Set(names);
  }

  // The library holds the seed, imported through npm run cli above.
  it('list and show load no part of the import pipeline, feeds, backup or IPC validation', async () => {
    const list = await loadedPackages('--json', 'list');
    expect(list).toContain('lowdb');
    for (const name of HEAVY) expect(list).not.toContain(name);
    const show = await loadedPackages('show', (await outcome(process.execPath, [join(clone, 'out', 'main', 'cli.js'), '--data', data, 'list'], clone)).out.slice(0, 10));
    for (const name of HEAVY) expect(show).not.toContain(name);
  });

  it('importing a web page does load Readability and the sanitizer (so the check above can fail)', async () => {
    const imported = await loadedPackages('import', join(CORPUS, 'pages', 'wikipedia', 'source.html'));
    expect(imported).toContain('@mozilla/readability');
    expect(imported).toContain('linkedom');
    expect(imported).toContain('sanitize-html');
    // jsdom is only the tests' reference sanitizer now: the app never loads it.
    expect(imported).not.toContain('jsdom');
  });
});
