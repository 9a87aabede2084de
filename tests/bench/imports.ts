/**
 * Issue 12 benchmarks, one JSON line:
 * - `import_pocket_10k_s`: a 10,000-row Pocket CSV into a 10,000-article library (links saved and
 *   queued), in a fresh process; `import_pocket_10k_rss_mb`: that process's peak resident memory during the import.
 * - `fetch_pending_pages_per_s`: 500 queued links across 20 local HTTP hosts serving corpus pages,
 *   fetched, extracted and stored (images not captured: their hosts are not reachable here);
 *   `fetch_pending_cpu_ms_per_page`: the CPU (all threads) it spent per page.
 * - `import_csv_200mb_s`, `import_csv_200mb_rss_mb`: a real 200 MB Pocket CSV (21,000 rows with 10 KB
 *   titles, written to a temp folder) imported into an empty library in a fresh process: seconds and
 *   that process's peak resident memory (the kernel's count).
 * KABAR_BENCH_ROWS and KABAR_BENCH_LINKS change the sizes. Flags: `--prepare DIR` (a library and a CSV
 * to profile the import child on its own), `--fetch-only` (only the fetch figure, for profiling it), `--csv-only` (only the 200 MB CSV figures).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlainText } from '../../main/core/articles';
import { importLibraryFile, LinkFetcher } from '../../main/core/migrate';
import { openLibrary } from '../../main/core/store';
import { writePocketCsv } from '../unit/migrate/large-csv';
import { CORPUS } from './library';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROWS = Number(process.env.KABAR_BENCH_ROWS ?? 10_000);
const LINKS = Number(process.env.KABAR_BENCH_LINKS ?? 500);
const HOSTS = 20;
const round = (x: number): number => Math.round(x * 100) / 100;

/** A 10,000-article library built quickly from the corpus texts (bulk adds, as a feed refresh stores). */
async function buildLibrary(dir: string, count: number): Promise<void> {
  const folder = join(CORPUS, 'articles', 'newspaper4k', 'txt');
  const texts = await Promise.all((await readdir(folder)).map((f) => readFile(join(folder, f), 'utf8')));
  const bases = texts.map((t) => parsePlainText(t));
  const library = await openLibrary({ dir });
  for (let start = 0; start < count; start += 1000) {
    const items = [];
    for (let n = start; n < Math.min(count, start + 1000); n += 1) {
      const base = bases[n % bases.length] as ReturnType<typeof parsePlainText>;
      items.push({ extracted: { ...base, title: `${base.title} #${n}`, url: `https://news.example/${n}` } });
    }
    await library.addMany(items);
  }
  await library.close();
}

async function pocketCsv(path: string, rows: number): Promise<void> {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`"Saved article ${i}, with a comma",https://read.example/${i % 97}/story-${i}?utm_source=pocket,${1600000000 + i},tag${i % 13}|later,${i % 4 ? 'unread' : 'archive'}`);
  }
  await writeFile(path, lines.join('\n'));
}

/** The import measured in this (fresh) process: seconds and peak RSS. */
async function childImport(dir: string, csv: string): Promise<void> {
  const library = await openLibrary({ dir });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const summary = await importLibraryFile(library, csv);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await library.close();
  if (summary.imported !== ROWS) throw new Error(`imported ${summary.imported} of ${ROWS}`);
  console.log(JSON.stringify({ import_pocket_10k_s: round(seconds), import_pocket_10k_rss_mb: Math.round(peak / 1024 / 1024), links_queued: summary.linksWaiting }));
}

/** The 200 MB CSV import measured in this (fresh) process. */
async function childCsv(dir: string, csv: string): Promise<void> {
  const library = await openLibrary({ dir });
  const started = performance.now();
  const summary = await importLibraryFile(library, csv);
  const seconds = (performance.now() - started) / 1000;
  await library.close();
  if (summary.imported !== summary.total) throw new Error(`imported ${summary.imported} of ${summary.total}`);
  console.log(JSON.stringify({ import_csv_200mb_s: round(seconds), import_csv_200mb_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), import_csv_200mb_rows: summary.imported }));
}

async function measureBigCsv(dir: string): Promise<Record<string, number>> {
  const csv = join(dir, 'big.csv');
  const bytes = await writePocketCsv(csv, 21_000, 10_000);
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'imports.ts'), '--child-csv', join(dir, 'big-lib'), csv], { encoding: 'utf8' });
    return { ...(JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>), import_csv_200mb_file_mb: Math.round(bytes / 1024 / 1024) };
  } finally {
    await rm(csv, { force: true });
    await rm(join(dir, 'big-lib'), { recursive: true, force: true });
  }
}

async function startHosts(pages: Buffer[]): Promise<{ urls: string[]; close: () => void }> {
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let h = 0; h < HOSTS; h += 1) {
    const server = createServer((req, res) => {
      const n = Number((req.url ?? '').split('/').pop());
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[n % pages.length]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return { urls, close: () => servers.forEach((s) => (s.closeAllConnections(), s.close())) };
}

async function measureFetch(): Promise<Record<string, number>> {
  const names = (await readdir(join(CORPUS, 'pages'))).filter((p) => !/^(mathjax|lazy-image|005)/.test(p));
  const pages = await Promise.all(names.map((p) => readFile(join(CORPUS, 'pages', p, 'source.html'))));
  const hosts = await startHosts(pages);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-fetch-'));
  try {
    const csv = join(dir, 'links.csv');
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < LINKS; i += 1) rows.push(`Link ${i},${hosts.urls[i % HOSTS]}/page/${i},1600000000,,unread`);
    await writeFile(csv, rows.join('\n'));
    const library = await openLibrary({ dir: join(dir, 'lib') });
    await importLibraryFile(library, csv);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const status = await new LinkFetcher(library, { images: false }).run();
    const seconds = (performance.now() - started) / 1000;
    // CPU of every thread of this process (workers and the 20 servers included): the figure the
    // machine's load does not change, unlike pages/s on a shared 2-core machine.
    const used = process.cpuUsage(cpu);
    await library.close();
    return {
      fetch_pending_pages_per_s: round(status.fetched / seconds),
      fetch_pending_cpu_ms_per_page: Math.round((used.user + used.system) / 1000 / Math.max(1, status.fetched)),
      fetch_pending_links: LINKS,
      fetch_pending_failed: status.failed,
    };
  } finally {
    hosts.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-imports-'));
  try {
    await buildLibrary(join(dir, 'lib'), 10_000);
    const csv = join(dir, 'pocket.csv');
    await pocketCsv(csv, ROWS);
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'imports.ts'), '--child-import', join(dir, 'lib'), csv], { encoding: 'utf8' });
    const imported = JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
    const fetched = await measureFetch();
    const big = await measureBigCsv(dir);
    console.log(JSON.stringify({ ...imported, ...fetched, ...big }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child-import') await childImport(process.argv[3] as string, process.argv[4] as string);
else if (process.argv[2] === '--child-csv') await childCsv(process.argv[3] as string, process.argv[4] as string);
else if (process.argv[2] === '--csv-only') {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-csv-'));
  console.log(JSON.stringify(await measureBigCsv(dir).finally(() => rm(dir, { recursive: true, force: true }))));
}
else if (process.argv[2] === '--prepare') {
  // A library and a CSV kept in the given folder, for profiling the child on its own.
  await buildLibrary(join(process.argv[3] as string, 'lib'), 10_000);
  await pocketCsv(join(process.argv[3] as string, 'pocket.csv'), ROWS);
}
else if (process.argv[2] === '--fetch-only') console.log(JSON.stringify(await measureFetch()));
else await main();
