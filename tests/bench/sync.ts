/**
 * Sync benchmark (issue 14) against a real FreshRSS on loopback, started here: 100 feeds × 50
 * items (the feed benchmark's fixture, imported into FreshRSS as OPML, which fetches them all).
 * Prints one JSON line: `sync_first_s` (first sync: 5,000 items become articles), `sync_idle_ms`
 * (a sync with nothing new, median of 5) and `sync_500_changes_s` (push 500 local state changes).
 * Budgets: 30 s, 1,000 ms, 3 s. Prints {"sync_skipped": reason} when PHP is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../main/core/sync';
import { freshRssMissing, RawApi, startFreshRss } from '../unit/sync/freshrss';
import { startFeedServer } from './feed-server';

const FEEDS = Number(process.env.KABAR_BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.KABAR_BENCH_ITEMS ?? 50);

function opml(urls: string[]): string {
  const outlines = urls.map((u, i) => `<outline type="rss" text="Site ${i}" xmlUrl="${u}"/>`).join('');
  return `<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body><outline text="Bench">${outlines}</outline></body></opml>`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const missing = await freshRssMissing();
  if (missing) {
    console.log(JSON.stringify({ sync_skipped: missing }));
    return;
  }
  const server = await startFreshRss();
  const feeds = await startFeedServer(FEEDS, ITEMS);
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-sync-'));
  try {
    const raw = new RawApi(server.api, server.user, server.password);
    await raw.post('subscription/edit', [['s', 'feed/1'], ['ac', 'unsubscribe']]);
    const auth = await raw.login();
    const imported = await fetch(`${server.api}/reader/api/0/subscription/import`, {
      method: 'POST',
      headers: { authorization: `GoogleLogin auth=${auth}`, 'content-type': 'text/xml' },
      body: opml(feeds.urls),
    });
    if ((await imported.text()).trim() !== 'OK') throw new Error('FreshRSS refused the OPML import');
    const onServer = (await raw.get<{ itemRefs: unknown[] }>('stream/items/ids?s=user/-/state/com.google/reading-list&n=100000')).itemRefs.length;

    const library = await openLibrary({ dir });
    const sync = new SyncSession(library, { box: ownerOnlyFileBox, timeoutMs: 120_000 });
    await sync.addAccount({ url: server.api, user: server.user, password: server.password });
    let t = performance.now();
    const cpu = process.cpuUsage();
    const first = await sync.sync();
    const firstS = (performance.now() - t) / 1000;
    const firstCpu = process.cpuUsage(cpu);

    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await sync.sync();
      idle.push(performance.now() - t);
    }

    const ids = library.ids().slice(0, 500);
    ids.forEach((id, i) => (i % 2 === 0 ? library.setRead(id, true) : library.setBookmarked(id, true)));
    t = performance.now();
    const pushed = await sync.sync();
    const pushS = (performance.now() - t) / 1000;
    await library.close();
    const round = (x: number, d = 100): number => Math.round(x * d) / d;
    console.log(
      JSON.stringify({
        sync_feeds: FEEDS,
        sync_items_on_server: onServer,
        sync_first_s: round(firstS),
        sync_first_articles: first.articlesAdded,
        sync_first_cpu_s: round((firstCpu.user + firstCpu.system) / 1e6),
        sync_idle_ms: round(median(idle), 1),
        sync_500_changes_s: round(pushS),
        sync_changes_sent: pushed.changesSent,
        sync_load_avg_1m: round(loadavg()[0] ?? 0),
        sync_budget_first_s: 30,
        sync_budget_idle_ms: 1000,
        sync_budget_500_changes_s: 3,
      }),
    );
  } finally {
    await feeds.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
