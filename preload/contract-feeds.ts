/**
 * The feed half of the IPC contract (issue 4): channels and events for subscriptions,
 * refresh and OPML. preload/contract.ts merges it into `Invoke` and `Events`.
 */
import type { DiscoveredFeed, RefreshStatus } from '../main/core/feeds';
import type { UserError } from '../main/core/types';
import type { DialogStrings } from './contract';

export type { DiscoveredFeed, FeedState, RefreshStatus } from '../main/core/feeds';

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

/** Feed invoke channels and their signatures. */
export interface FeedInvoke {
  'feeds:list': () => FeedList;
  /** Subscribes to a feed or site URL into a folder; several feeds on the page: returns them to choose from. */
  'feeds:subscribe': (url: string, folder: string[]) => SubscribeOutcome;
  /** Starts a refresh of these feeds (null: all) in the background; progress comes as events. */
  'feeds:refresh': (ids: string[] | null) => RefreshStatus;
  'feeds:cancelRefresh': () => void;
  'feeds:rename': (id: string, title: string) => FeedView;
  'feeds:setFolder': (id: string, folder: string[]) => FeedView;
  /** Renames a folder path everywhere; returns how many feeds moved. */
  'feeds:renameFolder': (from: string[], to: string[]) => number;
  'feeds:setOptions': (id: string, options: FeedOptions) => FeedView;
  /** Unsubscribes; bookmarked and tagged articles stay, the others go to the trash. */
  'feeds:remove': (id: string) => { trashed: number; kept: number };
  /** Marks every article in scope read; returns how many changed. */
  'feeds:markAllRead': (scope: FeedScope) => number;
  /** Asks for an OPML file (open dialog) and subscribes to its feeds; null when cancelled. */
  'feeds:importOpml': (strings: DialogStrings) => OpmlImportResult | null;
  /** Asks where to save (save dialog) and writes every feed as OPML; null when cancelled. */
  'feeds:exportOpml': (strings: DialogStrings) => { path: string; feeds: number } | null;
}

/** Feed events main sends to the renderer. */
export interface FeedEvents {
  /** The refresh's progress: n of m, each feed's state (throttled; the last one has running: false). */
  'feeds:progress': RefreshStatus;
  /** Feed records or unread counts changed: the sidebar re-reads `feeds:list`. */
  'feeds:changed': { ids: string[] };
  /** Kabar was opened with an .opml file (file association): its import's outcome. */
  'feeds:opmlOpened': { path: string; result: OpmlImportResult | null; error: UserError | null };
}

