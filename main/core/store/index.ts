/** Opening a library folder: layout, write lock, library.json (with recovery), journal replay, search index. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { KabarError } from '../errors';
import { openSearchIndex, type SearchIndex } from '../search';
import type { RecoveryReport } from '../types';
import { damagedDir, listArticleFileIds } from './article-files';
import { AtomicJsonFile, storageError, writeLibraryFile } from './atomic';
import { stamp } from './backups';
import { Journal, readJournal, repairTornTail, rotatedPath } from './journal';
import { Library } from './library';
import { ensureLayout, loadLibraryData } from './load';
import { acquireWriteLock, LOCK_FILE, type WriteLock } from './lock';
import { emptyLibrary, type LibraryData } from './schema';
import { installRules } from './smart';
import { unopenedIndex } from './unopened-index';

export { Library, type AddResult } from './library';
export type { BulkItem } from './library-writes';
export type { ImportState } from './bulk';
export { cleanTag } from './tags';
export { storageError } from './atomic';
export { stamp } from './backups';
export { migrate } from './schema';
export { articleId, normalizeUrl } from './identity';
export { countPendingImages, pendingImageSources, type SettledImages } from './pending-images';
export { tagKey } from './tags';
export { acquireWriteLock, lockHolder, LOCK_FILE, type LockInfo, type WriteLock } from './lock';
export { addHighlight, changeMarks, importHighlights, readMarks, reanchorMarks } from './marks';
export { compileQuery, countQuery, listByQuery, searchQuery, type MetaTest } from './smart-query';
export {
  addRule,
  addView,
  applyRules,
  countViews,
  editRule,
  listRules,
  listViews,
  removeRule,
  removeView,
  testRule,
  type Rule,
  type RuleActions,
  type RulesReport,
  type SmartView,
} from './smart';
export { CATALOG_HEAD } from './marks-head';
export { catalogOf, CATALOG_CACHE, type HighlightEntry, type HighlightFilter, type HighlightHit, type HighlightPage } from './marks-catalog';

/** Where and how to open a library. Paths and clocks come in from the host (DESIGN.md §1). */
export interface OpenOptions {
  dir: string;
  now?: () => Date;
  /**
   * 'write' (default) takes the library's write lock: LIBRARY_LOCKED when another process has
   * it. 'read' takes no lock and never writes to the folder (CLI reads while the app is open).
   */
  access?: 'write' | 'read';
  /** Who takes the write lock (named in the other side's message). */
  owner?: 'app' | 'cli';
  /** When the folder cannot be written, open it for reading instead of failing (the app does). */
  readOnlyFallback?: boolean;
  /**
   * With access 'read', false skips the search index (the CLI's list and show never search, and
   * opening a private copy of the index costs more than reading the metadata); search() then throws.
   */
  search?: boolean;
}

/**
 * Opens (or creates) the library in `dir`. A damaged library.json is moved aside and the
 * newest good backup restored; `library.recovery` then says what happened.
 */
export async function openLibrary(options: OpenOptions): Promise<Library> {
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  if (options.access === 'read') return openForReading(dir, now, options.search !== false);
  let lock: WriteLock;
  try {
    await ensureLayout(dir).catch((error: unknown) => {
      throw storageError(error, dir);
    });
    lock = acquireWriteLock(dir, options.owner ?? 'app');
  } catch (error) {
    if (options.readOnlyFallback && error instanceof KabarError && error.code === 'LIBRARY_READ_ONLY') return openForReading(dir, now, true);
    throw error;
  }
  try {
    return await openForWriting(dir, now, lock);
  } catch (error) {
    lock.release();
    throw storageError(error, dir);
  }
}

/** A temp file of an atomic write (`.<name>.<pid>.<n>.tmp`) or a backup copy (`<name>.tmp`). */
const TEMP_FILE = /\.tmp$/;

/**
 * Removes temp files that writers killed mid-write left behind: they were never renamed into
 * place, so nothing refers to them. Only while no other process has the library open; it runs in
 * the background after open (listing 100,000 article files takes 130 ms), so it leaves this
 * process's own temp names alone.
 */
async function sweepTempFiles(dir: string): Promise<void> {
  const ours = `.${process.pid}.`;
  for (const folder of ['', 'articles', 'media', 'backups']) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch {
      continue;
    }
    // Lock attempts of live processes also use .tmp names; lock.ts tidies those of dead ones.
    const stale = names.filter((name) => TEMP_FILE.test(name) && !name.startsWith(LOCK_FILE) && !name.includes(ours));
    for (const name of stale) await rm(join(dir, folder, name), { force: true });
  }
}

async function openForWriting(dir: string, now: () => Date, lock: WriteLock): Promise<Library> {
  const file = new AtomicJsonFile<LibraryData>(join(dir, 'library.json'), 'articles');
  const loaded = await loadLibraryData(dir, file, now());
  const db = new Low<LibraryData>(file, emptyLibrary());
  db.data = loaded.data;
  if (loaded.fresh) await db.write();

  const journalPath = join(dir, 'library.journal');
  const rotated = readJournal(rotatedPath(journalPath));
  repairTornTail(journalPath);
  const current = readJournal(journalPath);
  // A torn tail was cut above; any other line that does not parse is damage: keep the files.
  const journalDamage = rotated.dropped + current.dropped > 0 ? await keepDamagedJournal(dir, journalPath, now()) : null;
  const journal = new Journal(journalPath);
  const index = await openSearchIndex(join(dir, 'index'));
  const recovery = loaded.recovery ?? journalDamage;
  const library = new Library({ dir, db, journal, index, now, recovery, release: () => lock.release() });
  if (lock.sole) library.runInBackground(() => sweepTempFiles(dir));
  const replayed = [...rotated.entries, ...current.entries];
  library.replay(replayed);
  await library.restoreBatchBodies(replayed);
  installRules(library);

  if (loaded.recovery) {
    loaded.recovery.articlesRecovered = await library.adoptOrphans(await listArticleFileIds(dir));
  }
  if (loaded.recovery || index.needsRebuild || index.size() !== library.ids().length) await library.reconcileIndex();
  if (loaded.dirty || rotated.entries.length > 0 || journalDamage) {
    library.markDirty();
    await library.compact();
  } else if (!loaded.fresh) {
    // (An empty new library is not worth a backup; its first compaction takes one.)
    library.runInBackground(() => library.backupIfDue());
  }
  return library;
}

/** Copies journal files with damaged lines to damaged/ (compaction will fold the good lines in). */
async function keepDamagedJournal(dir: string, journalPath: string, now: Date): Promise<RecoveryReport> {
  const folder = damagedDir(dir);
  await mkdir(folder, { recursive: true });
  const kept = join(folder, `library.journal.${stamp(now)}`);
  const parts = [rotatedPath(journalPath), journalPath].filter((p) => existsSync(p)).map((p) => readFileSync(p));
  await writeLibraryFile(kept, Buffer.concat(parts));
  return {
    movedAsideTo: kept,
    restoredFrom: null,
    articlesRecovered: 0,
    cause: 'journal',
    message: `Some lines of the library's change journal were damaged and skipped; every other change was kept. The journal as it was is kept at ${kept}.`,
  };
}

/**
 * Opens a library without writing to its folder: library.json and the journal are read as they
 * are (a torn journal tail is skipped, not cut), and search runs on a private copy of the index,
 * because the index's own open tidies files that a writer elsewhere may be using.
 */
async function openForReading(dir: string, now: () => Date, search: boolean): Promise<Library> {
  const file = new AtomicJsonFile<LibraryData>(join(dir, 'library.json'), 'articles');
  const loaded = await loadLibraryData(dir, file, now(), true);
  const db = new Low<LibraryData>(file, emptyLibrary());
  db.data = loaded.data;
  const journalPath = join(dir, 'library.journal');
  const entries = [...readJournal(rotatedPath(journalPath)).entries, ...readJournal(journalPath).entries];
  const { index, release } = search ? await openIndexCopy(join(dir, 'index')) : { index: unopenedIndex(), release: () => undefined };
  const library = new Library({ dir, db, journal: new Journal(journalPath), index, now, recovery: loaded.recovery, readOnly: true, release });
  library.replay(entries);
  if (loaded.recovery) loaded.recovery.articlesRecovered = await library.adoptOrphans(await listArticleFileIds(dir));
  if (search && (index.needsRebuild || index.size() !== library.ids().length)) await library.reconcileIndex();
  return library;
}

async function openIndexCopy(source: string): Promise<{ index: SearchIndex; release: () => void }> {
  const copy = mkdtempSync(join(tmpdir(), 'kabar-index-'));
  if (existsSync(source)) cpSync(source, copy, { recursive: true });
  const index = await openSearchIndex(copy);
  const release = (): void => {
    rmSync(copy, { recursive: true, force: true });
    rmSync(`${copy}.damaged`, { recursive: true, force: true });
  };
  return { index, release };
}
