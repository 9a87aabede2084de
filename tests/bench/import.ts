/**
 * Import throughput: the corpus HTML pages through the whole pipeline (decode, Readability,
 * DOMPurify, blocks, language, image capture, store) into a fresh library. `run.ts` uses
 * `measureImport`; run alone (`node --import tsx/esm tests/bench/import.ts`) it prints one
 * JSON line with pages per second, CPU ms per page (all threads of the process), the CPU of the
 * busiest threads (Linux: the calling thread first, then the extraction workers) and the load.
 * On a loaded machine wall time says little; the busiest thread's CPU bounds the quiet wall time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmExtractWorkers } from '../../main/core/articles';
import { importSources } from '../../main/core/importer';
import { openLibrary } from '../../main/core/store';
import { corpusFiles } from './library';

/** What one import run measured. */
export interface ImportFigures {
  import_pages_per_s: number;
  /** Process CPU (every thread: caller, workers, GC) per imported page, worker start-up included. */
  cpu_ms_per_page: number;
  pages: number;
  /** CPU ms of the calling thread, then of the busiest other threads (workers), over the batch; empty off Linux. */
  thread_cpu_ms: number[];
}

// CPU ms per thread of this process, by thread id, from /proc (Linux only; {} elsewhere).
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100); // utime + stime, in USER_HZ (100/s)
    }
  } catch {
    // Not Linux: no per-thread figures.
  }
  return out;
}

function threadDelta(before: Map<string, number>, after: Map<string, number>): number[] {
  const main = String(process.pid);
  const others = [...after]
    .filter(([tid]) => tid !== main)
    .map(([tid, ms]) => ms - (before.get(tid) ?? 0))
    .sort((a, b) => b - a)
    .slice(0, 3);
  return after.has(main) ? [(after.get(main) as number) - (before.get(main) ?? 0), ...others] : [];
}

/** A fetch that only reaches this machine: remote images fail at once, as they would offline. */
const loopbackFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new TypeError('offline (benchmark)');
  return fetch(input, init);
};

/**
 * Brings the process to where a running app is when the user imports: the extraction workers
 * started (the app starts them when the Add dialog opens or files are dragged in, `import:prepare`)
 * and the pipeline's code loaded on this thread.
 */
export async function warmPipeline(pages: string[]): Promise<void> {
  await warmExtractWorkers();
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-warm-'));
  const library = await openLibrary({ dir });
  await importSources(library, pages.slice(0, 1).map((path) => ({ kind: 'path' as const, path })), { fetch: loopbackFetch });
  await library.close();
  await rm(dir, { recursive: true, force: true });
}

/** Imports the pages into a fresh library in a temp folder; wall time and CPU cover the whole batch. */
export async function measureImport(pages: string[]): Promise<ImportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-import-'));
  const library = await openLibrary({ dir });
  const cpu = process.cpuUsage();
  const threadsBefore = threadCpu();
  const started = performance.now();
  const summary = await importSources(
    library,
    pages.map((path) => ({ kind: 'path' as const, path })),
    { fetch: loopbackFetch },
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const threads = threadDelta(threadsBefore, threadCpu());
  await library.close();
  await rm(dir, { recursive: true, force: true });
  const imported = summary.results.length - summary.failed;
  return {
    import_pages_per_s: imported / seconds,
    cpu_ms_per_page: (used.user + used.system) / 1000 / imported,
    pages: imported,
    thread_cpu_ms: threads,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { pages } = await corpusFiles();
  if (process.env.KABAR_BENCH_COLD !== '1') await warmPipeline(pages);
  const figures = await measureImport(pages);
  const round = (x: number): number => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      import_pages_per_s: round(figures.import_pages_per_s),
      cpu_ms_per_page: round(figures.cpu_ms_per_page),
      pages: figures.pages,
      thread_cpu_ms: figures.thread_cpu_ms.map(Math.round),
      load: loadavg().map(round),
    }),
  );
}
