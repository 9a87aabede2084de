/**
 * Parallel extraction on worker threads. Parsing a page with jsdom and Readability is pure CPU
 * (~100 ms), so when several imports run at once (the importer works on a few sources
 * concurrently) they are spread over the calling thread plus one worker thread per other
 * core (KABAR_EXTRACT_WORKERS or setExtractWorkers override the count). Each worker holds up to
 * DEPTH jobs, so it starts its next one at once instead of waiting for the calling thread (which
 * may be busy parsing a page itself) to hand it over. A single import stays on
 * the calling thread: a worker needs ~1 s to start (loading jsdom), ten times what one page takes.
 *
 * Workers run worker.ts: from sources (tests, tsx) through tsx's ESM hooks; from a build, from
 * `articles-worker.js` beside the bundle when the build emits it. Without either, or if a
 * worker cannot start, everything simply runs on the calling thread.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KabarError, type ErrorCode } from '../errors';
import type { ExtractedArticle } from '../types';
import type { ExtractHint } from './extract';
import { itemsToArticles, type FeedFacts, type FeedItemContent } from './feed-item';

const IDLE_MS = 10_000;
/** Jobs handed to one worker at a time: the one it runs and the next, waiting in its message queue. */
const DEPTH = 2;

/** What a worker is asked to do (worker.ts): extract a page, or convert a feed's items. */
export type WorkerRequest =
  | { kind: 'page'; bytes: Uint8Array; hint: ExtractHint }
  | { kind: 'items'; items: FeedItemContent[]; feed: FeedFacts; feedId: string };

// A job's result is the request's: an article for a page, an article (or null) per item.
interface Job {
  id: number;
  request: WorkerRequest;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  fallback: () => unknown;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs posted to this worker and not answered yet, by id. */
  jobs: Map<number, Job>;
  idleTimer?: NodeJS.Timeout;
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: { code: ErrorCode; message: string; params: Record<string, string | number> };
}

let maxWorkers = defaultWorkers();
let disabled = false;
let inFlight = 0;
let nextId = 1;
let jobsRun = 0;
const slots: Slot[] = [];
const queue: Job[] = [];

function defaultWorkers(): number {
  const env = Number(process.env.KABAR_EXTRACT_WORKERS);
  // One worker per core (up to 3): the calling thread — Electron's main process, which answers
  // the window — then only coordinates and stores, and helps only while workers are not ready.
  // Measured on 2 cores, warm: 14.7–16.3 pages/s with two workers against 12.8–14.2 with one
  // worker plus the calling thread.
  return Number.isFinite(env) && process.env.KABAR_EXTRACT_WORKERS !== undefined ? env : Math.max(1, Math.min(3, availableParallelism()));
}

/** Sets how many worker threads extraction may use (0 = always on the calling thread). */
export function setExtractWorkers(count: number): void {
  maxWorkers = Math.max(0, Math.floor(count));
  disabled = false;
}

/** Jobs run on workers and live workers, for tests and diagnostics. */
export function extractPoolStats(): { jobs: number; workers: number } {
  return { jobs: jobsRun, workers: slots.length };
}

// How to start a worker here, or undefined when this environment cannot.
function workerSource(): { file: URL } | { code: string; workerData: Record<string, string> } | undefined {
  const here = import.meta.url; // a variable, so bundlers do not rewrite the URLs below as assets
  if (here.endsWith('.ts')) {
    try {
      const tsxPackage = createRequire(here).resolve('tsx/package.json');
      const tsxApi = pathToFileURL(tsxPackage.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
      const entry = new URL('worker.ts', here).href;
      const code = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); }).catch((e) => { setImmediate(() => { throw e; }); });`;
      return { code, workerData: { tsxApi, entry } };
    } catch {
      return undefined;
    }
  }
  // The bundler may put this module in a chunk folder below the entry files.
  for (const name of ['articles-worker.js', 'articles-worker.mjs', '../articles-worker.js']) {
    const file = new URL(name, here);
    if (file.protocol === 'file:' && existsSync(fileURLToPath(file))) return { file };
  }
  return undefined;
}

function spawn(): Slot | undefined {
  const source = workerSource();
  if (!source) {
    disabled = true;
    return undefined;
  }
  // execArgv: [] — a worker would otherwise inherit the parent's loaders (tsx's require hook
  // rewrites ESM packages such as parse5 into much slower getter-based CommonJS).
  const worker =
    'file' in source
      ? new Worker(source.file, { execArgv: [] })
      : new Worker(source.code, { eval: true, workerData: source.workerData, execArgv: [] });
  // A starting or idle worker never keeps the process alive; only one with a job does.
  worker.unref();
  const slot: Slot = { worker, ready: false, jobs: new Map() };
  worker.on('message', (reply: Reply) => {
    if (reply.ready) {
      slot.ready = true;
      dispatch();
      return;
    }
    const job = reply.id === undefined ? undefined : slot.jobs.get(reply.id);
    if (!job) return;
    slot.jobs.delete(job.id);
    jobsRun++;
    if (reply.result !== undefined) job.resolve(reply.result);
    else if (reply.error) job.reject(new KabarError(reply.error.code, reply.error.message, reply.error.params));
    dispatch();
  });
  const fail = (error: unknown): void => {
    slots.splice(slots.indexOf(slot), 1);
    clearTimeout(slot.idleTimer);
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    // A worker that never started means workers do not work here: fall back for good.
    if (!slot.ready) disabled = true;
    for (const job of jobs) {
      if (!slot.ready) runHere(job);
      else job.reject(error instanceof KabarError ? error : new KabarError('IO', `Import worker failed: ${String(error)}`));
    }
    dispatch();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (slots.includes(slot)) fail(new Error(`exit ${code}`));
  });
  slots.push(slot);
  return slot;
}

function runHere(job: Job): void {
  try {
    job.resolve(job.fallback());
  } catch (error) {
    job.reject(error);
  }
}

let helping = false;

// A started worker with room in its queue, the least loaded first.
function freeSlot(): Slot | undefined {
  let best: Slot | undefined;
  for (const s of slots) if (s.ready && s.jobs.size < DEPTH && (!best || s.jobs.size < best.jobs.size)) best = s;
  return best;
}

// The calling thread is one more worker: whenever jobs wait and every worker is full (or still
// starting: ~1 s to load jsdom), it takes one job per turn of the event loop.
function helpHere(): void {
  if (helping) return;
  helping = true;
  setImmediate(() => {
    helping = false;
    if (queue.length === 0 || freeSlot()) return dispatch();
    runHere(queue.shift() as Job);
    dispatch();
  });
}

function busyJobs(): number {
  return slots.reduce((n, s) => n + s.jobs.size, 0);
}

function dispatch(): void {
  while (slots.length < maxWorkers && !disabled && slots.length < queue.length + busyJobs()) {
    if (!spawn()) break;
  }
  while (queue.length > 0) {
    if (disabled) {
      runHere(queue.shift() as Job);
      continue;
    }
    const slot = freeSlot();
    if (!slot) {
      helpHere();
      break;
    }
    const job = queue.shift() as Job;
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.jobs.set(job.id, job);
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, request: job.request });
  }
  for (const slot of slots) {
    if (slot.jobs.size > 0 || slot.idleTimer || !slot.ready) continue;
    // Idle workers never keep the process alive, and go away after a while.
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      slots.splice(slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }, IDLE_MS);
    slot.idleTimer.unref();
  }
}

/**
 * Starts the worker threads now and resolves with how many are ready, so a batch import can
 * pay the ~1 s startup up front (0 when workers are unavailable here).
 */
export async function warmExtractWorkers(): Promise<number> {
  while (!disabled && slots.length < maxWorkers) if (!spawn()) break;
  const deadline = Date.now() + 30_000;
  while (!disabled && slots.some((s) => !s.ready) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  dispatch();
  return slots.filter((s) => s.ready).length;
}

/** Marks the start of an async extraction (file or URL); call the returned function when it ends. */
export function beginExtraction(): () => void {
  inFlight++;
  let ended = false;
  return () => {
    if (!ended) inFlight--;
    ended = true;
  };
}

/**
 * Extracts `bytes`: on a worker thread when other extractions are in flight and workers are
 * available, else by calling `here` on this thread. Results and errors are the same either way.
 */
export function extractShared(bytes: Uint8Array, hint: ExtractHint, here: () => ExtractedArticle): Promise<ExtractedArticle> {
  if (maxWorkers < 1 || disabled) return Promise.resolve().then(here);
  // An idle, started worker takes the job even without overlap: it keeps this thread free for
  // the next source's I/O (the importer's sources rarely reach this point at the same moment).
  // Without one, only overlapping extractions justify waiting for a worker to start (~1 s).
  const idleWorker = slots.some((s) => s.ready && s.jobs.size === 0);
  if (inFlight < 2 && !idleWorker) return Promise.resolve().then(here);
  return enqueue({ kind: 'page', bytes, hint }, here);
}

/**
 * Converts a feed's items (feed-item.ts) on a worker thread, so a refresh of many feeds keeps the
 * calling thread for fetching, parsing feeds and storing; while every worker is busy or still
 * starting, the calling thread takes jobs too. Without workers, it runs here.
 */
export function convertItemsShared(items: FeedItemContent[], feed: FeedFacts, feedId: string): Promise<(ExtractedArticle | null)[]> {
  const here = (): (ExtractedArticle | null)[] => itemsToArticles(items, feed, feedId);
  if (maxWorkers < 1 || disabled) return Promise.resolve().then(here);
  return enqueue({ kind: 'items', items, feed, feedId }, here);
}

function enqueue<T>(request: WorkerRequest, here: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, request, resolve: resolve as (result: unknown) => void, reject, fallback: here });
    dispatch();
  });
}
