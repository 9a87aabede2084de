/**
 * The contract for bringing a library from another app (issue 12): import an export file chosen
 * in a dialog or dropped on the window, and drive the background fetch of link entries.
 * preload/contract.ts merges it; main/handlers-migrate.ts answers it.
 */
import { z } from 'zod';
import { IMPORT_FORMATS } from '../main/core/formats';
import type { DroppedFile, FetchStatus, MigrateSummary } from '../main/core/types';
import { dialogStrings, source, tags } from './contract-common';
import { channel, event } from './define';

export type { EntryFailure, FetchStatus, MigrateSummary } from '../main/core/types';

/** Formats the window offers to force (the same names as `kabar import-library --from`). */
export const MIGRATE_FORMATS = IMPORT_FORMATS;

/** How one import runs: a forced format, tags for every entry, and whether to fetch the links' pages now. */
export interface MigrateOptions {
  from?: (typeof MIGRATE_FORMATS)[number];
  tags?: string[];
  noFetch?: boolean;
}

const options: z.ZodType<MigrateOptions> = z.strictObject({
  from: z.enum(MIGRATE_FORMATS).optional(),
  tags: tags.optional(),
  noFetch: z.boolean().optional(),
});

/** An export file's name and bytes (a dropped file the bridge has no path for). */
const droppedExport: z.ZodType<DroppedFile> = z.strictObject({
  name: z.string().min(1).max(1024),
  data: z.instanceof(Uint8Array),
});

/** Import-from-another-app channels. */
export const migrateChannels = {
  /** Shows the open dialog for an export file and imports it; null when cancelled. */
  'migrate:choose': channel(z.tuple([dialogStrings, options])).returns<MigrateSummary | null>(),
  /** Imports the export file at a path (a file dropped on the window). */
  'migrate:importPath': channel(z.tuple([source, options])).returns<MigrateSummary>(),
  /** Imports an export file dropped on the window by its content (when the bridge gives no path for it). */
  'migrate:importFile': channel(z.tuple([droppedExport, options])).returns<MigrateSummary>(),
  /** Where the link fetch stands now. */
  'migrate:fetchStatus': channel(z.tuple([])).returns<FetchStatus>(),
  /** Starts (or resumes) fetching waiting links in the background; progress comes as events. */
  'migrate:fetchStart': channel(z.tuple([])).returns<FetchStatus>(),
  /** Pauses fetching (remembered until started again). */
  'migrate:fetchPause': channel(z.tuple([])).returns<FetchStatus>(),
  /** Queues every failed link again and starts fetching; resolves to how many were queued. */
  'migrate:retryFailed': channel(z.tuple([])).returns<number>(),
};

/** Import-from-another-app events. */
export const migrateEvents = {
  /** An import's progress after each stored batch ("n of m"). */
  'migrate:progress': event<MigrateSummary>(),
  /** The link fetch's progress. */
  'migrate:fetchProgress': event<FetchStatus>(),
};
