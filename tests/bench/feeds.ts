/**
 * Feed refresh benchmark (issue 4): 100 feeds × 50 items, each feed on its own loopback host
 * (127.0.0.1–127.0.0.100, as 100 sites would be), served by a real local HTTP server with
 * ETags. Prints one JSON line: `refresh_all_s` cold (every item becomes an article) and warm
 * (every feed answers 304). Budgets: cold ≤ 20 s, warm ≤ 2 s.
 * `KABAR_BENCH_FEEDS` / `KABAR_BENCH_ITEMS` change the sizes. CPU seconds and the load average are
 * printed too: wall time on a shared 2-core machine depends on what else runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFeeds, refreshFeeds } from '../../main/core/feeds';
import { openLibrary } from '../../main/core/store';
import { feedRecords, startFeedServer } from './feed-server';

const FEEDS = Number(process.env.KABAR_BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.KABAR_BENCH_ITEMS ?? 50);

async function main(): Promise<void> {
  const server = await startFeedServer(FEEDS, ITEMS);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-feeds-'));
  const library = await openLibrary({ dir });
  try {
    library.saveFeeds(feedRecords(server.urls));
    let t = performance.now();
    let cpu = process.cpuUsage();
    const cold = await refreshFeeds(library);
    const coldS = (performance.now() - t) / 1000;
    const coldCpu = process.cpuUsage(cpu);
    t = performance.now();
    cpu = process.cpuUsage();
    const warm = await refreshFeeds(library);
    const warmS = (performance.now() - t) / 1000;
    const warmCpu = process.cpuUsage(cpu);
    const cpuS = (u: NodeJS.CpuUsage): number => Math.round((u.user + u.system) / 1e4) / 100;
    const articles = library.list({ limit: 1 }).total;
    const failed = readFeeds(library).filter((f) => f.error).length;
    console.log(
      JSON.stringify({
        feeds: FEEDS,
        items_per_feed: ITEMS,
        refresh_all_s: Math.round(coldS * 100) / 100,
        refresh_all_warm_s: Math.round(warmS * 100) / 100,
        cold_cpu_s: cpuS(coldCpu),
        warm_cpu_s: cpuS(warmCpu),
        load_avg_1m: Math.round(loadavg()[0] * 100) / 100,
        feed_articles: articles,
        cold_ok: cold.filter((r) => r.state === 'ok').length,
        warm_not_modified: warm.filter((r) => r.state === 'not-modified').length,
        served_304: server.served304(),
        failed,
        budget_cold_s: 20,
        budget_warm_s: 2,
      }),
    );
  } finally {
    await library.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
