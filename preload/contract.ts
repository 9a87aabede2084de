/**
 * The one IPC contract both sides import (type-only on the renderer side): every invoke
 * channel with its signature, every event with its payload, and the DTOs they carry.
 */
import type { Article, ArticleMeta } from '../main/core/types';

export type { Article, ArticleMeta, Block, Inline, Translation } from '../main/core/types';

/** How the article list is filtered, sorted and paged. */
export interface ListQuery {
  /** Articles must carry every one of these tags. */
  tags?: string[];
  bookmarked?: boolean;
  unread?: boolean;
  lang?: string;
  feedId?: string;
  /** List the trash instead of the library. */
  trash?: boolean;
  sort?: 'savedAt' | 'publishedAt';
  order?: 'desc' | 'asc';
  offset?: number;
  limit?: number;
}

/** One page of the article list. */
export interface ListPage {
  items: ArticleMeta[];
  total: number;
  offset: number;
}

/** A tag and how many live articles carry it. */
export interface TagCount {
  name: string;
  count: number;
}

/** Counts for the sidebar. */
export interface LibraryCounts {
  all: number;
  unread: number;
  bookmarked: number;
  trash: number;
  tags: TagCount[];
  langs: { lang: string; count: number }[];
}

/** A piece of a snippet: plain text or a highlighted match. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One search result: the article and where it matched. */
export interface SearchHit {
  id: string;
  score: number;
  meta: ArticleMeta;
  title: SnippetPart[];
  snippet: SnippetPart[];
}

/** The outcome of importing one source. */
export type ImportItemResult =
  | { source: string; ok: true; id: string; title: string; created: boolean }
  | { source: string; ok: false; error: UserError };

/** What an import of several sources did, item by item. */
export interface ImportSummary {
  results: ImportItemResult[];
  imported: number;
  duplicates: number;
  failed: number;
}

/** A dropped or pasted file handed over by content (the sandboxed renderer has no paths). */
export interface DroppedFile {
  name: string;
  data: Uint8Array;
}

/** An error as it crosses the bridge: a code the interface translates, parameters, English text. */
export interface UserError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Reader and interface preferences. */
export interface Settings {
  /** Interface language; null follows the OS. */
  locale: string | null;
  theme: 'system' | 'light' | 'dark' | 'sepia';
  fontSize: number;
  fontFamily: 'serif' | 'sans';
  sort: 'savedAt' | 'publishedAt';
}

/** What the main process tells the renderer about itself. */
export interface AppInfo {
  version: string;
  dataDir: string;
  systemLocale: string;
  /** Set when opening the library had to recover from a damaged file. */
  recovery: RecoveryReport | null;
}

/** What happened when a damaged library.json was found on open. */
export interface RecoveryReport {
  movedAsideTo: string;
  restoredFrom: string | null;
  articlesRecovered: number;
}

/** Every invoke channel and its signature (arguments → result). */
export interface Invoke {
  'app:info': () => AppInfo;
  'library:list': (query: ListQuery) => ListPage;
  'library:counts': () => LibraryCounts;
  'article:get': (id: string) => Article;
  'article:delete': (id: string) => void;
  'article:restore': (id: string) => void;
  'article:setBookmarked': (id: string, on: boolean) => ArticleMeta;
  'article:setRead': (id: string, read: boolean) => ArticleMeta;
  'article:setProgress': (id: string, progress: number) => void;
  'tags:add': (id: string, tags: string[]) => ArticleMeta;
  'tags:remove': (id: string, tags: string[]) => ArticleMeta;
  'tags:rename': (from: string, to: string) => void;
  'tags:merge': (from: string[], to: string) => void;
  'tags:list': () => TagCount[];
  'search:query': (query: string, limit: number) => SearchHit[];
  'import:urls': (urls: string[], tags: string[]) => ImportSummary;
  'import:paths': (paths: string[], tags: string[]) => ImportSummary;
  'import:files': (files: DroppedFile[], tags: string[]) => ImportSummary;
  'settings:get': () => Settings;
  'settings:set': (patch: Partial<Settings>) => Settings;
  'shell:openExternal': (url: string) => void;
}

/** Every event main sends to the renderer, and its payload. */
export interface Events {
  'library:changed': { ids: string[] };
  'import:progress': { done: number; total: number; source: string };
  'menu:command': { command: MenuCommand };
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand = 'import-files' | 'import-url' | 'search' | 'settings' | 'shortcuts' | `locale:${string}`;

/** The channels, as values, for code that must enumerate them. */
export type InvokeChannel = keyof Invoke;
/** An event name. */
export type EventChannel = keyof Events;

/** A handler's result wrapped for the wire: values or a translatable error, never a thrown Error. */
export type Wire<T> = { ok: true; value: T } | { ok: false; error: UserError };
