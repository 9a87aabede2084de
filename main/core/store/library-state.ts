/** A library's in-memory state and its persistence: the journal (commit), compaction into library.json, close. */
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { KabarError } from '../errors';
import type { SearchIndex } from '../search';
import type { ArticleMeta, LibraryCounts, RecoveryReport } from '../types';
import { backupLibraryFile, newestBackupAge } from './backups';
import { syncBodies } from './library-batch';
import type { Journal, JournalEntry } from './journal';
import { applyFeedEntry } from './library-feeds';
import { applyListEntry, type AddedHook } from './library-marks';
import { applySettingsEntry } from './library-settings';
import { sortArticles } from './query';
import type { LibraryData } from './schema';

/** Journal lines after which a compaction starts at once; more in a larger library (see compactionDue). */
const COMPACT_AFTER_ENTRIES = 1000;
/** Articles per extra journal line allowed before compacting: a quarter of the library. */
const COMPACT_LIBRARY_SHARE = 4;
/** Journal bytes after which a compaction starts at once, whatever the count (batch lines carry bodies). */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
const COMPACT_IDLE_MS = 3000;
const BACKUP_EVERY_MS = 60 * 60 * 1000;

/** What a Library is built from (see openLibrary). */
export interface LibraryParts {
  dir: string;
  db: Low<LibraryData>;
  journal: Journal;
  index: SearchIndex;
  now: () => Date;
  recovery: RecoveryReport | null;
  /** Opened for reading only (a CLI read, or a folder that cannot be written): every write throws. */
  readOnly?: boolean;
  /** Released when the library closes (the write lock, a temporary copy of the index). */
  release?: () => Promise<void> | void;
}

/**
 * The state every part of a Library works on. Internal to the store: the Library class is the
 * public face, and the library-*.ts files hold its reads, writes, feeds, settings, recovery and
 * index upkeep as functions over this state.
 */
export class LibraryState {
  readonly dir: string;
  readonly mediaDir: string;
  readonly readOnly: boolean;
  readonly db: Low<LibraryData>;
  readonly journal: Journal;
  readonly index: SearchIndex;
  readonly now: () => Date;
  readonly byId = new Map<string, ArticleMeta>();
  sorted: { savedAt?: ArticleMeta[]; publishedAt?: ArticleMeta[] } = {};
  countsCache: LibraryCounts | null = null;
  readonly listeners = new Set<(ids: string[], progressOnly: boolean) => void>();
  /** Adds run one at a time, so two imports of the same article cannot both create it. */
  adding: Promise<unknown> = Promise.resolve();
  /** Batch-added article files not yet fsync'ed: their journal lines hold the bodies (library-batch.ts). */
  readonly unsyncedBodies = new Set<string>();
  /** Article-file rewrites (translations) run one at a time. */
  bodyWrites: Promise<unknown> = Promise.resolve();
  /** Runs after every add with the articles it created (rules, store/smart.ts); set by Library.onAdded. */
  addedHook: AddedHook | null = null;
  private readonly release: () => Promise<void> | void;
  private compactTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<void> = Promise.resolve();
  private readonly background = new Set<Promise<unknown>>();
  /** Journal flushes in flight (commitDurably). */
  private readonly committing = new Set<Promise<void>>();
  private closed = false;
  /** library.json is behind memory (journal entries, migrations, tag registry). */
  private dirty = false;

  constructor(parts: LibraryParts) {
    this.dir = parts.dir;
    this.mediaDir = join(parts.dir, 'media');
    this.db = parts.db;
    this.journal = parts.journal;
    this.index = parts.index;
    this.now = parts.now;
    this.readOnly = parts.readOnly ?? false;
    this.release = parts.release ?? (() => undefined);
    for (const meta of parts.db.data.articles) this.byId.set(meta.id, meta);
    // The window's first request is the newest-first list: library.json is stored oldest first,
    // so this is a pass that checks the order and reverses it (see sortArticles).
    this.sorted.savedAt = sortArticles(parts.db.data.articles, 'savedAt');
  }

  /** Forgets the sorted lists and counts after articles were added, removed or re-sorted. */
  invalidate(): void {
    this.sorted = {};
    this.countsCache = null;
  }

  /** Marks library.json as behind memory, so the next compaction rewrites it. */
  markDirty(): void {
    this.dirty = true;
  }

  /** Throws LIBRARY_READ_ONLY before a write starts, so nothing in memory changes either. */
  assertWritable(): void {
    if (this.readOnly) {
      throw new KabarError('LIBRARY_READ_ONLY', `The library in ${this.dir} is open for reading only; nothing was changed.`, { path: this.dir });
    }
  }

  /** Metadata of one article (trashed ones too); NOT_FOUND when there is none. */
  meta(id: string): ArticleMeta {
    const meta = this.byId.get(id);
    if (!meta) throw new KabarError('NOT_FOUND', `No article with id ${id}.`, { id });
    return meta;
  }

  /**
   * Changes one article's metadata: the edit is made on a copy, journaled, and only then applied,
   * so a failed write (a full disk) leaves memory as the disk has it.
   */
  change(id: string, edit: (meta: ArticleMeta) => void, progressOnly = false): ArticleMeta {
    const meta = this.meta(id);
    const next: ArticleMeta = { ...meta, tags: [...meta.tags] };
    edit(next);
    this.commit([{ t: 'put', meta: next }], progressOnly, () => Object.assign(meta, next));
    return meta;
  }

  /** Journals entries (durable when this returns), then applies `afterWrite` and tells listeners. */
  commit(entries: JournalEntry[], progressOnly = false, afterWrite?: () => void): void {
    if (entries.length === 0) return;
    if (this.closed) throw new KabarError('IO', 'The library is closed.');
    this.assertWritable();
    this.journal.append(entries);
    this.applyCommitted(entries, progressOnly, afterWrite);
  }

  /**
   * The same commit with the journal's flush off this thread (Journal.appendDurably): for batch
   * adds, so a refresh's main process never waits on the disk. Memory changes, and the promise
   * resolves, only once the lines are durable; compaction waits for commits in flight.
   */
  async commitDurably(entries: JournalEntry[], afterWrite?: () => void): Promise<void> {
    if (entries.length === 0) return;
    if (this.closed) throw new KabarError('IO', 'The library is closed.');
    this.assertWritable();
    const flushed = this.journal.appendDurably(entries);
    this.committing.add(flushed);
    try {
      await flushed;
    } finally {
      this.committing.delete(flushed);
    }
    this.applyCommitted(entries, false, afterWrite);
  }

  // After a commit's lines are durable: memory, listeners, and the next compaction.
  private applyCommitted(entries: JournalEntry[], progressOnly: boolean, afterWrite?: () => void): void {
    afterWrite?.();
    this.dirty = true;
    if (!progressOnly) this.countsCache = null;
    for (const entry of entries) if (entry.t !== 'put' && entry.t !== 'purge') this.applyData(entry);
    const ids = entries.flatMap((e) => (e.t === 'put' ? [e.meta.id] : e.t === 'purge' ? [e.id] : []));
    for (const listener of this.listeners) listener(ids, progressOnly);
    this.scheduleCompaction(this.compactionDue() ? 0 : COMPACT_IDLE_MS);
  }

  /**
   * Whether the journal is long enough to compact now rather than after a quiet moment. A
   * compaction rewrites library.json, whose size follows the library's (58 MB at 100,000
   * articles), so the number of lines it waits for grows with the library too: the cost per
   * change stays flat, and a 100,000-article bulk add rewrites the file dozens of times, not
   * hundreds. The byte bound keeps the journal (and replaying it at open) small.
   */
  private compactionDue(): boolean {
    const lines = Math.max(COMPACT_AFTER_ENTRIES, this.byId.size / COMPACT_LIBRARY_SHARE);
    return this.journal.length >= lines || this.journal.bytes >= COMPACT_AFTER_BYTES;
  }

  /** Applies one entry read back from the journal (already durable on disk). */
  apply(entry: JournalEntry): void {
    if (entry.t === 'put') this.byId.set(entry.meta.id, entry.meta);
    else if (entry.t === 'purge') this.byId.delete(entry.id);
    else this.applyData(entry);
  }

  /** Compacts after `delayMs` of quiet (0: as soon as possible). */
  scheduleCompaction(delayMs: number): void {
    if (this.closed) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => void this.compact().catch(() => undefined), delayMs);
    this.compactTimer.unref();
  }

  /** Folds the journal into library.json (atomic rewrite), then backs up hourly. */
  compact(): Promise<void> {
    this.compacting = this.compacting.then(() => this.compactNow());
    return this.compacting;
  }

  /** Flushes everything to disk and releases the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await Promise.allSettled([...this.background]);
    // A compaction already running (started by its timer) finishes first: otherwise it could go on
    // writing, dropping journal lines and taking a backup after close() returned.
    await this.compacting.catch(() => undefined);
    try {
      if (!this.readOnly) await this.compactNow();
    } finally {
      await this.index.close();
      this.journal.close();
      await this.release();
    }
  }

  /** Runs a task after open without delaying it (e.g. a backup), tracked so close waits for it. */
  runInBackground(task: () => Promise<unknown>): void {
    const promise = task().catch(() => undefined);
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise));
  }

  /** Takes a backup when the newest is over an hour old. */
  async backupIfDue(): Promise<void> {
    if (this.readOnly) return;
    if ((await newestBackupAge(this.dir, this.now())) >= BACKUP_EVERY_MS) await backupLibraryFile(this.dir, this.now());
  }

  /** Settings, feed and list entries change library.json data directly. */
  private applyData(entry: JournalEntry): void {
    applySettingsEntry(this.db.data, entry);
    applyFeedEntry(this.db.data, entry);
    applyListEntry(this.db.data, entry);
  }

  private async compactNow(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    // Lines whose flush is in flight must reach memory before the journal is rotated, or
    // library.json would be written without them and their lines dropped. Nothing runs between
    // the last wait and rotate() below.
    while (this.committing.size > 0) await Promise.allSettled([...this.committing]);
    if (!this.dirty || this.readOnly) return;
    this.dirty = false;
    // Every body journalled so far is in the lines being rotated: their files must be on disk
    // before those lines go.
    const bodies = [...this.unsyncedBodies];
    this.journal.rotate();
    // Oldest first by the list's own order, so the next open's first list sorts presorted input
    // (one run for the sort to reverse: about 10 ms at 100,000 articles instead of 60).
    this.db.data.articles = [...(this.sorted.savedAt ?? sortArticles([...this.byId.values()], 'savedAt'))].reverse();
    try {
      await this.db.write();
      await syncBodies(this.dir, bodies);
    } catch (error) {
      this.dirty = true; // The rotated journal still holds every change; try again later.
      throw error;
    }
    for (const id of bodies) this.unsyncedBodies.delete(id);
    this.journal.dropRotated();
    // The search index compacts itself by its own thresholds; forcing it here would rewrite
    // the whole segment after every few seconds of changes.
    await this.backupIfDue().catch(() => undefined);
  }
}
