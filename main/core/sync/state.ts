/**
 * What Kabar remembers about a sync account, in `<data>/sync/state.json` (written atomically):
 * the account (address, user — never the password), its status, and the last state both sides
 * agreed on for every synced item and feed (the base of the three-way merge).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KabarError } from '../errors';
import { writeFileAtomic } from '../util';

/** An account: server, user and what to sync. No secret is ever stored here. */
export interface SyncAccount {
  url: string;
  user: string;
  /** The first sync pulls items of the last `days` days. */
  days: number;
  /** Sync every this many minutes in the app (0: only at start, after refreshes and by hand). */
  intervalMinutes: number;
  addedAt: string;
}

/** A user-facing error as stored (code for the interface, English message for logs and the CLI). */
export interface StoredError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** The outcome of the last syncs. */
export interface SyncStatus {
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  lastError: StoredError | null;
  /** Newest item crawl time seen (server clock, seconds): the next sync asks for items from here (`ot`). */
  watermark: number | null;
}

/** The agreed state of one synced item (keys are short item ids). */
export interface ItemBase {
  /** The Kabar article it became. */
  a: string;
  /** Its feed's stream id. */
  f: string;
  r: boolean;
  s: boolean;
  /** Labels, as the server spells them. */
  l: string[];
}

/** The agreed state of one synced feed (keys are stream ids). */
export interface FeedBase {
  local: string;
  title: string;
  /** Folder label, '' for none. */
  folder: string;
}

/** Everything in state.json. */
export interface SyncState {
  version: 1;
  account: SyncAccount;
  status: SyncStatus;
  items: Record<string, ItemBase>;
  feeds: Record<string, FeedBase>;
}

/** The folder sync keeps its files in. */
export function syncDir(dataDir: string): string {
  return join(dataDir, 'sync');
}

function statePath(dataDir: string): string {
  return join(syncDir(dataDir), 'state.json');
}

/** A new state for an account. */
export function newState(account: SyncAccount): SyncState {
  return { version: 1, account, status: { lastSyncAt: null, lastAttemptAt: null, lastError: null, watermark: null }, items: {}, feeds: {} };
}

/** Reads state.json; undefined when no account is set up. A damaged file is SYNC_BAD_RESPONSE-free: it is an IO error naming the file. */
export function readState(dataDir: string): SyncState | undefined {
  let text: string;
  try {
    text = readFileSync(statePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const state = JSON.parse(text) as SyncState;
    if (state.version !== 1 || typeof state.account?.url !== 'string') throw new Error('not a sync state');
    return state;
  } catch {
    throw new KabarError('IO', `The sync state file ${statePath(dataDir)} is damaged; remove the account and add it again.`, { path: statePath(dataDir) });
  }
}

/** Writes state.json atomically (temp file, fsync, rename). */
export async function writeState(dataDir: string, state: SyncState): Promise<void> {
  mkdirSync(syncDir(dataDir), { recursive: true });
  await writeFileAtomic(statePath(dataDir), JSON.stringify(state));
}

/** Removes temp files a killed writer left in sync/ (never renamed into place, so nothing refers to them). */
export function sweepSyncTemps(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(syncDir(dataDir));
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.tmp')) rmSync(join(syncDir(dataDir), name), { force: true });
}

/** What can change on an account after it is added. */
export interface AccountOptions {
  days?: number;
  intervalMinutes?: number;
}

/**
 * Applies new options to the account. More days than before moves the watermark back, so the next
 * sync also fetches the older items (known items are skipped, so nothing is added twice); fewer days
 * deletes nothing. Throws INVALID_ARGUMENT, changing nothing, for values out of range.
 */
export function applyAccountOptions(state: SyncState, patch: AccountOptions, now: Date): void {
  const { days, intervalMinutes } = patch;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    throw new KabarError('INVALID_ARGUMENT', 'Days of history must be a whole number from 1 to 3650.', { field: 'days' });
  }
  if (intervalMinutes !== undefined && (!Number.isInteger(intervalMinutes) || intervalMinutes < 0 || intervalMinutes > 24 * 60)) {
    throw new KabarError('INVALID_ARGUMENT', 'The sync interval must be 0 to 1440 minutes.', { field: 'intervalMinutes' });
  }
  if (days !== undefined) {
    const from = Math.floor(now.getTime() / 1000) - days * 86_400;
    if (days > state.account.days && state.status.watermark !== null) state.status.watermark = Math.min(state.status.watermark, from);
    state.account.days = days;
  }
  if (intervalMinutes !== undefined) state.account.intervalMinutes = intervalMinutes;
}
