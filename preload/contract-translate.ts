/**
 * The translation half of the IPC contract (issue 5): engines, packs and article
 * translation. preload/contract.ts merges it into `Invoke` and `Events`.
 */
import type { ArticleMeta, Translation } from '../main/core/types';

/** A language pair an engine can translate now (ISO 639-1 codes). */
export interface LanguagePairInfo {
  from: string;
  to: string;
}

/** One engine: whether it runs here, a line about it, and the pairs it can do now. */
export interface EngineInfo {
  id: 'apertium' | 'bergamot';
  available: boolean;
  detail: string;
  pairs: LanguagePairInfo[];
}

/** An installed Bergamot language pack. */
export interface PackInfo {
  id: string;
  from: string;
  to: string;
  version: string;
  bytes: number;
  /** Set when the pack is damaged (English; the interface says "damaged" in its language). */
  problem?: string;
  files?: { part: string; name: string; size: number; sha256: string }[];
}

/** What `translate:engines` answers. */
export interface EnginesInfo {
  engines: EngineInfo[];
  packs: PackInfo[];
}

/** Labels of the native folder dialog, in the interface language. */
export interface FolderDialogStrings {
  title: string;
  button: string;
}

/** Translation invoke channels and their signatures. */
export interface TranslateInvoke {
  /** Engines with their installed pairs, and the installed packs. */
  'translate:engines': () => EnginesInfo;
  /**
   * Translates an article into `to` (engine: 'apertium' | 'bergamot', or null for the choice in
   * Settings, else the best installed one); streams 'translate:progress' and resolves with the
   * stored translation.
   */
  'translate:article': (id: string, to: string, engine: string | null) => Translation;
  /** Cancels the running translation of an article (false when none runs). */
  'translate:cancel': (id: string) => boolean;
  /** The user's correction of an article's language, remembered with the article. */
  'translate:setSourceLang': (id: string, lang: string) => ArticleMeta;
  /** Asks for a folder with the system dialog and installs the pack in it (null when cancelled). */
  'packs:installFolder': (strings: FolderDialogStrings) => PackInfo | null;
  /** Downloads a pack from a URL (a pack's kabar-pack.json, or a registry and the pack id), streaming 'packs:progress'. */
  'packs:installUrl': (url: string, packId: string | null) => PackInfo;
  /** Removes an installed pack. */
  'packs:remove': (packId: string) => void;
}

/** Translation events main sends to the renderer. */
export interface TranslateEvents {
  /** Blocks done of total (the title counts as one) and how many failed so far. */
  'translate:progress': { id: string; done: number; total: number; failed: number };
  /** Bytes copied or downloaded of total while a pack installs. */
  'packs:progress': { source: string; done: number; total: number };
}
