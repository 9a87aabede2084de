/** The one shape every importer produces (DESIGN.md §9), and the checks each entry passes before it is stored. */
import { KabarError } from '../errors';
import { IMPORT_FORMATS, type ImportFormat } from '../formats';

/** Formats Kabar reads from other apps (`--from` takes these names). */
export const FORMATS = IMPORT_FORMATS;
export type { ImportFormat };

/** Whether a string names a format. */
export function isImportFormat(name: string): name is ImportFormat {
  return (FORMATS as readonly string[]).includes(name);
}

/**
 * A highlight carried by an export, stored with the article so nothing is lost. `anchor: null`
 * means "not placed yet": main/core/highlights places it by its quote.
 */
export interface ImportedHighlight {
  id: string;
  createdAt: string;
  color: 'yellow';
  note?: string;
  quote: { exact: string; prefix: string; suffix: string };
  anchor: null;
}

/** One entry of an export file, whatever app it came from. */
export interface MigrateEntry {
  url: string;
  title: string;
  /** ISO time it was saved in the other app. */
  savedAt?: string;
  /** Tags, labels and folders. */
  tags: string[];
  read: boolean;
  bookmarked: boolean;
  /** Reading progress 0..1. */
  progress?: number;
  /** Article HTML the other app stored (wallabag, Omnivore ZIP). */
  content?: string;
  /** The language the other app recorded. */
  lang?: string;
  highlights?: ImportedHighlight[];
  /** A note on the whole article (Kabar's own wallabag field `kabar_note`). */
  note?: string;
}

/** A new entry with the defaults every parser starts from. */
export function entry(url: string, title: string, fields: Partial<MigrateEntry> = {}): MigrateEntry {
  return { url, title, tags: [], read: false, bookmarked: false, ...fields };
}

/** Schemes a saved link may have; anything else (javascript:, file:, data:, chrome:) is refused. */
const ALLOWED = new Set(['http:', 'https:']);

/** Checks an entry's address: a web address is returned parsed; anything else throws URL_REFUSED or INVALID_URL. */
export function checkUrl(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new KabarError('INVALID_URL', `"${text.slice(0, 200)}" is not a web address; this entry was skipped.`, { url: text.slice(0, 200) });
  }
  if (!ALLOWED.has(url.protocol)) {
    throw new KabarError('URL_REFUSED', `A ${url.protocol} address is not a web page and was refused: ${text.slice(0, 200)}`, {
      url: text.slice(0, 200),
      scheme: url.protocol.replace(/:$/, ''),
    });
  }
  return url.href;
}

/** Longest title kept (a title is a line, not a body). */
const MAX_TITLE = 500;

/** The first `count` code points of `text` (a surrogate pair is never cut in half). */
function firstCodePoints(text: string, count: number): string {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n += 1) {
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, end);
}

/**
 * A title as a single trimmed line of reasonable length. A title column can hold a whole excerpt
 * (kilobytes per row in a large CSV): only its opening is cleaned, unless whitespace shrinks that
 * opening below the length kept.
 */
export function cleanTitle(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const opening = raw.trimStart().slice(0, MAX_TITLE * 4);
  let line = opening.replace(/\s+/g, ' ');
  // Past 2 × MAX_TITLE + 2 units the cleaned opening holds more than MAX_TITLE code points, even trimmed.
  if (opening.length < raw.trimStart().length && line.length < MAX_TITLE * 2 + 2) line = raw.replace(/\s+/g, ' ');
  return firstCodePoints(line.trim(), MAX_TITLE);
}

/** Tags as given, trimmed, empty ones and duplicates dropped, each cut to the store's limit. */
export function cleanTags(raw: Iterable<unknown>): string[] {
  const seen = new Map<string, string>();
  for (const value of raw) {
    if (typeof value !== 'string') continue;
    const tag = [...value.replace(/\s+/g, ' ').trim()].slice(0, 64).join('');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/**
 * A time from an export as ISO text: Unix seconds, milliseconds or microseconds (Firefox), Chrome's
 * microseconds since 1601, or any date text JavaScript reads. Undefined when it cannot be read.
 */
export function toIso(raw: unknown, unit: 'auto' | 'chrome' = 'auto'): string | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw.trim()))) {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) return undefined;
    // Chrome counts microseconds from 1601-01-01.
    const ms = unit === 'chrome' ? n / 1000 - 11_644_473_600_000 : n > 1e14 ? n / 1000 : n > 1e11 ? n : n * 1000;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof raw !== 'string') return undefined;
  // "2016-09-08T11:55:58+0200" and "2015-09-09 11:10:32 UTC": make them ones Date reads everywhere.
  const text = raw.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/ UTC$/, 'Z');
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A truthy flag as exports write them: true, 1, "1", "true", "yes". */
export function flag(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw !== 0;
  if (typeof raw === 'string') return /^(1|true|yes|on)$/i.test(raw.trim());
  return false;
}
