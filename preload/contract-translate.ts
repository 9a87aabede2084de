/**
 * The translation contract (issue 5): engines, packs and article translation, each channel
 * with its argument schema and result type. preload/contract.ts merges it;
 * main/handlers-translate.ts answers it.
 */
import { z } from 'zod';
import type { ArticleMeta, Translation } from '../main/core/types';
import { id, label, lang, source } from './contract-common';
import { channel, event } from './define';

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

const engine = z.enum(['apertium', 'bergamot']);
const packId = z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/);
const folderStrings: z.ZodType<FolderDialogStrings> = z.strictObject({ title: label, button: label });

/** Translation invoke channels: argument schemas and results. */
export const translateChannels = {
  /** Engines with their installed pairs, and the installed packs. */
  'translate:engines': channel(z.tuple([])).returns<EnginesInfo>(),
  /**
   * Translates an article into `to` (engine: 'apertium' | 'bergamot', or null for the choice in
   * Settings, else the best installed one); streams 'translate:progress' and resolves with the
   * stored translation.
   */
  'translate:article': channel(z.tuple([id, lang, engine.nullable()])).returns<Translation>(),
  /** Cancels the running translation of an article (false when none runs). */
  'translate:cancel': channel(z.tuple([id])).returns<boolean>(),
  /** The user's correction of an article's language, remembered with the article. */
  'translate:setSourceLang': channel(z.tuple([id, lang])).returns<ArticleMeta>(),
  /** Asks for a folder with the system dialog and installs the pack in it (null when cancelled). */
  'packs:installFolder': channel(z.tuple([folderStrings])).returns<PackInfo | null>(),
  /** Downloads a pack from a URL (a pack's kabar-pack.json, or a registry and the pack id), streaming 'packs:progress'. */
  'packs:installUrl': channel(z.tuple([source, packId.nullable()])).returns<PackInfo>(),
  /** Removes an installed pack. */
  'packs:remove': channel(z.tuple([packId])).returns<void>(),
};

/** Translation events main sends to the renderer. */
export const translateEvents = {
  /** Blocks done of total (the title counts as one) and how many failed so far. */
  'translate:progress': event<{ id: string; done: number; total: number; failed: number }>(),
  /** Bytes copied or downloaded of total while a pack installs. */
  'packs:progress': event<{ source: string; done: number; total: number }>(),
};

const langList = z.array(lang).max(200);

/** Optional translation keys a settings patch may carry (merged into the library contract's strict patch). */
export const translateSettingsShape = {
  translateTo: lang.nullable().optional(),
  alwaysTranslateFrom: langList.optional(),
  neverTranslateFrom: langList.optional(),
  translationEngines: z.record(z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/), z.enum(['auto', 'apertium', 'bergamot'])).optional(),
  packRegistryUrl: z.union([z.literal(''), z.string().regex(/^https?:\/\//i).max(8192)]).optional(),
  readingMode: z.enum(['original', 'translated', 'bilingual']).optional(),
} satisfies Record<string, z.ZodType>;
