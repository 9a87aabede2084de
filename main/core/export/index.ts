/** Exporting articles to files, with the offline images they show copied beside them. */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readMarks, storageError, type Library } from '../store';
import type { Article } from '../types';
import { writeFileAtomic } from '../util';
import { render, safeFileName, type ExportFormat } from './formats';

export { createBackup, restoreBackup } from './backup';
export { render, safeFileName, toHtml, toJson, toMarkdown, type ExportFormat } from './formats';
export {
  exportLibrary,
  LIBRARY_FORMATS,
  parseLibraryFormat,
  type LibraryExportOptions,
  type LibraryExportResult,
  type LibraryFormat,
} from './library-export';
export { csvCell, POCKET_HEADER, toPocketCsv } from './pocket-csv';
export { toNetscape } from './netscape';
export { toWallabagEntry, wallabagContent, type WallabagEntry } from './wallabag';
export { selectArticles, type ExportScope } from './select';
export type { EpubLabels } from './epub';
export { exportHighlights } from './notes';
export { frontMatter, marksHtml, marksMarkdown, notesMarkdown, obsidianTag } from './marks';

/** What a media file name looks like (storeMedia's sha256 names); anything else in an article file was tampered with. */
const MEDIA_NAME = /^[a-f0-9]{64}\.[a-z0-9]{2,5}$/;

/** Writes one export file atomically; a full disk or unwritable folder becomes the user's error code. */
async function writeExport(path: string, data: string): Promise<void> {
  await writeFileAtomic(path, data).catch((error: unknown) => {
    throw storageError(error, path);
  });
}

async function copyMedia(library: Library, article: Article, outDir: string): Promise<void> {
  // A name with ../ would read and write outside media/: only content-addressed names are copied.
  const names = article.blocks.flatMap((b) => (b.media && MEDIA_NAME.test(b.media) ? [b.media] : []));
  if (names.length === 0) return;
  await mkdir(join(outDir, 'media'), { recursive: true });
  for (const name of names) await copyFile(join(library.mediaDir, name), join(outDir, 'media', name)).catch(() => undefined);
}

/**
 * Exports articles. One article and a path that is not a folder: that file. Otherwise `out`
 * is a folder (created if needed) and each article gets a file named after its title.
 */
export async function exportArticles(
  library: Library,
  ids: string[],
  format: ExportFormat,
  out: string,
): Promise<string[]> {
  const articles = await Promise.all(ids.map((id) => library.get(id)));
  // A damaged marks entry never stops an export: the article goes out without its highlights.
  const marks = new Map(await Promise.all(ids.map(async (id) => [id, await readMarks(library, id).catch(() => undefined)] as const)));
  const outIsDir = (await stat(out).catch(() => null))?.isDirectory() ?? false;
  const written: string[] = [];
  if (articles.length === 1 && !outIsDir) {
    const [article] = articles as [Article];
    await mkdir(dirname(out), { recursive: true });
    await writeExport(out, render(article, format, marks.get(article.id)));
    if (format !== 'json') await copyMedia(library, article, dirname(out));
    return [out];
  }
  await mkdir(out, { recursive: true });
  for (const article of articles) {
    const path = join(out, safeFileName(article.title, article.id, format));
    await writeExport(path, render(article, format, marks.get(article.id)));
    if (format !== 'json') await copyMedia(library, article, out);
    written.push(path);
  }
  return written;
}
