/**
 * The write-ahead journal beside library.json. Rewriting 10,000 articles' metadata for
 * every tag or bookmark would cost ~30 ms; appending one fsync'ed line costs ~1 ms. The
 * journal is folded into library.json (and emptied) by compaction, in the background.
 */
import {
  appendFileSync,
  fdatasync,
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import type { ArticleMeta, Block, Settings } from '../types';
import { storageError } from './atomic';

/** One journaled change; each is idempotent, so replaying twice is harmless. */
export type JournalEntry =
  /**
   * An article's metadata. A batch add also carries the body (`blocks`): its article file is written
   * without an fsync, so the one fsync'ed journal line is what makes the body durable until a
   * compaction has fsync'ed the file (see library-batch.ts).
   */
  | { t: 'put'; meta: ArticleMeta; blocks?: Block[]; highlights?: unknown[] }
  | { t: 'purge'; id: string }
  | { t: 'settings'; settings: Settings }
  /** The whole feed list (bulk changes: OPML import, reordering). */
  | { t: 'feeds'; feeds: unknown[] }
  /** One feed record added or changed (matched by its `id`). */
  | { t: 'feed'; feed: { id: string } }
  /** One feed record removed. */
  | { t: 'unfeed'; id: string }
  /** A whole list of library.json replaced (smart views, rules). */
  | { t: 'list'; key: 'views' | 'rules'; value: unknown[] };

/** Appends entries to the journal file, each on its own line, durable before it returns. */
export class Journal {
  private fd: number | null = null;
  private readonly path: string;
  /** Lines appended since the journal was last emptied. */
  length = 0;
  /** Bytes appended since the journal was last emptied (a batch's lines carry its bodies). */
  bytes = 0;

  constructor(path: string) {
    this.path = path;
  }

  /** Appends entries and fsyncs: once this returns, a crash cannot lose them. */
  append(entries: JournalEntry[]): void {
    const written = this.write(entries);
    if (written === null) return;
    try {
      fsyncSync(written.fd);
    } catch (error) {
      cutBack(written.fd, written.before);
      throw storageError(error, this.path);
    }
  }

  /**
   * The same append with the flush off this thread: the lines are written at once (so lines keep
   * the order of the calls), then fdatasync'ed on libuv's thread pool; resolves once they are
   * durable. A batch of 50 stories then never holds the main process for a disk flush (2–25 ms
   * each here, more when the disk is busy). Callers confirm nothing before it resolves.
   */
  async appendDurably(entries: JournalEntry[]): Promise<void> {
    const written = this.write(entries);
    if (written === null) return;
    const { fd } = written;
    this.syncing.set(fd, (this.syncing.get(fd) ?? 0) + 1);
    try {
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    } catch (error) {
      throw storageError(error, this.path);
    } finally {
      const left = (this.syncing.get(fd) ?? 1) - 1;
      if (left > 0) this.syncing.set(fd, left);
      else this.syncing.delete(fd);
      // close() left this handle open for the flush: close it now.
      if (left <= 0 && fd !== this.fd) closeSync(fd);
    }
  }

  /** Flushes in flight on each open handle (a handle is closed only once its flushes are done). */
  private readonly syncing = new Map<number, number>();

  /** Writes entries' lines (not flushed); returns the handle and the size before, or null when there was nothing to write. */
  private write(entries: JournalEntry[]): { fd: number; before: number } | null {
    if (entries.length === 0) return null;
    const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
    let before = -1;
    try {
      if (this.fd === null) this.fd = openSync(this.path, 'a');
      before = fstatSync(this.fd).size;
      const bytes = Buffer.from(text);
      // A write may be short (a nearly full disk); the next one then reports why.
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (error) {
      if (this.fd !== null && before >= 0) cutBack(this.fd, before);
      throw storageError(error, this.path);
    }
    this.length += entries.length;
    this.bytes += Buffer.byteLength(text);
    return { fd: this.fd, before };
  }

  /**
   * Starts a compaction: moves the current entries to `<journal>.1` and starts an empty
   * journal, so changes made while library.json is being written are never lost.
   */
  rotate(): void {
    this.close();
    const rotated = rotatedPath(this.path);
    if (existsSync(rotated)) {
      // A previous compaction failed: keep its entries and add the newer ones after them.
      appendFileSync(rotated, readFileOrEmpty(this.path));
      rmSync(this.path, { force: true });
    } else if (existsSync(this.path)) {
      renameSync(this.path, rotated);
    }
    this.length = 0;
    this.bytes = 0;
  }

  /** Ends a compaction: library.json now holds what `<journal>.1` held. */
  dropRotated(): void {
    rmSync(rotatedPath(this.path), { force: true });
  }

  /** Closes the file handle (once its flushes in flight are done: see appendDurably). */
  close(): void {
    if (this.fd !== null && !this.syncing.has(this.fd)) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * After a failed write or flush (a full disk may have taken part of the text): cuts the journal
 * back, so the next entry starts on a clean line and the change reads as never made.
 */
function cutBack(fd: number, size: number): void {
  try {
    ftruncateSync(fd, size);
  } catch {
    // Reading drops a torn last line anyway.
  }
}

function readFileOrEmpty(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** Where rotate() moves entries that are being compacted. */
export function rotatedPath(path: string): string {
  return `${path}.1`;
}

/**
 * Reads every complete entry of a journal file. A torn last line (the process died while
 * appending) is dropped: it was never confirmed to the caller.
 */
export function readJournal(path: string): { entries: JournalEntry[]; dropped: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], dropped: 0 };
    throw error;
  }
  const entries: JournalEntry[] = [];
  let dropped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      dropped += 1;
    }
  }
  return { entries, dropped };
}

/**
 * Cuts a torn last line (no trailing newline) off a journal file before anything is
 * appended, so a new entry is never glued onto a half-written one.
 */
export function repairTornTail(path: string): void {
  const text = readFileOrEmpty(path);
  if (text === '' || text.endsWith('\n')) return;
  truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
}
