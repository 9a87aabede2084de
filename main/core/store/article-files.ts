/**
 * The per-article body files, `articles/<id>.json`: sanitized blocks, translations, and a metadata
 * snapshot. Beside each, a hidden text sidecar `articles/.<id>.txt` holds the opening of the body as
 * plain text, so a search can build snippets without reading and parsing whole article files.
 */
import fs from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../errors';
import { SNIPPET_TEXT_CHARS } from '../search';
import type { ArticleBody, ArticleMeta, Block, Translation } from '../types';
import { writeFilesInBackground, type FileToWrite } from '../util';
import { storageError, writeLibraryFile } from './atomic';

/** What an article file holds. The metadata snapshot lets a lost library.json be rebuilt. */
export interface ArticleFile extends ArticleBody {
  schemaVersion: 1;
  meta: ArticleMeta;
  /**
   * Translation entries that are not valid translations (damaged on disk), by language. They are
   * left out of `translations` so the reader never sees half a translation, and kept as they are
   * when the file is rewritten. Never written back under this name.
   */
  damagedTranslations?: Record<string, unknown>;
  /** Highlights kept with the article (DESIGN.md §10); an import stores them with `anchor: null` (placed by quote). */
  highlights?: unknown[];
  /** Highlights and notes (main/core/highlights parses them); absent when there are none. */
  marks?: unknown;
}

/** Where damaged files are kept (outside articles/, so backups and article listings skip them). */
export function damagedDir(dir: string): string {
  return join(dir, 'damaged');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlockList(value: unknown): boolean {
  return Array.isArray(value) && value.every((b) => isRecord(b) && typeof b.type === 'string' && typeof b.text === 'string');
}

/** Whether a stored translation entry is whole: language, title and text blocks. */
export function isTranslation(value: unknown, lang: string): value is Translation {
  return isRecord(value) && value.lang === lang && typeof value.title === 'string' && isBlockList(value.blocks);
}

/**
 * Keeps a copy (or, with `move`, the file itself) of a damaged article file in `damaged/`, named
 * with the time, before anything replaces it. Returns where it went.
 */
export async function keepDamaged(dir: string, id: string, now: Date, { move = false } = {}): Promise<string> {
  await mkdir(damagedDir(dir), { recursive: true });
  const target = join(damagedDir(dir), `${id}.${now.toISOString().replace(/[:.]/g, '-')}.json`);
  await (move ? rename : copyFile)(articlePath(dir, id), target);
  return target;
}

const ID_PATTERN = /^[a-f0-9]{16,64}$/;

/** Path of an article's body file; refuses ids that are not ours (no path tricks). */
export function articlePath(dir: string, id: string): string {
  if (!ID_PATTERN.test(id)) throw new KabarError('NOT_FOUND', `No article with id ${id}`, { id });
  return join(dir, 'articles', `${id}.json`);
}

/** How an article file is written (see writeArticleFile). */
export interface WriteOptions {
  /** false only for a batch add, whose journal line carries the body. */
  durable?: boolean;
  /** Imported highlights placed by quote (`anchor: null`). */
  highlights?: unknown[];
  /** Highlights and notes (main/core/highlights). */
  marks?: unknown;
}

/**
 * Writes an article's body file atomically. `highlights` and `marks` are written as given:
 * whoever rewrites a body passes on what it read, so no rewrite loses a highlight.
 */
export async function writeArticleFile(
  dir: string,
  meta: ArticleMeta,
  blocks: Block[],
  translations: Record<string, Translation>,
  { durable = true, highlights, marks }: WriteOptions = {},
): Promise<void> {
  // durable: false only for a batch add, whose journal line carries the body (see library-batch.ts).
  await writeLibraryFile(articlePath(dir, meta.id), articleFileText(meta, blocks, translations, highlights, marks), { durable });
  // After the body is safe: a sidecar is only a shortcut, so failing to write one fails nothing.
  const text = blocksText(blocks);
  if (text !== '') await writeArticleText(dir, meta, text).catch(() => undefined);
}

/**
 * Writes new articles' body files (and the sidecars of large ones) for a batch add, atomically but
 * without fsync (the batch's journal line carries the bodies), on the file writer's worker thread
 * (util/file-writer.ts): a feed refresh creates thousands of files, and their cost in the kernel
 * is then paid by the other core while this one parses the next feed.
 */
export async function writeNewArticleFiles(dir: string, items: { meta: ArticleMeta; blocks: Block[]; highlights?: unknown[] }[]): Promise<void> {
  const files: FileToWrite[] = [];
  for (const { meta, blocks, highlights } of items) {
    const data = articleFileText(meta, blocks, {}, highlights, undefined);
    files.push({ path: articlePath(dir, meta.id), data });
    // A short body's own file is read as quickly as a sidecar would be: a feed refresh creates
    // one file per story, not two. Failing to write a sidecar fails nothing.
    const text = blocksText(blocks);
    if (wantsSidecar(text)) files.push({ path: textPath(dir, meta.id), data: textSidecar(meta, text), optional: true });
  }
  try {
    await writeFilesInBackground(files);
  } catch (error) {
    throw storageError(error, (error as { path?: string }).path ?? join(dir, 'articles'));
  }
}

/** Body text shorter than this gets no sidecar from a batch add or a search (see wantsSidecar). */
export const SIDECAR_FROM_CHARS = 8_192;

/**
 * Whether a body is long enough for a text sidecar to beat reading its article file when a search
 * builds a snippet. Shorter bodies are read from their own small file, and get no sidecar from a
 * batch add nor from a search (writing one there cost a search a file write).
 */
export function wantsSidecar(text: string): boolean {
  return text.length >= SIDECAR_FROM_CHARS;
}

function articleFileText(meta: ArticleMeta, blocks: Block[], translations: Record<string, Translation>, highlights: unknown[] | undefined, marks: unknown): string {
  const file: ArticleFile = { schemaVersion: 1, id: meta.id, meta, blocks, translations };
  // Written only when there are some, so files without highlights stay as they were.
  if (highlights && highlights.length > 0) file.highlights = highlights;
  if (marks !== undefined) file.marks = marks;
  return JSON.stringify(file);
}

// Hidden, so backups (which take only `articles/<id>.json`) and listArticleFileIds leave it alone,
// and a restored backup (a whole new articles folder) comes without stale ones.
function textPath(dir: string, id: string): string {
  articlePath(dir, id);
  return join(dir, 'articles', `.${id}.txt`);
}

/** What a text sidecar keeps of a body: its first SNIPPET_TEXT_CHARS, never half a surrogate pair. */
export function textOpening(text: string): string {
  if (text.length <= SNIPPET_TEXT_CHARS) return text;
  const last = text.charCodeAt(SNIPPET_TEXT_CHARS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? SNIPPET_TEXT_CHARS - 1 : SNIPPET_TEXT_CHARS);
}

// A sidecar's largest size: three UTF-8 bytes per UTF-16 unit at most, plus the header line.
const TEXT_MAX_BYTES = SNIPPET_TEXT_CHARS * 3 + 1024;

interface TextHeader {
  savedAt: string;
  length: number;
}


// A file of at most `max` bytes in one read. readFile would also stat it, and the promise API adds
// event-loop turns: twenty of these make a search, and under load each call counts.
function readSmall(path: string, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    fs.open(path, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const buffer = Buffer.allocUnsafe(max + 1);
      fs.read(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) => {
        fs.close(fd, () => undefined);
        if (readError) reject(readError);
        else if (bytesRead > max) reject(new Error(`${path} is larger than ${max} bytes`));
        else resolve(buffer.toString('utf8', 0, bytesRead));
      });
    });
  });
}

/**
 * Writes an article's text sidecar: a JSON header line, then the opening of `text` (as much as a
 * search snippet can use). Not fsynced: a torn or stale sidecar fails readArticleText's checks.
 */
export async function writeArticleText(dir: string, meta: ArticleMeta, text: string): Promise<void> {
  await writeLibraryFile(textPath(dir, meta.id), textSidecar(meta, text), { durable: false });
}

function textSidecar(meta: ArticleMeta, text: string): string {
  const body = textOpening(text);
  const header: TextHeader = { savedAt: meta.savedAt, length: body.length };
  return `${JSON.stringify(header)}\n${body}`;
}

/**
 * The opening of an article's body text from its sidecar (at least what a search snippet reads), or
 * undefined when there is none (libraries from before sidecars) or it does not belong to this import
 * of the article or is torn.
 */
export async function readArticleText(dir: string, meta: ArticleMeta): Promise<string | undefined> {
  let raw: string;
  try {
    raw = await readSmall(textPath(dir, meta.id), TEXT_MAX_BYTES);
  } catch {
    return undefined;
  }
  const eol = raw.indexOf('\n');
  if (eol < 0) return undefined;
  try {
    const header = JSON.parse(raw.slice(0, eol)) as Partial<TextHeader>;
    // savedAt changes when an id is imported again after the trash was emptied; the length catches
    // a file cut short by a crash.
    if (header.savedAt !== meta.savedAt || header.length !== raw.length - eol - 1) return undefined;
  } catch {
    return undefined;
  }
  return raw.slice(eol + 1);
}

/** Reads an article's body file; a damaged file gives ARTICLE_DAMAGED, never a crash. */
export async function readArticleFile(dir: string, id: string): Promise<ArticleFile> {
  let text: string;
  try {
    text = await readFile(articlePath(dir, id), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KabarError('ARTICLE_DAMAGED', 'The text of this article is missing. Import it again from its source.', { id });
    }
    throw error;
  }
  let file: ArticleFile;
  try {
    file = JSON.parse(text) as ArticleFile;
    if (!isRecord(file) || !isBlockList(file.blocks)) throw new Error('no blocks');
  } catch {
    throw new KabarError('ARTICLE_DAMAGED', 'The text of this article is damaged. Import it again from its source.', { id });
  }
  return splitTranslations(file);
}

/** Separates whole translations from damaged entries (see ArticleFile.damagedTranslations). */
function splitTranslations(file: ArticleFile): ArticleFile {
  const stored: unknown = file.translations;
  const translations: Record<string, Translation> = {};
  const damaged: Record<string, unknown> = {};
  if (isRecord(stored)) {
    for (const [lang, entry] of Object.entries(stored)) {
      if (isTranslation(entry, lang)) translations[lang] = entry;
      else damaged[lang] = entry;
    }
  } else if (stored !== undefined) {
    damaged['*'] = stored;
  }
  return Object.keys(damaged).length > 0 ? { ...file, translations, damagedTranslations: damaged } : { ...file, translations };
}

/** Deletes an article's body file and its text sidecar (used when the trash is emptied). */
export async function removeArticleFile(dir: string, id: string): Promise<void> {
  await rm(articlePath(dir, id), { force: true });
  await rm(textPath(dir, id), { force: true });
}

/** Lists the ids of every article file on disk. */
export async function listArticleFileIds(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'articles'));
    return names.filter((n) => n.endsWith('.json') && ID_PATTERN.test(n.slice(0, -5))).map((n) => n.slice(0, -5));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Plain text of blocks, as the search index and word counts see it. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}
