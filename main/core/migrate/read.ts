/**
 * Opens an export file: recognises its format from its content (a name is only a hint; `--from`
 * forces one), then yields its entries. CSV streams from the file (memory stays flat whatever its
 * size); JSON, HTML and ZIP are read whole under a size cap. No file brings more than MAX_IMPORT_ENTRIES.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KabarError } from '../errors';
import { bookmarkEntries, looksLikeBookmarks } from './bookmarks-html';
import { csvFormatOfHeader, isCsvFormat, readCsv, type CsvFormat } from './csv';
import type { ImportFormat, MigrateEntry } from './entry';
import { malformed, tooManyEntries, unknownFormat } from './errors';
import { jsonEntries, jsonFormatOf } from './json-formats';
import { omnivoreZipEntries } from './omnivore-zip';
import { spoolEntries } from './spool';
import type { ZipLimits } from './zip';

/** Largest JSON or HTML export read whole (CSV streams with no such cap). */
export const MAX_WHOLE_BYTES = 256 * 1024 * 1024;

/**
 * Most entries one file may bring: the size of library Kabar is built and measured for (100,000
 * articles). A larger file is refused before anything is stored (IMPORT_TOO_MANY), so a huge CSV
 * can neither exhaust memory nor leave half a file imported; split, it imports part by part.
 */
export const MAX_IMPORT_ENTRIES = 100_000;

const JSON_FORMATS = new Set<ImportFormat>(['omnivore-json', 'wallabag-json', 'readability-json', 'firefox-json', 'chrome-json', 'pinboard-json']);

/** An opened export: its format and its entries, in file order. */
export interface OpenedExport {
  format: ImportFormat;
  entries: AsyncIterable<MigrateEntry>;
  /** How many entries the file has. */
  total: number;
  /** Releases what opening took (a CSV's spool file); call it when done with `entries`, read or not. */
  close?: () => Promise<void>;
}

/**
 * A CSV is parsed through before anything is stored (a broken quote at row 90,000 must fail the
 * import before row 1 is stored), its entries counted and spooled to a temp file that the import
 * then reads (spool.ts): one parse, and the file is never held in memory.
 */
async function openCsv(path: string, format: CsvFormat): Promise<OpenedExport> {
  // Past the limit the answer is known: a 10 GB file is not read through.
  const spooled = await spoolEntries(readCsv(path, format), (total) => {
    if (total > MAX_IMPORT_ENTRIES) throw tooManyEntries(basename(path), MAX_IMPORT_ENTRIES);
  });
  return { format, ...spooled };
}

async function listed(format: ImportFormat, list: MigrateEntry[], path: string): Promise<OpenedExport> {
  if (list.length > MAX_IMPORT_ENTRIES) throw tooManyEntries(basename(path), MAX_IMPORT_ENTRIES);
  return { format, entries: fromList(async () => list), total: list.length };
}

async function head(path: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

type Kind = 'zip' | 'json' | 'html' | 'csv';

/** What a file's first bytes say it is (never its name alone). */
function kindOf(start: Buffer): Kind | undefined {
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) return 'zip';
  const text = start.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (text.startsWith('<')) return 'html';
  if (csvFormatOfHeader(text.split(/\r?\n/, 1)[0] ?? '')) return 'csv';
  return undefined;
}

async function readWhole(path: string, format: string): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_WHOLE_BYTES) {
    throw new KabarError('TOO_LARGE', `This ${format} file is larger than ${MAX_WHOLE_BYTES / 1024 / 1024} MB.`, { maxBytes: MAX_WHOLE_BYTES, size });
  }
  const handle = await open(path, 'r');
  try {
    return new TextDecoder('utf-8').decode(await handle.readFile()).replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

async function* fromList(list: () => Promise<MigrateEntry[]>): AsyncGenerator<MigrateEntry> {
  yield* await list();
}

/**
 * Opens `path` as an export. Throws FILE_NOT_FOUND, EMPTY_INPUT, IMPORT_UNKNOWN_FORMAT (the content
 * is no known export, or not the `from` format), IMPORT_MALFORMED, IMPORT_TOO_MANY, TOO_LARGE, ZIP_UNSAFE.
 */
export async function openExport(path: string, from?: ImportFormat, zipLimits?: ZipLimits): Promise<OpenedExport> {
  const name = basename(path);
  let start: Buffer;
  try {
    start = await head(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw new KabarError('FILE_NOT_FOUND', `There is no file ${path}.`, { path });
    throw error;
  }
  if (start.length === 0) throw new KabarError('EMPTY_INPUT', `${name} is empty: nothing to import.`, { file: name });
  const kind = kindOf(start);
  if (kind === 'zip') {
    if (from && from !== 'omnivore-zip') throw unknownFormat(name, from);
    return listed('omnivore-zip', await omnivoreZipEntries(path, zipLimits), path);
  }
  if (kind === 'csv') {
    const found = csvFormatOfHeader(start.toString('utf8').split(/\r?\n/, 1)[0] ?? '');
    const format = from ?? found;
    if (!format || !isCsvFormat(format)) throw unknownFormat(name, from);
    return openCsv(path, format);
  }
  if (from && isCsvFormat(from)) return openCsv(path, from);
  if (kind === 'html') return openHtml(path, name, start, from);
  if (kind === 'json') return openJson(path, name, from);
  throw unknownFormat(name, from);
}

async function openHtml(path: string, name: string, start: Buffer, from?: ImportFormat): Promise<OpenedExport> {
  const found = looksLikeBookmarks(start.toString('utf8'));
  const format = from ?? found;
  if (format !== 'netscape' && format !== 'pocket-html') throw unknownFormat(name, from);
  return listed(format, bookmarkEntries(await readWhole(path, format), format === 'pocket-html'), path);
}

async function openJson(path: string, name: string, from?: ImportFormat): Promise<OpenedExport> {
  const text = await readWhole(path, 'JSON');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw malformed(from ?? 'JSON', error instanceof Error ? error.message : String(error));
  }
  const found = jsonFormatOf(doc);
  const format = from ?? found;
  if (!format || (from && found !== from && !(found === undefined && JSON_FORMATS.has(from)))) throw unknownFormat(name, from);
  return listed(format, jsonEntries(format, doc), path);
}
