/**
 * Feed refresh benchmark (issue 4): 100 feeds × 50 items, each feed on its own loopback host
 * (127.0.0.1–127.0.0.100, as 100 sites would be), served by a real local HTTP server with
 * ETags. Prints one JSON line: `refresh_all_s` cold (every item becomes an article) and warm
 * (every feed answers 304). Budgets: cold ≤ 20 s, warm ≤ 2 s.
 * `KABAR_BENCH_FEEDS` / `KABAR_BENCH_ITEMS` change the sizes. CPU seconds and the load average are
 * printed too: wall time on a shared 2-core machine depends on what else runs.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedId, readFeeds, refreshFeeds } from '../../main/core/feeds';
import { openLibrary } from '../../main/core/store';

const FEEDS = Number(process.env.KABAR_BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.KABAR_BENCH_ITEMS ?? 50);
const WORDS = 'the city council met on tuesday to discuss the new budget for schools roads and parks while residents asked questions about taxes'.split(' ');

function paragraph(seed: number): string {
  return Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

function feedXml(f: number): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toUTCString();
    return `<item><title>Feed ${f} story ${i}: council budget</title><link>http://site${f}.example/story/${i}</link><guid>http://site${f}.example/story/${i}</guid><pubDate>${date}</pubDate><description><![CDATA[<p>${paragraph(f * 100 + i)}.</p><p>${paragraph(i)}.</p>]]></description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Site ${f}</title><link>http://site${f}.example/</link>${items}</channel></rss>`;
}

async function main(): Promise<void> {
  const bodies = Array.from({ length: FEEDS }, (_, f) => feedXml(f));
  let served304 = 0;
  const server = createServer((req, res) => {
    const f = Number(/\/feed(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    const etag = `"f${f}"`;
    if (req.headers['if-none-match'] === etag) {
      served304 += 1;
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(bodies[f]);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-feeds-'));
  const library = await openLibrary({ dir });
  try {
    const now = new Date().toISOString();
    library.saveFeeds(
      Array.from({ length: FEEDS }, (_, f) => {
        const url = `http://127.0.0.${(f % 254) + 1}:${port}/feed${f}.xml`;
        return { id: feedId(url), url, title: `Site ${f}`, folder: [], error: null, failures: 0, fullText: false, keepDays: null, seen: [], addedAt: now };
      }),
    );
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
        served_304: served304,
        failed,
        budget_cold_s: 20,
        budget_warm_s: 2,
      }),
    );
  } finally {
    await library.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
