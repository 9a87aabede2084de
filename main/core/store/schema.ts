/** The shape of library.json, its defaults, and the migrations that bring old files up to date. */
import type { ArticleMeta, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../defaults';

export { DEFAULT_FEED_SETTINGS, DEFAULT_SETTINGS, DEFAULT_TRANSLATION_SETTINGS } from '../defaults';

/** The schema version this build writes. */
export const SCHEMA_VERSION = 2;

/** The lists library.json keeps beside articles and feeds (schema 2): smart views and rules (store/smart.ts). */
export type DataListKey = 'views' | 'rules';

/** Everything library.json holds: metadata only, never article bodies. */
export interface LibraryData {
  schemaVersion: number;
  articles: ArticleMeta[];
  /** Tag names in use or created by the user, in the order they were first used. */
  tags: string[];
  feeds: unknown[];
  settings: Settings;
  /** Saved searches shown in the sidebar with live counts (schema 2). */
  views: unknown[];
  /** Rules run on import and feed refresh, in order (schema 2). */
  rules: unknown[];
}

/** An empty library of the current schema. */
export function emptyLibrary(): LibraryData {
  return { schemaVersion: SCHEMA_VERSION, articles: [], tags: [], feeds: [], settings: { ...DEFAULT_SETTINGS }, views: [], rules: [] };
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade FROM. Version 0 is the pre-release shape
 * (no schemaVersion; articles without user state).
 */
export const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({
    ...data,
    schemaVersion: 1,
    tags: Array.isArray(data.tags) ? data.tags : [],
    feeds: Array.isArray(data.feeds) ? data.feeds : [],
    settings: { ...DEFAULT_SETTINGS, ...(isRecord(data.settings) ? data.settings : {}) },
    articles: (Array.isArray(data.articles) ? data.articles : []).map((a: Record<string, unknown>) => ({
      tags: [],
      bookmarked: false,
      readAt: null,
      progress: 0,
      dir: 'ltr',
      source: 'text',
      wordCount: 0,
      readingMinutes: 0,
      excerpt: '',
      ...a,
    })),
  }),
  // Schema 2 (issue 13): smart views and rules.
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    views: Array.isArray(data.views) ? data.views : [],
    rules: Array.isArray(data.rules) ? data.rules : [],
  }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown when library.json parses but is not a library (or is from a newer Kabar). */
export class SchemaError extends Error {}

/**
 * Checks the parsed file is a library and runs every migration it needs, in order.
 * Returns the upgraded data and the version it started from.
 */
export function migrate(raw: unknown): { data: LibraryData; fromVersion: number } {
  if (!isRecord(raw) || !Array.isArray(raw.articles)) throw new SchemaError('library.json is not a Kabar library');
  const fromVersion = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (fromVersion > SCHEMA_VERSION) {
    throw new SchemaError(`library.json was written by a newer Kabar (schema ${fromVersion}); update Kabar to open it`);
  }
  let data: Record<string, unknown> = raw;
  for (let version = fromVersion; version < SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new SchemaError(`no migration from schema ${version}`);
    data = step(data);
  }
  const articles = data.articles as unknown[];
  if (!articles.every((a) => isRecord(a) && typeof a.id === 'string' && typeof a.title === 'string')) {
    throw new SchemaError('library.json has articles without an id or title');
  }
  // Settings added after a library was written take their defaults (no migration needed).
  const settings = { ...DEFAULT_SETTINGS, ...(isRecord(data.settings) ? data.settings : {}) };
  return { data: { ...data, settings } as unknown as LibraryData, fromVersion };
}
