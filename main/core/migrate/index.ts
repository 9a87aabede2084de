/**
 * Bring a library from another app (issue 12, DESIGN.md §9): Pocket, Instapaper, Omnivore,
 * wallabag, Readwise Reader, Readability, browser and Pinboard bookmarks → Kabar articles and
 * link entries, then a background fetch of the links' pages.
 */
import type { Library } from '../store';
import { importEntries, type MigrateOptions, type MigrateSummary } from './apply';
import type { ImportFormat } from './entry';
import { openExport } from './read';
import type { ZipLimits } from './zip';

export { FORMATS, isImportFormat, type ImportFormat, type ImportedHighlight, type MigrateEntry } from './entry';
export { FAILURES_KEPT, importEntries, type EntryFailure, type MigrateOptions, type MigrateSummary } from './apply';
export { MAX_IMPORT_ENTRIES, openExport, type OpenedExport } from './read';
export { LinkFetcher, type FetchPendingOptions, type FetchStatus } from './fetcher';
export { QUEUE_FILE, loadQueue } from './queue';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

/** Options of a whole-file import. */
export interface ImportFileOptions extends MigrateOptions {
  /** Force a format instead of recognising it (`--from`). */
  from?: ImportFormat;
  zipLimits?: ZipLimits;
}

/**
 * Imports an export file into the library. A file-level problem (unknown format, damaged file,
 * unsafe ZIP) throws its KabarError before anything is stored; per-entry problems are in the summary.
 */
export async function importLibraryFile(library: Library, path: string, options: ImportFileOptions = {}): Promise<MigrateSummary> {
  const opened = await openExport(path, options.from, options.zipLimits);
  try {
    return await importEntries(library, opened.format, opened.entries, { ...options, total: opened.total });
  } finally {
    await opened.close?.();
  }
}
