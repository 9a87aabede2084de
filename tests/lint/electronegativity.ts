/**
 * `npm run lint:electron`: Doyensec's Electronegativity over the app's own code (main/, preload/,
 * renderer/ and package.json, copied to a scratch folder so tests and node_modules are not
 * scanned and the global checks see the whole app at once). Fails on any HIGH or MEDIUM
 * finding; a justified exception is an `eng-disable CHECK_ID` comment at its line, with the reason.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  manualReview: boolean;
  description: string;
}

type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[]; globalChecks: number; atomicChecks: number }>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The Electron major the app ships (package.json devDependencies), so version-dependent defaults are judged right. */
const ELECTRON_VERSION = '45.0.0';

async function main(): Promise<number> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity/dist/runner.js') as Run;
  const scratch = await mkdtemp(join(tmpdir(), 'kabar-electronegativity-'));
  try {
    for (const part of ['main', 'preload', 'renderer', 'package.json']) {
      await cp(join(ROOT, part), join(scratch, part), { recursive: true, filter: (src) => !src.includes('node_modules') });
    }
    // The tool logs progress through console.log; keep only our summary on screen.
    const log = console.log;
    console.log = () => undefined;
    let result: Awaited<ReturnType<Run>>;
    try {
      result = await run({ input: scratch, isRelative: true, electronVersionOverride: ELECTRON_VERSION, parserPlugins: [] });
    } finally {
      console.log = log;
    }
    const hard = result.errors.filter((e) => !e.tolerable);
    for (const e of hard) console.error(`electronegativity could not parse ${e.file}: ${e.message}`);
    const blocking = result.issues.filter((i) => i.severity.value >= 2);
    for (const i of result.issues) {
      const mark = i.severity.value >= 2 ? 'FAIL' : 'note';
      console.log(`${mark} ${i.id} ${i.severity.name}/${i.confidence.name} ${i.file}:${i.location.line}:${i.location.column}${i.manualReview ? ' (review)' : ''}`);
    }
    console.log(
      `electronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} finding(s), ${blocking.length} high/medium`,
    );
    return blocking.length > 0 || hard.length > 0 ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
