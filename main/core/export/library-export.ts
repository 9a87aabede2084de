/**
 * "Leave with everything": the library, a tag, a search result or chosen articles written as one
 * file another app imports — Netscape bookmarks, Pocket CSV, wallabag v2 JSON — or as one EPUB 3 book.
 * Files are written beside the target and renamed over it only when complete.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KabarError } from '../errors';
import { readMarks, type Library } from '../store';
import type { Article, ArticleMeta } from '../types';
import { writeEpub, type EpubLabels } from './epub';
import { isBookmarkable, toNetscape } from './netscape';
import { toPocketCsv } from './pocket-csv';
import { nothingToExport, selectArticles, type ExportScope } from './select';
import { toWallabagEntry } from './wallabag';
import type { LibraryExportResult, LibraryFormat } from '../types';

export type { LibraryExportResult, LibraryFormat } from '../types';

/** The formats a library export writes. */
export const LIBRARY_FORMATS = ['netscape', 'pocket-csv', 'wallabag-json', 'epub'] as const satisfies readonly LibraryFormat[];

const EXTENSIONS: Record<LibraryFormat, string> = { netscape: 'html', 'pocket-csv': 'csv', 'wallabag-json': 'json', epub: 'epub' };

/** What to export, in which format, to where. */
export interface LibraryExportOptions extends ExportScope {
  format: string;
  /** A file path, or an existing folder (the file is then named kabar-<date>.<ext> inside it). */
  out: string;
  /** EPUB only: each paragraph followed by its stored translation (true), or by the one in this language. */
  bilingual?: boolean | string;
  /** EPUB only: the book's title. */
  title?: string;
  /** EPUB only: the book's own page strings, in the interface language. */
  labels?: Partial<EpubLabels>;
  now?: Date;
  /** After each article (EPUB and wallabag JSON read every article's text). */
  onProgress?: (done: number, total: number) => void;
}


/** A write that failed, as the user should hear of it: a full disk, or a place that cannot be written. */
function writeError(error: unknown, path: string): KabarError {
  if (error instanceof KabarError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new KabarError('DISK_FULL', `The disk is full: ${path} could not be written. Free some space and export again.`, { path });
  return new KabarError('IO', `${path} could not be written (${code ?? (error as Error).message}). Choose another place.`, { path });
}

/** Checks a format name; INVALID_ARGUMENT names the ones there are. */
export function parseLibraryFormat(format: string): LibraryFormat {
  if ((LIBRARY_FORMATS as readonly string[]).includes(format)) return format as LibraryFormat;
  throw new KabarError('INVALID_ARGUMENT', `Unknown export format "${format}". Use one of: ${LIBRARY_FORMATS.join(', ')}.`, { field: 'format', format });
}

async function targetPath(out: string, format: LibraryFormat, now: Date): Promise<string> {
  const info = await stat(out).catch(() => null);
  const path = info?.isDirectory() ? join(out, `kabar-${now.toISOString().slice(0, 10)}.${EXTENSIONS[format]}`) : out;
  await mkdir(dirname(path), { recursive: true });
  return path;
}

/** Writes text pieces to a temp file, flushes it and renames it over `path`; returns the size. */
async function writePieces(path: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temp, 'wx');
  let bytes = 0;
  try {
    for await (const piece of pieces) {
      const data = Buffer.from(piece, 'utf8');
      for (let done = 0; done < data.byteLength; ) done += (await handle.write(data, done)).bytesWritten;
      bytes += data.byteLength;
    }
    await handle.sync();
    await handle.close();
    await rename(temp, path);
    return bytes;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/** The wallabag JSON array, one entry per line, reading one article body at a time (damaged ones are listed, not written). */
async function* wallabagPieces(library: Library, metas: ArticleMeta[], damaged: string[], onProgress?: (done: number, total: number) => void): AsyncGenerator<string> {
  yield '[';
  let written = 0;
  for (const [i, meta] of metas.entries()) {
    const article = await readArticle(library, meta.id, damaged);
    onProgress?.(i + 1, metas.length);
    if (!article) continue;
    written++;
    // marksRev without a highlight count: the article has only a note on the whole article.
    const marks = article.highlights || article.marksRev ? await readMarks(library, meta.id) : undefined;
    yield `${written > 1 ? ',' : ''}\n${JSON.stringify(toWallabagEntry(article, written, marks?.highlights ?? [], marks?.note?.text))}`;
  }
  yield '\n]\n';
}

/** Exports the articles in scope (all live articles by default) as one file; NOTHING_TO_EXPORT when the scope is empty. */
export async function exportLibrary(library: Library, options: LibraryExportOptions): Promise<LibraryExportResult> {
  const format = parseLibraryFormat(options.format);
  const now = options.now ?? new Date();
  const metas = await selectArticles(library, options);
  if (metas.length === 0) throw nothingToExport(options);
  const linkOnly = format === 'netscape' || format === 'pocket-csv';
  const written = linkOnly ? metas.filter(isBookmarkable) : metas;
  if (written.length === 0) {
    throw new KabarError('NOTHING_TO_EXPORT', `None of the ${metas.length} articles has a web address, so none can be a bookmark. Export them as EPUB or wallabag JSON.`, {
      reason: 'no-url',
      count: metas.length,
    });
  }
  const path = await targetPath(options.out, format, now).catch((error: unknown) => {
    throw writeError(error, options.out);
  });
  const damaged: string[] = [];
  const result: LibraryExportResult = { format, path, articles: written.length, skipped: metas.length - written.length, images: 0, translated: 0, damaged, bytes: 0 };
  try {
    if (format === 'epub') {
      const book = await writeEpub(library, metas, path, {
        now,
        title: options.title,
        bilingual: options.bilingual,
        preferredLang: library.settings().translateTo ?? undefined,
        labels: options.labels,
        onProgress: options.onProgress,
        read: (id) => readArticle(library, id, damaged),
      });
      return { ...result, articles: book.articles, images: book.images, translated: book.translated, bytes: book.bytes };
    }
    const pieces = format === 'netscape' ? [toNetscape(written)] : format === 'pocket-csv' ? [toPocketCsv(written)] : wallabagPieces(library, written, damaged, options.onProgress);
    const bytes = await writePieces(path, pieces);
    return { ...result, articles: written.length - damaged.length, bytes };
  } catch (error) {
    throw writeError(error, path);
  }
}

/** An article with its text, or undefined (its id noted in `damaged`) when its file is damaged or missing. */
async function readArticle(library: Library, id: string, damaged: string[]): Promise<Article | undefined> {
  try {
    return await library.get(id);
  } catch (error) {
    if (error instanceof KabarError && error.code === 'ARTICLE_DAMAGED') {
      damaged.push(id);
      return undefined;
    }
    throw error;
  }
}
