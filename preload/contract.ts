/**
 * The IPC contract: every domain's channels and events merged into one table, and the types
 * derived from it. A domain's contract module (contract-<domain>.ts) is the one place its
 * channels are spelt; this file only lists the domains. Main registers and validates from
 * `CHANNELS`, the preload bridge refuses names outside it, and the renderer's `api` and the
 * test fake are typed from it (README: "Adding a channel").
 *
 * The renderer imports types only from here; values it shares with main come from
 * preload/shared.ts.
 */
import { exportChannels, exportEvents } from './contract-export';
import { feedChannels, feedEvents } from './contract-feeds';
import { libraryChannels, libraryEvents } from './contract-library';
import { packChannels, packEvents } from './contract-packs';
import { speechChannels } from './contract-speech';
import { migrateChannels, migrateEvents } from './contract-migrate';
import { syncChannels, syncEvents } from './contract-sync';
import { marksChannels, marksEvents } from './contract-marks';
import { translateChannels, translateEvents } from './contract-translate';
import type { ArgsOf, HandlersOf, PayloadOf, ResultOf } from './define';
import type { Wire } from './contract-common';

/** Merges domain tables, refusing a name two domains both declare (checked when the module loads). */
function domains<T extends object[]>(...tables: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      if (Object.hasOwn(merged, name)) throw new Error(`IPC name declared twice: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every invoke channel, by name: its argument schema (and, as a type, its result). */
export const CHANNELS = domains(libraryChannels, feedChannels, translateChannels, packChannels, speechChannels, exportChannels, migrateChannels, syncChannels, marksChannels);
/** Every main → renderer event, by name. */
export const EVENTS = domains(libraryEvents, feedEvents, translateEvents, packEvents, exportEvents, migrateEvents, syncEvents, marksEvents);

/** The channel table's type. */
export type Channels = typeof CHANNELS;
/** An invoke channel's name. */
export type Channel = keyof Channels;
/** A channel's argument list. */
export type Args<C extends Channel> = ArgsOf<Channels[C]>;
/** What a channel resolves to. */
export type Result<C extends Channel> = ResultOf<Channels[C]>;
/** An event's name. */
export type EventName = keyof typeof EVENTS;
/** Every event and its payload. */
export type Events = { [E in EventName]: PayloadOf<(typeof EVENTS)[E]> };
/** One handler per channel: a missing, misspelt or mistyped handler is a compile error. */
export type Handlers = HandlersOf<Channels>;
/** The library domain's handlers (main/handlers-library.ts). */
export type LibraryHandlers = HandlersOf<typeof libraryChannels>;
/** The feeds domain's handlers (main/handlers-feeds.ts). */
export type FeedHandlers = HandlersOf<typeof feedChannels>;
/** The import-from-another-app domain's handlers (main/handlers-migrate.ts). */
export type MigrateHandlers = HandlersOf<typeof migrateChannels>;
/** The highlights domain's handlers (main/handlers-marks.ts). */
export type MarksHandlers = HandlersOf<typeof marksChannels>;
/** The translation domain's handlers (main/handlers-translate.ts). */
export type TranslateHandlers = HandlersOf<typeof translateChannels>;
/** The pack source's handlers (main/handlers-packs.ts). */
export type PackHandlers = HandlersOf<typeof packChannels>;
/** The speech handlers (main/handlers-speech.ts). */
export type SpeechHandlers = HandlersOf<typeof speechChannels>;
/** The export domain's handlers (main/handlers-export.ts). */
export type ExportHandlers = HandlersOf<typeof exportChannels>;
/** The sync domain's handlers (main/handlers-sync.ts). */
export type SyncHandlers = HandlersOf<typeof syncChannels>;

/**
 * What the preload exposes as `window.kabar`: one door for calls, one for events, and the
 * path of a dropped file (a webUtils call, not a channel).
 */
export interface Bridge {
  /** Calls a contract channel; resolves to its `Wire` (errors keep their code across the bridge). */
  invoke<C extends Channel>(channel: C, ...args: Args<C>): Promise<Wire<Result<C>>>;
  /** Subscribes to a contract event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** The file-system path of a dropped File ('' when it has none, e.g. pasted data). */
  pathForFile(file: File): string;
}

export type { Wire, DialogStrings } from './contract-common';
export type { AppInfo, MenuCommand, MenuStrings } from './contract-library';
export type {
  DiscoveredFeed,
  FeedList,
  FeedOptions,
  FeedScope,
  FeedState,
  FeedView,
  OpmlImportResult,
  RefreshStatus,
  SubscribeOutcome,
} from './contract-feeds';
export type { EntryFailure, FetchStatus, MigrateOptions, MigrateSummary } from './contract-migrate';
export type { SyncAccountInput, SyncView } from './contract-sync';
export type { EngineInfo, EnginesInfo, FolderDialogStrings, LanguagePairInfo, PackInfo } from './contract-translate';
export type { AvailablePackInfo, PackGetResult, PackListingInfo, TargetLanguageInfo } from './contract-packs';
export type { ParagraphAudioInfo, VoiceInfo } from './contract-speech';
export type { BackupResult, ExportRequest, FetchImagesSummary, LibraryExportResult } from './contract-export';
export type { CountedView } from './contract-marks';
export type {
  Anchor,
  ArticleMarks,
  Highlight,
  HighlightColor,
  HighlightEntry,
  HighlightHit,
  HighlightPage,
  MarksOp,
  OpResult,
  Rule,
  RuleActions,
  RulesReport,
  SmartView,
} from '../main/core/highlights';
export type {
  Article,
  ArticleMeta,
  Block,
  DroppedFile,
  EngineChoice,
  ImportItemResult,
  ImportSummary,
  Inline,
  LibraryCounts,
  ListPage,
  ListQuery,
  ReadingMode,
  RecoveryReport,
  SearchHit,
  Settings,
  SnippetPart,
  TagCount,
  Translation,
  TranslationSettings,
  UserError,
} from '../main/core/types';
