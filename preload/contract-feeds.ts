/**
 * The feeds contract (issue 4): every channel and event for subscriptions, refresh and OPML,
 * with its argument schema and result type. preload/contract.ts merges it; main/handlers-feeds.ts
 * answers it.
 */
import { z } from 'zod';
import type { DiscoveredFeed, RefreshStatus, UserError } from '../main/core/types';
import { dialogStrings, id, source } from './contract-common';
import { channel, event } from './define';

export type { DiscoveredFeed, FeedState, RefreshStatus } from '../main/core/types';

/** One subscription as the sidebar shows it. */
export interface FeedView {
  id: string;
  url: string;
  title: string;
  siteUrl?: string;
  /** Folder path, outermost first; [] is the top level. */
  folder: string[];
  unread: number;
  /** The last refresh's error (translated by code), or null. */
  error: UserError | null;
  fullText: boolean;
  /** Days to keep its articles; null follows the global setting. */
  keepDays: number | null;
  lastSuccessAt?: string;
  /** The feed belongs to the sync account (the server fetches it; Settings → Accounts). */
  synced?: boolean;
}

/** Every feed, the unread counts per folder (key: parts joined by " / "), and the refresh under way. */
export interface FeedList {
  feeds: FeedView[];
  folders: Record<string, number>;
  refresh: RefreshStatus;
}

/** What subscribing did: the feed, or several feeds found on a page for the user to pick from. */
export type SubscribeOutcome =
  | { kind: 'subscribed'; feed: FeedView; created: boolean; added: number }
  | { kind: 'choose'; candidates: DiscoveredFeed[] };

/** What an OPML import added. */
export interface OpmlImportResult {
  added: number;
  existing: number;
  total: number;
}

/** What the user may change about one feed. */
export interface FeedOptions {
  fullText?: boolean;
  keepDays?: number | null;
}

/** Which feeds "mark all read" applies to: one feed, a folder (with its subfolders), or every feed. */
export interface FeedScope {
  feedId?: string;
  folder?: string[];
}

const title = z.string().trim().min(1).max(500);
// A folder path: a few names, each non-empty and bounded.
const folder = z.array(z.string().trim().min(1).max(200)).max(20);
const keepDays = z.number().int().min(1).max(36_500);
const options: z.ZodType<FeedOptions> = z.strictObject({ fullText: z.boolean().optional(), keepDays: keepDays.nullable().optional() });
const scope: z.ZodType<FeedScope> = z.strictObject({ feedId: id.optional(), folder: folder.min(1).optional() });

/** Feed invoke channels: argument schemas and results. */
export const feedChannels = {
  'feeds:list': channel(z.tuple([])).returns<FeedList>(),
  /** Subscribes to a feed or site URL into a folder; several feeds on the page: returns them to choose from. */
  'feeds:subscribe': channel(z.tuple([source, folder])).returns<SubscribeOutcome>(),
  /** Starts a refresh of these feeds (null: all) in the background; progress comes as events. */
  'feeds:refresh': channel(z.tuple([z.array(id).min(1).max(10_000).nullable()])).returns<RefreshStatus>(),
  'feeds:cancelRefresh': channel(z.tuple([])).returns<void>(),
  'feeds:rename': channel(z.tuple([id, title])).returns<FeedView>(),
  'feeds:setFolder': channel(z.tuple([id, folder])).returns<FeedView>(),
  /** Renames a folder path everywhere; returns how many feeds moved. */
  'feeds:renameFolder': channel(z.tuple([folder.min(1), folder.min(1)])).returns<number>(),
  'feeds:setOptions': channel(z.tuple([id, options])).returns<FeedView>(),
  /** Unsubscribes; bookmarked and tagged articles stay, the others go to the trash. */
  'feeds:remove': channel(z.tuple([id])).returns<{ trashed: number; kept: number }>(),
  /** Marks every article in scope read; returns how many changed. */
  'feeds:markAllRead': channel(z.tuple([scope])).returns<number>(),
  /** Asks for an OPML file (open dialog) and subscribes to its feeds; null when cancelled. */
  'feeds:importOpml': channel(z.tuple([dialogStrings])).returns<OpmlImportResult | null>(),
  /** Asks where to save (save dialog) and writes every feed as OPML; null when cancelled. */
  'feeds:exportOpml': channel(z.tuple([dialogStrings])).returns<{ path: string; feeds: number } | null>(),
};

/** Feed events main sends to the renderer. */
export const feedEvents = {
  /** The refresh's progress: n of m, each feed's state (throttled; the last one has running: false). */
  'feeds:progress': event<RefreshStatus>(),
  /** Feed records or unread counts changed: the sidebar re-reads `feeds:list`. */
  'feeds:changed': event<{ ids: string[] }>(),
  /** Kabar was opened with an .opml file (file association): its import's outcome. */
  'feeds:opmlOpened': event<{ path: string; result: OpmlImportResult | null; error: UserError | null }>(),
};

/** Optional feed keys a settings patch may carry (merged into the library contract's strict patch). */
export const feedSettingsShape = {
  refreshMinutes: z.number().int().min(0).max(10_080).optional(),
  keepDays: keepDays.nullable().optional(),
};
