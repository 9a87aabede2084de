/**
 * `cli_list_ms`: a whole `kabar list --json` process (the built out/main/cli.js, as the installed
 * `kabar` runs it) on the 10,000-article library, against node's bare start-up (`node -e 0`)
 * measured in the same run, interleaved so both see the same machine load. Budget: ≤ bare + 300 ms.
 * Also: the same through scripts/cli.mjs (npm run cli's staleness check, without npm's own start),
 * and the old way, tsx compiling main/cli.ts at each start. Prints one JSON line.
 *
 *   node --import tsx tests/bench/cli.ts [LIBRARY_DIR]
 *
 * LIBRARY_DIR (or KABAR_BENCH_CLI_DATA) reuses a library built before (kept); without one, the
 * bench library is built from the corpus in a temp folder (several minutes) and removed after.
 * KABAR_BENCH_CLI_RUNS sets the number of runs of each (default 15).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLES, buildLibrary, corpusFiles } from './library';
import { percentile } from './paint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.KABAR_BENCH_CLI_RUNS ?? 15);
const BUDGET_OVER_BARE_MS = 300;

/** Wall time of one whole process, its stdout read to the end (as a shell pipe would). */
function timed(file: string, args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const stdout = execFileSync(file, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return { ms: performance.now() - started, stdout };
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const reuse = process.argv[2] ?? process.env.KABAR_BENCH_CLI_DATA;
  const dir = reuse ?? (await mkdtemp(join(tmpdir(), 'kabar-bench-cli-')));
  if (!reuse) {
    const { pages, texts } = await corpusFiles();
    await buildLibrary(dir, [...pages, ...texts]);
  }
  const node = process.execPath;
  const list = ['list', '--json', '--data', dir];
  const variants: Record<string, [string, string[]]> = {
    bare: [node, ['-e', '0']],
    built: [node, [join(ROOT, 'out', 'main', 'cli.js'), ...list]],
    script: [node, [join(ROOT, 'scripts', 'cli.mjs'), ...list]],
  };
  // A check that the runs measure real work: the first page of the whole library.
  const first = JSON.parse(timed(...variants.built).stdout) as { total: number; items: unknown[] };
  if (first.total < ARTICLES || first.items.length === 0) throw new Error(`the library in ${dir} holds ${first.total} articles, not ${ARTICLES}`);
  const times: Record<string, number[]> = { bare: [], built: [], script: [] };
  for (let i = 0; i < RUNS; i++) for (const [name, [file, args]] of Object.entries(variants)) times[name]!.push(timed(file, args).ms);
  const tsx = [0, 1, 2].map(() => timed(node, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'main', 'cli.ts'), ...list]).ms);
  if (!reuse) await rm(dir, { recursive: true, force: true });

  const round = (x: number) => Math.round(x);
  const bare = percentile(times.bare!, 50);
  const built = percentile(times.built!, 50);
  console.log(
    JSON.stringify({
      articles: first.total,
      runs: RUNS,
      cli_list_ms: round(built),
      node_bare_ms: round(bare),
      cli_list_over_bare_ms: round(built - bare),
      cli_list_budget_ms: round(bare + BUDGET_OVER_BARE_MS),
      cli_list_within_budget: built <= bare + BUDGET_OVER_BARE_MS,
      cli_list_min_ms: round(Math.min(...times.built!)),
      node_bare_min_ms: round(Math.min(...times.bare!)),
      cli_list_via_script_ms: round(percentile(times.script!, 50)),
      cli_list_tsx_ms: round(percentile(tsx, 50)),
    }),
  );
}

await main();
