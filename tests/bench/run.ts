/**
 * `npm run bench`: builds a 10,000-article library from the corpus in a temp folder, then
 * measures the store in fresh processes, then runs the other issues' benchmarks (feeds,
 * translation), each in its own process, and prints one JSON line with every figure.
 * `KABAR_BENCH_ARTICLES` (or `--articles N`) changes the library size; `KABAR_BENCH_KEEP=1` keeps
 * the folder (its path is printed as `library_dir`); `--store-only` leaves out the other issues'
 * benchmarks, which do not depend on the library's size (the 100,000-article run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureImport } from './import';
import { ARTICLES, buildLibrary, corpusFiles, measureBulkAdd } from './library';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Benchmarks of later issues, each a script printing one JSON line, run in its own process. */
const CHILD_BENCHES = ['feeds.ts', 'peer.ts', 'feeds-ui.ts', 'translate.ts', 'toggle.ts', 'export.ts', 'imports.ts', 'sync.ts', 'marks.ts', 'highlights-view.ts'];

function runChildBench(script: string, ...args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, unknown>;
}

function measureInFreshProcess(dir: string, ...flags: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'measure-store.ts'), dir, ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
}

async function main(): Promise<void> {
  const { pages, texts } = await corpusFiles();
  // First batch of a fresh process (workers start during it), then the same batch again: the
  // app starts its extraction workers when the Add dialog opens or files are dragged in
  // (`import:prepare`), so a user's imports run warm.
  const cold = await measureImport(pages);
  const imported = await measureImport(pages);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-'));
  const buildStarted = performance.now();
  await buildLibrary(dir, [...pages, ...texts]);
  const buildS = (performance.now() - buildStarted) / 1000;
  const figures = { ...measureInFreshProcess(dir, '--parse-floor'), ...measureInFreshProcess(dir) };
  const cli = runChildBench('cli.ts', dir); // cli_list_ms: `kabar list --json` on this library
  // After the store and CLI figures, so they are taken on a library of exactly ARTICLES.
  const bulk = await measureBulkAdd(dir, [...pages, ...texts]);
  if (process.env.KABAR_BENCH_KEEP !== '1') await rm(dir, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 10) / 10;
  const storeOnly = process.argv.includes('--store-only');
  const later = Object.assign({}, ...(storeOnly ? [] : CHILD_BENCHES).map((script) => runChildBench(script))) as Record<string, unknown>;
  console.log(
    JSON.stringify({
      articles: ARTICLES,
      ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)])),
      import_pages_per_s: round(imported.import_pages_per_s),
      import_cpu_ms_per_page: round(imported.cpu_ms_per_page),
      import_cold_pages_per_s: round(cold.import_pages_per_s),
      build_s: round(buildS),
      ...cli,
      bulk_add_per_s: round(bulk.bulk_add_per_s),
      bulk_add_library: bulk.bulk_add_library,
      budget_bulk_add_per_s: 500,
      load_avg_1m: round(loadavg()[0]),
      ...(process.env.KABAR_BENCH_KEEP === '1' ? { library_dir: dir } : {}),
      ...later,
    }),
  );
}

await main();
