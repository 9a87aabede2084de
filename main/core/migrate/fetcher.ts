/**
 * The background fetch of link entries: one page at a time per host and at most `concurrency` at
 * once, retries with exponential back-off, waits while the computer is offline and resumes by
 * itself, pauses, and retries failed links on request. A link that cannot be fetched stays a link,
 * with its failure's code and reason in its `link` state; nothing is ever dropped.
 */
import { captureImages, extractFromUrl, warmExtractWorkers } from '../articles';
import { KabarError, toKabarError } from '../errors';
import type { Library } from '../store';
import type { ArticleMeta, ExtractedArticle, FetchStatus } from '../types';

export type { FetchStatus } from '../types';
import { loadQueue, saveQueue, type QueueData } from './queue';

/** How the fetch runs (the host passes the network and its idea of being online). */
export interface FetchPendingOptions {
  fetch?: typeof fetch;
  /** Fetches at once (default 4); one per host whatever this is. */
  concurrency?: number;
  /** Tries per link before it is marked failed (default 4). */
  maxAttempts?: number;
  /** First back-off (default 2000 ms); doubled at each failure. */
  backoffMs?: number;
  /** Deadline per page (default 20 s). */
  timeoutMs?: number;
  /** Whether the computer is online (Electron's net.isOnline); default: always. */
  online?: () => boolean | Promise<boolean>;
  /** How often to look again while offline (default 2000 ms). */
  offlinePollMs?: number;
  /** Capture the page's images for offline reading (default true). */
  images?: boolean;
  onProgress?: (status: FetchStatus) => void;
}


// These will not get better by trying again.
const PERMANENT = new Set(['NO_ARTICLE', 'UNSUPPORTED_TYPE', 'BINARY_INPUT', 'TOO_LARGE', 'INVALID_URL', 'EMPTY_INPUT', 'REDIRECT_LOOP']);

function permanent(error: KabarError): boolean {
  if (PERMANENT.has(error.code)) return true;
  const status = Number(error.params.status);
  return error.code === 'HTTP_ERROR' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetched pages stored in one journal write at most (more wait for the next). */
const STORE_BATCH = 50;
/**
 * A write with fewer pages than this first waits STORE_GATHER_MS for more: each write costs a few
 * fsyncs (body files, search index, journal) whatever its size, ~70 ms on a busy disk, and pages
 * arrive every ~50 ms. Measured on 500 pages: 372 writes of 1.3 pages without the wait, ~100 of 5
 * with it (pages/s the same within this shared machine's noise; a quarter of the disk flushes).
 */
const STORE_MIN = 8;
const STORE_GATHER_MS = 250;

/** A page fetched and extracted, waiting for its batched store write. */
interface Fetched {
  meta: ArticleMeta;
  extracted: ExtractedArticle;
  host: string;
}

/** Fetches a library's waiting link entries. One instance per library; `run` may be called again after it ends. */
export class LinkFetcher {
  private queue: QueueData = { version: 1, paused: false, retry: {} };
  private state: FetchStatus = { total: 0, done: 0, fetched: 0, failed: 0, waiting: 0, paused: false, offline: false, failures: [] };
  private running: Promise<FetchStatus> | null = null;
  private stopRequested = false;
  /** run() was called during this run: look for waiting links once more before ending. */
  private again = false;
  /** The run's links by host, not yet started (a failed store write puts its links back here). */
  private byHost = new Map<string, string[]>();
  /** Pages fetched, waiting for the store; and the write under way. */
  private toStore: Fetched[] = [];
  private storing: Promise<void> | null = null;
  /** Whether the queue file differs from this.queue (it is written only then, not after every page). */
  private queueDirty = false;

  constructor(
    private readonly library: Library,
    private readonly options: FetchPendingOptions = {},
  ) {}

  /** The links waiting now (live link entries whose state is waiting). */
  waitingLinks(): ArticleMeta[] {
    return this.library.allMeta().filter((m) => m.link?.state === 'waiting' && !m.deletedAt);
  }

  /** The links that failed for good, each with its reason. */
  failedLinks(): ArticleMeta[] {
    return this.library.allMeta().filter((m) => m.link?.state === 'failed' && !m.deletedAt);
  }

  /** Where the current (or last) run stands. */
  status(): FetchStatus {
    return { ...this.state, failures: [...this.state.failures] };
  }

  /**
   * Runs until no link is waiting (or `pause`). Resumes a paused queue. Calling it while it runs
   * returns the same run, which then looks again for waiting links before it ends (links retried or
   * imported meanwhile, even while it was finishing, are not left waiting).
   */
  run(): Promise<FetchStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runRounds().finally(() => (this.running = null));
    return this.running;
  }

  private async runRounds(): Promise<FetchStatus> {
    let status: FetchStatus;
    do {
      this.again = false;
      status = await this.runNow();
    } while (this.again && !this.stopRequested);
    return status;
  }

  /** Stops starting fetches (those under way finish); remembered in the queue file until `run` again. */
  async pause(): Promise<void> {
    this.stopRequested = true;
    this.queue.paused = true;
    this.state.paused = true;
    await saveQueue(this.library.dir, this.queue);
    await this.running;
  }

  /** Whether the queue file says fetching was paused (the app then waits for the user's Resume). */
  async isPaused(): Promise<boolean> {
    return (await loadQueue(this.library.dir)).paused;
  }

  /** Puts every failed link back in the queue with fresh attempts; returns how many. */
  async retryFailed(): Promise<number> {
    const failed = this.failedLinks();
    const states = new Map(failed.map((m) => [m.id, { link: { state: 'waiting' as const } }]));
    this.library.mergeImported(states);
    this.queue = await loadQueue(this.library.dir);
    for (const m of failed) delete this.queue.retry[m.id];
    await saveQueue(this.library.dir, this.queue);
    return failed.length;
  }

  /** `recount`: scan the library for waiting links (start and end); per page, the run's own count is enough. */
  private emit(recount = false): void {
    this.state.waiting = recount ? this.waitingLinks().length : Math.max(0, this.state.total - this.state.done);
    this.options.onProgress?.(this.status());
  }

  private async saveQueueIfChanged(): Promise<void> {
    if (!this.queueDirty) return;
    this.queueDirty = false;
    await saveQueue(this.library.dir, this.queue).catch(() => (this.queueDirty = true));
  }

  private setOffline(offline: boolean): void {
    this.state.offline = offline;
    this.emit();
  }

  private async isOnline(): Promise<boolean> {
    return (await this.options.online?.()) ?? true;
  }

  private async runNow(): Promise<FetchStatus> {
    this.stopRequested = false;
    this.queue = await loadQueue(this.library.dir);
    // A paused queue file is written unpaused with the first page's news (as before: not a write of its own).
    this.queueDirty = this.queue.paused;
    this.queue.paused = false;
    const waiting = this.waitingLinks();
    this.state = { total: waiting.length, done: 0, fetched: 0, failed: 0, waiting: waiting.length, paused: false, offline: false, failures: [] };
    const byHost = new Map<string, string[]>();
    this.byHost = byHost;
    for (const m of waiting) byHost.set(hostOf(m.url), [...(byHost.get(hostOf(m.url)) ?? []), m.id]);
    const busy = new Map<string, Promise<void>>();
    const concurrency = Math.max(1, this.options.concurrency ?? 4);
    // Pages are extracted on the worker pool while this thread fetches and stores: start it now
    // (not awaited: until it is ready, extraction simply runs here).
    if (waiting.length > 1) void warmExtractWorkers();
    this.emit();
    while (!this.stopRequested) {
      if (!(await this.isOnline())) {
        if (!this.state.offline) this.setOffline(true);
        await Promise.race([sleep(this.options.offlinePollMs ?? 2000), ...busy.values()]);
        continue;
      }
      if (this.state.offline) this.setOffline(false);
      const now = Date.now();
      let soonest = Infinity;
      for (const [host, ids] of byHost) {
        if (busy.size >= concurrency) break;
        if (busy.has(host)) continue;
        const at = ids.findIndex((id) => (this.queue.retry[id]?.nextAt ?? 0) <= now);
        if (at < 0) {
          soonest = Math.min(soonest, ...ids.map((id) => this.queue.retry[id]?.nextAt ?? 0));
          continue;
        }
        const [id] = ids.splice(at, 1) as [string];
        if (ids.length === 0) byHost.delete(host);
        busy.set(host, this.fetchOne(id, byHost, host).finally(() => busy.delete(host)));
      }
      if (busy.size === 0 && byHost.size === 0) {
        // Pages still being stored may fail and come back to the queue: wait for them before ending.
        if (!this.storing) break;
        await this.storing;
        continue;
      }
      const wake = Number.isFinite(soonest) ? [sleep(Math.max(10, soonest - Date.now()))] : [];
      await Promise.race([...busy.values(), ...wake, ...(this.storing ? [this.storing] : [])]);
    }
    await Promise.allSettled(busy.values());
    await this.storing;
    // A pause asked for while this run was still loading its queue must not be lost.
    if (this.stopRequested) this.queue.paused = true;
    await saveQueue(this.library.dir, this.queue);
    this.queueDirty = false;
    this.state.paused = this.queue.paused;
    this.emit(true);
    return this.status();
  }

  /**
   * Fetches and extracts one page. The host's slot is free again as soon as the page is extracted:
   * its store write joins the next batch (one journal write for many pages), and the link counts as
   * fetched only once that write is durable.
   */
  private async fetchOne(id: string, byHost: Map<string, string[]>, host: string): Promise<void> {
    if (!this.library.knows(id)) return;
    const meta = this.library.meta(id);
    if (meta.link?.state !== 'waiting' || meta.deletedAt) return;
    try {
      const page = await extractFromUrl(meta.url ?? '', { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs });
      const blocks = this.options.images === false ? page.blocks : await captureImages(page.blocks, { mediaDir: this.library.mediaDir, fetch: this.options.fetch });
      this.toStore.push({ meta, extracted: { ...page, blocks }, host });
      this.storing ??= this.storeAll().finally(() => (this.storing = null));
    } catch (error) {
      await this.failed(meta, toKabarError(error), byHost, host);
      await this.saveQueueIfChanged();
      this.emit();
    }
  }

  /** Stores fetched pages in batches until none waits; a batch that cannot be stored is retried like a failed fetch. */
  private async storeAll(): Promise<void> {
    while (this.toStore.length > 0) {
      if (this.toStore.length < STORE_MIN) await sleep(STORE_GATHER_MS);
      const batch = this.toStore.splice(0, STORE_BATCH);
      try {
        const filled = new Set((await this.library.fillLinks(batch.map((f) => ({ id: f.meta.id, extracted: f.extracted })))).map((m) => m.id));
        for (const { meta } of batch) {
          if (this.queue.retry[meta.id]) {
            delete this.queue.retry[meta.id];
            this.queueDirty = true;
          }
          // A link deleted for good while its page was on the way is simply done.
          if (filled.has(meta.id)) this.state.fetched += 1;
          this.state.done += 1;
        }
      } catch (error) {
        for (const f of batch) await this.failed(f.meta, toKabarError(error), this.byHost, f.host);
      }
      await this.saveQueueIfChanged();
      this.emit();
    }
  }

  private async failed(meta: ArticleMeta, error: KabarError, byHost: Map<string, string[]>, host: string): Promise<void> {
    const requeue = (): void => void byHost.set(host, [...(byHost.get(host) ?? []), meta.id]);
    // Offline is not the link's fault: it waits without using up a try.
    if ((error.code === 'NETWORK' || error.code === 'TIMEOUT') && !(await this.isOnline())) return requeue();
    this.queueDirty = true;
    const attempts = (this.queue.retry[meta.id]?.attempts ?? 0) + 1;
    const giveUp = permanent(error) || attempts >= (this.options.maxAttempts ?? 4);
    const link = { state: giveUp ? ('failed' as const) : ('waiting' as const), code: error.code, reason: error.message, attempts };
    this.library.mergeImported(new Map([[meta.id, { link }]]));
    if (giveUp) {
      delete this.queue.retry[meta.id];
      this.state.failed += 1;
      this.state.done += 1;
      this.state.failures.push({ id: meta.id, url: meta.url ?? '', title: meta.title, code: error.code, message: error.message });
      return;
    }
    this.queue.retry[meta.id] = { attempts, nextAt: Date.now() + (this.options.backoffMs ?? 2000) * 2 ** (attempts - 1) };
    requeue();
  }
}
