/**
 * Batch commits lose nothing reported saved: a real Node child refreshes 100 feeds × 50 stories
 * (5,000, from a real HTTP server on 20 loopback hosts) into a fresh library and is killed with
 * SIGKILL at a random moment, 20 times. After every kill: the library opens without recovery, every
 * feed the child reported saved has all its 50 stories with readable bodies, every stored story has
 * a readable body, no story is stored twice, and refreshing a few unfinished feeds again completes
 * them without duplicates. A second test plays a power loss (body files gone or torn after the batch
 * was confirmed): the next open rewrites them from the journal.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds, refreshFeeds } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { startFeedServer, type FeedServer } from '../../bench/feed-server';
import { tempDir } from '../helpers';
import { rng } from './seeded-random';

const KILLS = Number(process.env.KABAR_BATCH_KILLS ?? 20);
const FEEDS = 100;
const ITEMS = 50;
const SEED_VALUE = Number(process.env.KABAR_CRASH_SEED ?? 20261207);
const ROOT = resolve(__dirname, '../../..');

interface Outcome {
  confirmed: Map<string, number>;
  finished: boolean;
}

/**
 * When to kill: during the open, or after `afterFeeds` feeds were reported saved plus a random part
 * of the time the last feed took, so kills land inside batches and compactions whatever the load.
 */
interface KillPlan {
  duringOpenMs?: number;
  afterFeeds: number;
  fraction: number;
}

/** Runs the child until its kill plan says, or until it holds, then SIGKILLs it. */
async function runAndKill(child: string, dir: string, feedsFile: string, plan: KillPlan): Promise<Outcome> {
  const proc = spawn(process.execPath, [child, dir, feedsFile], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  const outcome: Outcome = { confirmed: new Map(), finished: false };
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const kill = (): boolean => proc.kill('SIGKILL');
  const openTimer = plan.duringOpenMs !== undefined ? setTimeout(kill, plan.duringOpenMs) : null;
  let rest = '';
  let last = performance.now();
  const exit = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  const maybeKill = (): void => {
    const gap = performance.now() - last;
    last = performance.now();
    if (plan.duringOpenMs === undefined && outcome.confirmed.size === plan.afterFeeds) setTimeout(kill, plan.fraction * gap);
  };
  proc.stdout.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') maybeKill();
      else if (line === 'hold') {
        outcome.finished = true;
        kill();
      } else if (line.startsWith('! ')) {
        const [feedId, added] = line.slice(2).split(' ') as [string, string];
        outcome.confirmed.set(feedId, Number(added));
        maybeKill();
      }
    }
  });
  const code = await exit;
  if (openTimer) clearTimeout(openTimer);
  expect(code, `child exited by itself: ${stderr}`).toBeNull();
  return outcome;
}

/** Every stored story has a body, no URL twice; returns stories per feed. */
async function checkStories(library: Library): Promise<Map<string, number>> {
  const perFeed = new Map<string, number>();
  const urls = new Set<string>();
  for (const meta of library.allMeta()) {
    expect(urls.has(meta.url ?? ''), `story stored twice: ${meta.url}`).toBe(false);
    urls.add(meta.url ?? '');
    expect((await library.get(meta.id)).blocks.length, `${meta.id}: body`).toBeGreaterThan(0);
    perFeed.set(meta.feedId ?? '', (perFeed.get(meta.feedId ?? '') ?? 0) + 1);
  }
  return perFeed;
}

describe('batch commits under SIGKILL', () => {
  let child = '';
  let server: FeedServer;
  let feedsFile = '';
  beforeAll(async () => {
    const out = join(ROOT, 'node_modules', '.cache', 'kabar-crash-test');
    mkdirSync(out, { recursive: true });
    child = join(out, `batch-child-${process.pid}.mjs`);
    await build({ entryPoints: [join(__dirname, 'batch-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
    server = await startFeedServer(FEEDS, ITEMS, 20);
    feedsFile = join(out, `batch-feeds-${process.pid}.json`);
    writeFileSync(feedsFile, JSON.stringify(server.urls));
  });
  afterAll(async () => {
    rmSync(child, { force: true });
    rmSync(feedsFile, { force: true });
    await server?.close();
  });

  it(`loses no reported-saved story in ${KILLS} kills during a ${FEEDS * ITEMS}-story refresh`, async () => {
    const random = rng(SEED_VALUE);
    const started = performance.now();
    let confirmedFeeds = 0;
    let storiesChecked = 0;
    let resumed = 0;
    for (let run = 0; run < KILLS; run += 1) {
      const dir = await tempDir('kabar-batch-crash-');
      const plan: KillPlan = { afterFeeds: Math.floor(random() * 8), fraction: random() * 1.5 };
      if (random() < 0.15) plan.duringOpenMs = random() * 1500;
      const outcome = await runAndKill(child, dir, feedsFile, plan);
      const library = await openLibrary({ dir });
      try {
        expect(library.recovery, `run ${run}: recovery was needed`).toBeNull();
        const perFeed = await checkStories(library);
        for (const [feedId, added] of outcome.confirmed) {
          expect(added, `run ${run}: feed ${feedId} added`).toBe(ITEMS);
          expect(perFeed.get(feedId), `run ${run}: feed ${feedId} reported saved`).toBe(ITEMS);
        }
        for (const count of perFeed.values()) expect(count).toBeLessThanOrEqual(ITEMS);
        confirmedFeeds += outcome.confirmed.size;
        storiesChecked += library.allMeta().length;
        // Resuming: a few feeds the kill interrupted are refreshed again, with no story twice.
        const unfinished = readFeeds(library).filter((f) => !outcome.confirmed.has(f.id)).slice(0, 2).map((f) => f.id);
        if (unfinished.length > 0) {
          await refreshFeeds(library, { ids: unfinished, captureImages: false, hostGapMs: 0 });
          const after = await checkStories(library);
          for (const id of unfinished) expect(after.get(id), `run ${run}: resumed feed ${id}`).toBe(ITEMS);
          resumed += unfinished.length;
        }
      } finally {
        await library.close();
      }
    }
    console.log(JSON.stringify({ test: 'batch-crash', seed: SEED_VALUE, kills: KILLS, confirmedFeeds, storiesChecked, resumedFeeds: resumed, wallMs: Math.round(performance.now() - started), loadavg: loadavg().map((l) => Number(l.toFixed(2))) }));
    expect(confirmedFeeds, 'some kills landed after feeds were saved').toBeGreaterThan(0);
  }, 900_000);

  it('rewrites bodies a power loss took from the journal at the next open', async () => {
    const dir = await tempDir('kabar-batch-power-');
    const small = await startFeedServer(5, 10, 5);
    const smallFile = join(dir, '..', `${dir.split('/').pop()}-feeds.json`);
    writeFileSync(smallFile, JSON.stringify(small.urls));
    let outcome: Outcome;
    try {
      outcome = await runAndKill(child, dir, smallFile, { afterFeeds: 1000, fraction: 0 });
    } finally {
      await small.close();
      rmSync(smallFile, { force: true });
    }
    expect(outcome.finished).toBe(true);
    // The child compacts after every third feed; what came after the last compaction is only in
    // the journal. Play the power loss on those bodies: one file gone, one torn.
    const library = await openLibrary({ dir, access: 'read' });
    const ids = library.allMeta().map((m) => m.id);
    await library.close();
    const files = new Set(readdirSync(join(dir, 'articles')));
    const inJournal = readFileSync(join(dir, 'library.journal'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { t: string; meta?: { id: string }; blocks?: unknown[] })
      .flatMap((e) => (e.t === 'put' && e.blocks && e.meta ? [e.meta.id] : []));
    expect(inJournal.length, 'bodies in the journal').toBeGreaterThan(1);
    const [gone, torn] = inJournal as [string, string];
    expect(files.has(`${gone}.json`) && files.has(`${torn}.json`)).toBe(true);
    unlinkSync(join(dir, 'articles', `${gone}.json`));
    truncateSync(join(dir, 'articles', `${torn}.json`), 10);
    const reopened = await openLibrary({ dir });
    try {
      expect(reopened.allMeta().map((m) => m.id).sort()).toEqual([...ids].sort());
      expect((await reopened.get(gone)).blocks.length).toBeGreaterThan(0);
      expect((await reopened.get(torn)).blocks.length).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
  }, 600_000);
});
