/**
 * The language-pack source contract (issue 11): the pairs Firefox's model server (or a mirror)
 * offers with sizes, one-click downloads (through English when needed) with progress and
 * cancel, and the "Translate into" order. preload/contract.ts merges it; main/handlers-packs.ts
 * answers it.
 */
import { z } from 'zod';
import type { PackInfo } from './contract-translate';
import { lang } from './contract-common';
import { channel, event } from './define';

/** A pair the server offers, as Settings lists it. */
export interface AvailablePackInfo {
  id: string;
  from: string;
  to: string;
  version: string;
  /** Download size of all its files, bytes. */
  bytes: number;
  /** Installed version, or null. */
  installed: string | null;
  /** Installed, and the server has a newer version. */
  update: boolean;
  /** Bytes an interrupted download already has (the next one resumes there). */
  partialBytes: number;
}

/** What `packs:available` answers. */
export interface PackListingInfo {
  /** The server address ('' in Settings means this default). */
  server: string;
  fetchedAt: string;
  /** The server could not be reached: this is the last listing saved. */
  cached: boolean;
  packs: AvailablePackInfo[];
}

/** What `packs:get` answers: the packs installed, in route order. */
export interface PackGetResult {
  installed: PackInfo[];
  /** e.g. "id-en@1.0+en-ms@1.0". */
  route: string;
  fetchedBytes: number;
}

/** One language in "Translate into": ready now, or what a download would add. */
export interface TargetLanguageInfo {
  lang: string;
  ready: boolean;
  engines: ('apertium' | 'bergamot')[];
  packs: string[];
  bytes: number;
  /** Bytes of those packs already downloaded by an interrupted attempt. */
  partialBytes: number;
}

/** Pack source invoke channels. */
export const packChannels = {
  /** The pairs the pack server offers with sizes and installed state; offline, the saved listing (else OFFLINE). */
  'packs:available': channel(z.tuple([])).returns<PackListingInfo>(),
  /** Downloads and installs what from→to needs (direct, else via English); streams 'packs:download'. OFFLINE when offline. */
  'packs:get': channel(z.tuple([lang, lang])).returns<PackGetResult>(),
  /** Cancels the running pack download (the partial files are kept for a resume); false when none runs. */
  'packs:cancel': channel(z.tuple([])).returns<boolean>(),
  /** "Translate into" for an article language: ready languages first, then those a pack adds, with sizes. */
  'packs:targets': channel(z.tuple([lang])).returns<TargetLanguageInfo[]>(),
};

/** Pack source events. */
export const packEvents = {
  /** A pack download's progress: bytes on disk of the whole request (both packs when pivoting). */
  'packs:download': event<{ from: string; to: string; pack: string; phase: 'downloading' | 'installing'; done: number; total: number }>(),
};
