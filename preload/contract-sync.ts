/**
 * The sync contract (issue 14): one Google Reader API account per library — add, remove, status,
 * sync now — and the status event. preload/contract.ts merges it; main/handlers-sync.ts answers it.
 */
import { z } from 'zod';
import type { UserError } from '../main/core/types';
import { label, source } from './contract-common';
import { channel, event } from './define';

/** The account and its status line's facts, as Settings → Accounts shows them. */
export interface SyncView {
  url: string;
  user: string;
  /** The first sync pulled the last `days` days. */
  days: number;
  /** Sync every this many minutes (0: only at start, after refreshes and by hand). */
  intervalMinutes: number;
  lastSyncAt: string | null;
  /** The last attempt's error (translated by code), or null. */
  lastError: UserError | null;
  /** Local changes waiting for the server. */
  waiting: number;
  /** A sync is running now. */
  running: boolean;
  /** Where the password is kept: 'keychain' or 'owner-only file'. */
  credentialStore: string;
  syncedFeeds: number;
}

/** What adding an account needs (the password crosses once, to main, and is kept by the keychain). */
export interface SyncAccountInput {
  url: string;
  user: string;
  password: string;
  days?: number;
  intervalMinutes?: number;
}

const days = z.number().int().min(1).max(3650);
const interval = z.number().int().min(0).max(24 * 60);

const accountInput: z.ZodType<SyncAccountInput> = z.strictObject({
  url: source,
  user: label,
  password: z.string().min(1).max(1024),
  days: days.optional(),
  intervalMinutes: interval.optional(),
});

/** Sync channels. */
export const syncChannels = {
  /** The account and its status, or null when none is set up. */
  'sync:status': channel(z.tuple([])).returns<SyncView | null>(),
  /** Checks the password with the server, stores it in the keychain, and starts the first sync. */
  'sync:add': channel(z.tuple([accountInput])).returns<SyncView>(),
  /** Forgets the account and its password; its feeds stay as local feeds. Resolves to the unsent changes dropped. */
  'sync:remove': channel(z.tuple([])).returns<{ dropped: number }>(),
  /** Syncs now; resolves to the new status (a failure rejects with its code and is kept in the status). */
  'sync:now': channel(z.tuple([])).returns<SyncView>(),
  /** Changes how often the app syncs and the days of history (more days: the next sync fetches older items too). */
  'sync:options': channel(z.tuple([z.strictObject({ days: days.optional(), intervalMinutes: interval.optional() })])).returns<SyncView>(),
  /** Subscribes to a feed on the server (so it appears on every device), then syncs; resolves to the new status. */
  'sync:subscribe': channel(z.tuple([source, label.optional()])).returns<SyncView>(),
};

/** Sync events main sends to the renderer. */
export const syncEvents = {
  /** The status changed (a sync started or ended, the account was added or removed). */
  'sync:changed': event<SyncView | null>(),
};
