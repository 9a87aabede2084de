/**
 * Loading library.json on open: migrations, and recovery when the file is damaged — the
 * damaged file is moved aside (never overwritten) and the newest good backup restored.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../errors';
import type { RecoveryReport } from '../types';
import type { AtomicJsonFile } from './atomic';
import { backupLibraryFile, listBackups, newestGoodBackup, stamp } from './backups';
import { listArticleFileIds } from './article-files';
import { emptyLibrary, migrate, SchemaError, SCHEMA_VERSION, type LibraryData } from './schema';

/** What loading found. `recovery` is set when the user must be told something was repaired. */
export interface LoadResult {
  data: LibraryData;
  recovery: RecoveryReport | null;
  /** The data differs from the file (migrated or recovered): write it back soon. */
  dirty: boolean;
  /**
   * A new library (no library.json, backups or article files): its empty library.json is written
   * at once, so a crash before the first compaction is not mistaken for a lost library.json.
   */
  fresh?: boolean;
}

/** Creates the data folder layout. */
export async function ensureLayout(dir: string): Promise<void> {
  await Promise.all(['articles', 'media', 'backups', 'index'].map((d) => mkdir(join(dir, d), { recursive: true })));
}

/** Reads, migrates or recovers library.json. */
/**
 * Reads, migrates or recovers library.json. `readOnly` (a read-only open) recovers in memory
 * only: the damaged file stays where it is and nothing is written.
 */
export async function loadLibraryData(dir: string, file: AtomicJsonFile<LibraryData>, now: Date, readOnly = false): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = await file.read();
  } catch (error) {
    if (error instanceof SyntaxError) return readOnly ? recoverInMemory(dir, 'unreadable') : recover(dir, now, 'unreadable');
    throw new KabarError('IO', `Could not read library.json: ${(error as Error).message}`);
  }
  if (raw === null) return loadMissing(dir);
  try {
    const { data, fromVersion } = migrate(raw);
    if (fromVersion < SCHEMA_VERSION && !readOnly) await backupLibraryFile(dir, now);
    return { data, recovery: null, dirty: fromVersion < SCHEMA_VERSION };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    if (error.message.includes('newer Kabar')) throw new KabarError('LIBRARY_NEWER', error.message);
    return readOnly ? recoverInMemory(dir, 'invalid') : recover(dir, now, 'invalid');
  }
}

/** A damaged library.json in a library opened read-only: show the newest good backup, change nothing. */
async function recoverInMemory(dir: string, why: 'unreadable' | 'invalid'): Promise<LoadResult> {
  const restored = await newestGoodBackup(dir);
  const what = why === 'unreadable' ? 'could not be read' : 'was not a valid library';
  return {
    data: restored?.data ?? emptyLibrary(),
    dirty: false,
    recovery: {
      movedAsideTo: null,
      restoredFrom: restored?.path ?? null,
      articlesRecovered: 0,
      message: `library.json ${what}. The library is open read-only, so it was left in place; showing ${restored ? `the backup ${restored.path}` : 'the articles found on disk'}.`,
    },
  };
}

/** No library.json: a new library, unless backups or article files show one existed. */
async function loadMissing(dir: string): Promise<LoadResult> {
  const hadLibrary = (await listBackups(dir)).length > 0 || (await listArticleFileIds(dir)).length > 0;
  if (!hadLibrary) return { data: emptyLibrary(), recovery: null, dirty: false, fresh: true };
  const restored = await newestGoodBackup(dir);
  return {
    data: restored?.data ?? emptyLibrary(),
    dirty: true,
    recovery: {
      movedAsideTo: null,
      restoredFrom: restored?.path ?? null,
      articlesRecovered: 0,
      message: restored
        ? 'library.json was missing; Kabar restored the newest backup and re-added articles found on disk.'
        : 'library.json was missing; Kabar rebuilt the library from the article files on disk.',
    },
  };
}

/** Moves a damaged library.json aside and restores the newest good backup (or starts empty). */
async function recover(dir: string, now: Date, why: 'unreadable' | 'invalid'): Promise<LoadResult> {
  const libraryPath = join(dir, 'library.json');
  const aside = `${libraryPath}.damaged-${stamp(now)}`;
  await rename(libraryPath, aside);
  const restored = await newestGoodBackup(dir);
  if (restored) await copyFile(restored.path, libraryPath);
  const what = why === 'unreadable' ? 'could not be read' : 'was not a valid library';
  return {
    data: restored?.data ?? emptyLibrary(),
    dirty: true,
    recovery: {
      movedAsideTo: aside,
      restoredFrom: restored?.path ?? null,
      articlesRecovered: 0,
      message: restored
        ? `library.json ${what}. It was kept as ${aside}; Kabar restored the backup ${restored.path}.`
        : `library.json ${what}. It was kept as ${aside}; no good backup existed, so Kabar rebuilt the library from the article files.`,
    },
  };
}
