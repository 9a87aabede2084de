/**
 * The one IPC contract both sides import (type-only on the renderer side): every invoke
 * channel with its signature, every event with its payload, and the DTOs they carry.
 */
import type {
  Article,
  ArticleMeta,
  DroppedFile,
  ImportSummary,
  LibraryCounts,
  ListPage,
  ListQuery,
  SearchHit,
  RecoveryReport,
  Settings,
  TagCount,
  UserError,
} from '../main/core/types';
import type { FeedEvents, FeedInvoke } from './contract-feeds';
import type { TranslateEvents, TranslateInvoke } from './contract-translate';

export type {
  DiscoveredFeed,
  FeedEvents,
  FeedInvoke,
  FeedList,
  FeedOptions,
  FeedScope,
  FeedState,
  FeedView,
  OpmlImportResult,
  RefreshStatus,
  SubscribeOutcome,
} from './contract-feeds';
export type { EngineInfo, EnginesInfo, FolderDialogStrings, LanguagePairInfo, PackInfo, TranslateEvents, TranslateInvoke } from './contract-translate';

export type {
  Article,
  ArticleMeta,
  Block,
  DroppedFile,
  ImportItemResult,
  ImportSummary,
  Inline,
  LibraryCounts,
  ListPage,
  ListQuery,
  RecoveryReport,
  SearchHit,
  Settings,
  SnippetPart,
  TagCount,
  Translation,
  TranslationSettings,
  ReadingMode,
  EngineChoice,
  UserError,
} from '../main/core/types';

/** What the main process tells the renderer about itself. */
export interface AppInfo {
  version: string;
  dataDir: string;
  systemLocale: string;
  /** Where captured images are served from: `kabar-media://media/` in the app, a local path in the harness. */
  mediaBase: string;
  /** Set when opening the library had to recover from a damaged file. */
  recovery: RecoveryReport | null;
}

/** Every invoke channel and its signature (arguments → result). */
export interface Invoke extends FeedInvoke, TranslateInvoke {
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
  /** The user is about to import (Add dialog opened, files dragged in): main gets its import workers ready. */
  'import:prepare': () => void;
  'settings:get': () => Settings;
  'settings:set': (patch: Partial<Settings>) => Settings;
  'shell:openExternal': (url: string) => void;
  /** Shows the system's open dialog; resolves to the chosen paths ([] when cancelled). */
  'dialog:openFiles': (strings: DialogStrings) => string[];
  /** Rebuilds the native menu with labels in the interface language. */
  'menu:setStrings': (strings: MenuStrings) => void;
}

/** Labels of the native open dialog, in the interface language. */
export interface DialogStrings {
  title: string;
  button: string;
  filterName: string;
}

/** Every label the native menu shows, in the interface language. */
export interface MenuStrings {
  file: string;
  importFiles: string;
  importUrl: string;
  importOpml: string;
  exportOpml: string;
  settings: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  search: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  language: string;
  help: string;
  shortcuts: string;
}

/** Every event main sends to the renderer, and its payload. */
export interface Events extends FeedEvents, TranslateEvents {
  /** `progressOnly`: only reading progress moved, so lists and counts are unchanged. */
  'library:changed': { ids: string[]; progressOnly?: boolean };
  'import:progress': { done: number; total: number; source: string };
  'menu:command': { command: MenuCommand };
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand = 'import-files' | 'import-url' | 'import-opml' | 'export-opml' | 'search' | 'settings' | 'shortcuts' | `locale:${string}`;

/** The channels, as values, for code that must enumerate them. */
export type InvokeChannel = keyof Invoke;
/** An event name. */
export type EventChannel = keyof Events;

/** A handler's result wrapped for the wire: values or a translatable error, never a thrown Error. */
export type Wire<T> = { ok: true; value: T } | { ok: false; error: UserError };

