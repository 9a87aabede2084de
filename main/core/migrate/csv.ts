/**
 * CSV exports (Pocket, Instapaper, Readwise Reader), streamed row by row with csv-parse so a
 * 200 MB file never sits in memory: a row is read, turned into an entry and handed on.
 */
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import type { ImportFormat, ImportedHighlight, MigrateEntry } from './entry';
import { cleanTags, cleanTitle, entry, toIso } from './entry';
import { malformed, missingColumns } from './errors';
import { highlightFromQuote } from './highlights';

/** CSV formats and the columns each must have (lower case). */
export const CSV_COLUMNS: Record<'pocket-csv' | 'instapaper-csv' | 'readwise-csv', string[]> = {
  'pocket-csv': ['title', 'url', 'time_added'],
  'instapaper-csv': ['url', 'title', 'folder'],
  'readwise-csv': ['title', 'url', 'location'],
};

/** A CSV format name. */
export type CsvFormat = keyof typeof CSV_COLUMNS;

/** Which CSV format a header line is, or undefined. */
export function csvFormatOfHeader(line: string): CsvFormat | undefined {
  const names = new Set(line.replace(/^\uFEFF/, '').toLowerCase().split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  if (names.has('time_added')) return 'pocket-csv';
  if (names.has('document tags') || (names.has('location') && names.has('seen'))) return 'readwise-csv';
  if (names.has('selection') || names.has('folder')) return 'instapaper-csv';
  return undefined;
}

/** Longest row accepted: a row past this is an unterminated quote swallowing the file, not a bookmark. */
const MAX_ROW_BYTES = 4 * 1024 * 1024;

type Row = Record<string, string>;

/** Streams the entries of a CSV export; the header must have the format's columns (IMPORT_COLUMNS). */
export async function* readCsv(path: string, format: CsvFormat): AsyncGenerator<MigrateEntry> {
  for await (const row of csvRows(path, format)) yield rowEntry(format, row);
}

async function* csvRows(path: string, format: CsvFormat): AsyncGenerator<Row> {
  let header: string[] | undefined;
  for await (const record of csvRecords(path, format, (names) => (header = names))) {
    const row: Row = {};
    (header as string[]).forEach((name, i) => (row[name] = record[i] ?? ''));
    yield row;
  }
}

/** The records after the header, streamed from the file; `onHeader` gets the column names (lower case). */
async function* csvRecords(path: string, format: CsvFormat, onHeader?: (names: string[]) => void): AsyncGenerator<string[]> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_ROW_BYTES, trim: false }),
  );
  let header: string[] | null = null;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((c) => c.trim().toLowerCase());
        const missing = CSV_COLUMNS[format].filter((c) => !header?.includes(c));
        if (missing.length > 0) throw missingColumns(format, missing);
        onHeader?.(header);
        continue;
      }
      yield record;
    }
  } catch (error) {
    if (error instanceof CsvError) throw malformed(format, `${error.code} at line ${String((error as { lines?: number }).lines ?? '?')}`);
    throw error;
  } finally {
    parser.destroy();
  }
  if (!header) throw missingColumns(format, CSV_COLUMNS[format]);
}

function rowEntry(format: CsvFormat, row: Row): MigrateEntry {
  if (format === 'pocket-csv') return pocketRow(row);
  if (format === 'instapaper-csv') return instapaperRow(row);
  return readwiseRow(row);
}

function pocketRow(row: Row): MigrateEntry {
  return entry(row.url ?? '', cleanTitle(row.title), {
    savedAt: toIso(row.time_added),
    tags: cleanTags((row.tags ?? '').split('|')),
    read: /^(archive|archived|read)$/i.test((row.status ?? '').trim()),
  });
}

// Instapaper's own folders are states; any other folder name is the user's, kept as a tag.
function instapaperRow(row: Row): MigrateEntry {
  const folder = (row.folder ?? '').trim();
  const tags = /^(unread|archive|starred)$/i.test(folder) ? [] : [folder];
  const selection = (row.selection ?? '').trim();
  const savedAt = toIso(row.timestamp);
  const highlights: ImportedHighlight[] = selection ? [highlightFromQuote(selection, savedAt)] : [];
  return entry(row.url ?? '', cleanTitle(row.title), {
    savedAt,
    tags: cleanTags([...tags, ...listField(row.tags ?? '')]),
    read: /^archive$/i.test(folder),
    bookmarked: /^starred$/i.test(folder),
    ...(highlights.length > 0 ? { highlights } : {}),
  });
}

function readwiseRow(row: Row): MigrateEntry {
  const location = (row.location ?? '').trim().toLowerCase();
  const progress = Number.parseFloat(row['reading progress'] ?? '');
  return entry(row.url ?? '', cleanTitle(row.title), {
    savedAt: toIso(row['saved date']),
    tags: cleanTags(listField(row['document tags'] ?? '')),
    read: location === 'archive',
    bookmarked: location === 'shortlist',
    ...(Number.isFinite(progress) && progress > 0 ? { progress: progress > 1 ? progress / 100 : progress } : {}),
  });
}

/** A list in one cell: Python's repr "['a', 'b']" (Readwise), a JSON array (Instapaper), or "a, b". */
function listField(cell: string): string[] {
  const text = cell.trim();
  if (text === '' || text === '[]') return [];
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1);
    const quoted = [...inner.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? '');
    return quoted.length > 0 ? quoted : inner.split(',');
  }
  return text.split(',');
}

/** Whether a format is one of the CSV ones. */
export function isCsvFormat(format: ImportFormat): format is CsvFormat {
  return format in CSV_COLUMNS;
}
