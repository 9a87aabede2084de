/**
 * Peer benchmark (issue 15): the same cold refresh — 100 feeds × 50 items from 20 loopback hosts,
 * served by one real local HTTP server — run by Kabar (refreshFeeds into a fresh library) and by
 * Newsboat (`newsboat -x reload`, 4 reload threads, its own temp config, cache and urls file), one
 * after the other in the same process run. Prints one JSON line: both times, the ratio (budget
 * ≤ 2.0), CPU seconds and the load average. Each side's stored count is checked, so neither
 * "wins" by storing nothing. Without newsboat on PATH it prints SKIPPED and why.
 * Kabar runs warm, as the app is after its first refresh: a 2-feed refresh into a throwaway
 * library first loads the modules and starts the extraction workers (under tsx that includes
 * transpiling them, which the built app never does).
 * Newsboat's time swings between runs (1.7 and 4.6 s on the same quiet machine), so the two run
 * in turn ROUNDS times (default 3, `KABAR_BENCH_PEER_ROUNDS`) and the ratio is of the medians.
 * `KABAR_BENCH_FEEDS` / `KABAR_BENCH_ITEMS` / `KABAR_BENCH_HOSTS` change the sizes.
 */
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { warmExtractWorkers } from '../../main/core/articles';
import { refreshFeeds } from '../../main/core/feeds';
import { openLibrary } from '../../main/core/store';
import { feedRecords, startFeedServer, type FeedServer } from './feed-server';

const FEEDS = Number(process.env.KABAR_BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.KABAR_BENCH_ITEMS ?? 50);
const HOSTS = Number(process.env.KABAR_BENCH_HOSTS ?? 20);
const BUDGET = 2.0;
const ROUNDS = Math.max(1, Number(process.env.KABAR_BENCH_PEER_ROUNDS ?? 3));

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const cpuS = (u: NodeJS.CpuUsage): number => round2((u.user + u.system) / 1e6);

function newsboatVersion(): string | null {
  try {
    return execFileSync('newsboat', ['-v'], { encoding: 'utf8' }).split('\n')[0]?.trim() ?? 'newsboat';
  } catch {
    return null;
  }
}

/** A small refresh into a throwaway library, so the measured one runs in a warm process. */
async function warmUp(): Promise<void> {
  const server = await startFeedServer(2, 5, 2);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-warm-'));
  const library = await openLibrary({ dir });
  try {
    library.saveFeeds(feedRecords(server.urls));
    await warmExtractWorkers();
    await refreshFeeds(library);
  } finally {
    await library.close();
    await rm(dir, { recursive: true, force: true });
    await server.close();
  }
}

/** Kabar's cold refresh (new feeds, empty library) in a warm process; returns seconds, CPU seconds and stored articles. */
async function runKabar(server: FeedServer): Promise<{ s: number; cpu: number; stored: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-peer-'));
  const library = await openLibrary({ dir });
  try {
    library.saveFeeds(feedRecords(server.urls));
    const cpu = process.cpuUsage();
    const t = performance.now();
    await refreshFeeds(library);
    const s = (performance.now() - t) / 1000;
    return { s, cpu: cpuS(process.cpuUsage(cpu)), stored: library.list({ limit: 1 }).total };
  } finally {
    await library.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Newsboat's cold reload in its own temp home; the child runs async so this process keeps serving. */
async function runNewsboat(server: FeedServer): Promise<{ s: number; stored: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-newsboat-'));
  try {
    writeFileSync(join(dir, 'urls'), server.urls.join('\n') + '\n');
    writeFileSync(join(dir, 'config'), 'reload-threads 4\n');
    const cache = join(dir, 'cache.db');
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config-home'), XDG_DATA_HOME: join(dir, 'data-home') };
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn('newsboat', ['-x', 'reload', '-u', join(dir, 'urls'), '-c', cache, '-C', join(dir, 'config')], { env, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`newsboat exited with ${code}`))));
    });
    const s = (performance.now() - t) / 1000;
    // Newsboat's cache is SQLite; count what it stored (sqlite3 is a Debian package beside it).
    let stored = -1;
    try {
      stored = Number(execFileSync('sqlite3', [cache, 'select count(*) from rss_item'], { encoding: 'utf8' }).trim());
    } catch {
      // No sqlite3: the count stays unknown (-1), the time still stands.
    }
    return { s, stored };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const version = newsboatVersion();
  if (!version) {
    console.log(JSON.stringify({ peer_refresh_ratio: null, peer_skipped: 'SKIPPED: newsboat is not on PATH (apt-get install newsboat)' }));
    return;
  }
  const server = await startFeedServer(FEEDS, ITEMS, HOSTS);
  try {
    const load = round2(loadavg()[0]);
    await warmUp();
    const peers: { s: number; stored: number }[] = [];
    const kabars: { s: number; cpu: number; stored: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      peers.push(await runNewsboat(server));
      kabars.push(await runKabar(server));
    }
    const kabarS = median(kabars.map((k) => k.s));
    const peerS = median(peers.map((p) => p.s));
    console.log(
      JSON.stringify({
        peer_feeds: FEEDS,
        peer_items_per_feed: ITEMS,
        peer_hosts: HOSTS,
        peer_rounds: ROUNDS,
        peer_kabar_s: round2(kabarS),
        peer_kabar_runs_s: kabars.map((k) => round2(k.s)),
        peer_kabar_cpu_s: median(kabars.map((k) => k.cpu)),
        peer_kabar_stored: Math.min(...kabars.map((k) => k.stored)),
        peer_newsboat_s: round2(peerS),
        peer_newsboat_runs_s: peers.map((p) => round2(p.s)),
        peer_newsboat_stored: Math.min(...peers.map((p) => p.stored)),
        peer_refresh_ratio: round2(kabarS / peerS),
        peer_budget_ratio: BUDGET,
        peer_newsboat: version,
        peer_load_avg_1m: load,
        peer_load_avg_1m_end: round2(loadavg()[0]),
      }),
    );
  } finally {
    await server.close();
  }
}

await main();
