/**
 * Many small files written atomically (temp + rename, no fsync) on one worker thread. A feed
 * refresh or an import writes thousands of new article files; each file creation costs the
 * kernel 0.05–0.3 ms on our machines, and on the main process that time is taken from parsing
 * the next feed and from answering the window. On the worker the other core pays it, and the
 * caller's await lets other work run meanwhile. Where a worker cannot start, the same writes run
 * here, synchronously, yielding every few files.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tempPathFor } from './atomic';

/** One file to write; an `optional` one (a cache) may fail without failing the batch. */
export interface FileToWrite {
  path: string;
  data: string;
  optional?: boolean;
}

interface WireFile extends FileToWrite {
  temp: string;
}

interface Reply {
  id: number;
  error?: { code?: string; message: string; path: string };
}

// Plain CommonJS run with `eval`, so no bundler entry is needed: it uses nothing but node:fs.
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
parentPort.on('message', ({ id, files, bytes }) => {
  let at = 0;
  for (const file of files) {
    const data = bytes.subarray(at, at + file.length);
    at += file.length;
    try {
      fs.writeFileSync(file.temp, data);
      fs.renameSync(file.temp, file.path);
    } catch (error) {
      try { fs.rmSync(file.temp, { force: true }); } catch {}
      if (file.optional) continue;
      parentPort.postMessage({ id, error: { code: error.code, message: String(error.message), path: file.path } });
      return;
    }
  }
  parentPort.postMessage({ id });
});`;

/** Files a batch on this thread writes before it lets other work in (about 5 ms). */
const YIELD_EVERY = 100;
/** Files per message: the worker starts on the first ones while later ones are still being sent. */
const CHUNK = 250;
const IDLE_MS = 10_000;

let worker: Worker | undefined;
let unavailable = false;
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;
const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

function failAll(error: Error): void {
  worker = undefined;
  for (const job of waiting.values()) job.reject(error);
  waiting.clear();
}

function startWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  try {
    worker = new Worker(WORKER_CODE, { eval: true, execArgv: [] });
  } catch {
    unavailable = true;
    return undefined;
  }
  const started = worker;
  started.unref();
  started.on('message', (reply: Reply) => {
    const job = waiting.get(reply.id);
    if (!job) return;
    waiting.delete(reply.id);
    if (reply.error) job.reject(Object.assign(new Error(`${reply.error.message} (${reply.error.path})`), { code: reply.error.code, path: reply.error.path }));
    else job.resolve();
    if (waiting.size === 0) idle(started);
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', () => {
    if (worker === started) failAll(new Error('The file writer stopped.'));
  });
  return started;
}

// An idle worker never keeps the process alive, and goes away after a while.
function idle(w: Worker): void {
  w.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w && waiting.size === 0) {
      worker = undefined;
      void w.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

// The files' bytes travel as one transferred buffer (a structured clone of 250 strings cost the
// main process about 35 µs a file); each file says its path, temp name and byte length.
function post(w: Worker, files: WireFile[]): Promise<void> {
  clearTimeout(idleTimer);
  w.ref();
  const id = nextId++;
  const bytes = new TextEncoder().encode(files.map((f) => f.data).join(''));
  const wire = files.map((f) => ({ path: f.path, temp: f.temp, optional: f.optional === true, length: Buffer.byteLength(f.data) }));
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, files: wire, bytes }, [bytes.buffer]);
  });
}

async function writeHere(files: WireFile[]): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const file = files[i] as WireFile;
    try {
      writeFileSync(file.temp, file.data);
      renameSync(file.temp, file.path);
    } catch (error) {
      rmSync(file.temp, { force: true });
      if (!file.optional) throw error;
    }
  }
}

/**
 * Writes `files` atomically but without fsync (the caller makes them durable some other way),
 * off this thread when it can. Rejects with the file system's error (with `code` and `path`) when
 * a required file fails; others of the batch may be written or not (the caller writes new files only).
 */
export async function writeFilesInBackground(files: FileToWrite[]): Promise<void> {
  const wire = files.map((f) => ({ ...f, temp: tempPathFor(f.path) }));
  const w = startWorker();
  if (!w) return writeHere(wire);
  const chunks: Promise<void>[] = [];
  for (let i = 0; i < wire.length; i += CHUNK) chunks.push(post(w, wire.slice(i, i + CHUNK)));
  await Promise.all(chunks);
}
