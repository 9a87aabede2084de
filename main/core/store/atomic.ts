/**
 * The store's crash-safe writes: util's atomic write with file-system failures turned into the
 * user's error codes, and the lowdb adapter that writes library.json that way.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { KabarError } from '../errors';
import { writeFileAtomic, type AtomicWriteOptions } from '../util';
import { readJsonLinesFile, writeJsonLinesFile } from './json-lines';

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * Turns a failed write into the error a user can act on: a full disk (DISK_FULL), a folder that
 * cannot be written (LIBRARY_READ_ONLY); anything else stays as it is. KabarErrors pass through.
 */
export function storageError(error: unknown, path: string): unknown {
  if (error instanceof KabarError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new KabarError('DISK_FULL', `The disk is full (writing ${path}); nothing was changed. Free some space and try again.`, { path });
  }
  if (code && READ_ONLY_CODES.has(code)) {
    return new KabarError('LIBRARY_READ_ONLY', `The library folder cannot be written (${code} on ${path}); it can only be read.`, { path });
  }
  return error;
}

/** An atomic write (util's writeFileAtomic) whose failure becomes the user's error code (see storageError). */
export async function writeLibraryFile(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    await writeFileAtomic(target, data, options);
  } catch (error) {
    throw storageError(error, target);
  }
}

/**
 * A lowdb adapter for one JSON file: compact JSON (library.json is rewritten whole, so
 * every byte counts), atomic fsync'ed writes, and coalescing — while one write runs, only
 * the newest pending data is written next.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  private readonly path: string;
  private running: Promise<void> | null = null;
  private pending: { data: T; waiters: { resolve: () => void; reject: (e: unknown) => void }[] } | null = null;

  /** The array written one element per line (library.json: 'articles'). */
  private readonly linesKey: string | undefined;

  constructor(path: string, linesKey?: string) {
    this.path = path;
    this.linesKey = linesKey;
  }

  /** Reads and parses the file; null when it does not exist. Parse errors propagate. */
  async read(): Promise<T | null> {
    try {
      // library.json is read line by line (json-lines.ts); other files whole.
      return (this.linesKey ? await readJsonLinesFile(this.path, this.linesKey) : JSON.parse(await readFile(this.path, 'utf8'))) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Writes data atomically; concurrent calls collapse into one write of the newest data. */
  write(data: T): Promise<void> {
    if (this.running) {
      return new Promise((resolve, reject) => {
        if (this.pending) this.pending.data = data;
        else this.pending = { data, waiters: [] };
        this.pending.waiters.push({ resolve, reject });
      });
    }
    this.running = this.writeNow(data);
    return this.running;
  }

  private async writeNow(data: T): Promise<void> {
    try {
      if (!this.linesKey) await writeLibraryFile(this.path, JSON.stringify(data));
      else await writeJsonLinesFile(this.path, data as Record<string, unknown>, this.linesKey).catch((error: unknown) => Promise.reject(storageError(error, this.path)));
    } finally {
      this.running = null;
      this.drainPending();
    }
  }

  private drainPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.running = this.writeNow(next.data);
    this.running.then(
      () => next.waiters.forEach((w) => w.resolve()),
      (error: unknown) => next.waiters.forEach((w) => w.reject(error)),
    );
  }
}
