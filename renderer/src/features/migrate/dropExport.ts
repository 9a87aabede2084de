/**
 * Files dropped on the window that are another app's export (Pocket, Instapaper, Readwise CSV,
 * Omnivore, wallabag, Pinboard, Firefox JSON, Omnivore ZIP, browser bookmarks, Chrome's `Bookmarks`)
 * go to "Import from another app"; pages and text files stay with the article import.
 */
import { useMigrate } from '../../stores/migrate';
import { droppedFilePath } from '../../stores/system';
import { useUi } from '../../stores/ui';

/** The start of a file as text (enough for a doctype, a title or a JSON key). */
async function head(file: File): Promise<string> {
  return new TextDecoder().decode(await file.slice(0, 8192).arrayBuffer());
}

/** Whether a dropped file is an export of another app (by its name, and for HTML and Chrome's file by its start). */
export async function isExportFile(file: File): Promise<boolean> {
  if (/\.(csv|json|zip)$/i.test(file.name)) return true;
  if (/\.html?$/i.test(file.name)) {
    // The same signs core/migrate recognises: a Netscape bookmark file or Pocket's export page.
    const text = await head(file);
    return /<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(text) || /<title>\s*Pocket Export\s*<\/title>/i.test(text) || /<a\s[^>]*\btime_added=/i.test(text);
  }
  // Chrome keeps its bookmarks in a JSON file named `Bookmarks`, with no extension.
  return !/\.[a-z0-9]{1,5}$/i.test(file.name) && /^\s*\{[\s\S]*"roots"\s*:/.test(await head(file));
}

/** Splits dropped files into other apps' exports and articles. */
export async function splitExports(files: File[]): Promise<{ exports: File[]; articles: File[] }> {
  const exports: File[] = [];
  const articles: File[] = [];
  for (const file of files) (await isExportFile(file) ? exports : articles).push(file);
  return { exports, articles };
}

/** Opens "Import from another app" and imports each export file, by path when the bridge has one, else by content. */
export async function importDroppedExports(files: File[], tags: string[]): Promise<void> {
  useUi.getState().openDialog({ kind: 'migrate' });
  const migrate = useMigrate.getState();
  for (const file of files) {
    const path = droppedFilePath(file);
    if (path) await migrate.importPath(path, tags);
    else await migrate.importFile({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) }, tags);
  }
}
