/** The system open dialog (translated), then an import of the chosen paths into the Add dialog's view. */
import type { TFunction } from 'i18next';
import type { DroppedFile, ImportItemResult } from '../../../../preload/contract';
import { useImport } from '../../stores/importer';
import { importDroppedExports, splitExports } from '../migrate/dropExport';
import { chooseFilePaths, droppedFilePath, prepareImport } from '../../stores/system';
import { useUi } from '../../stores/ui';

/** Splits a comma-separated tag field into clean tag names. */
export function parseTags(field: string): string[] {
  return field
    .split(/[,،、，]/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Splits the URL box: one address per line, blank lines ignored. */
export function parseUrls(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Asks for files and imports them; shows the Add dialog with progress and results. */
export async function chooseAndImport(t: TFunction, tags: string[] = []): Promise<void> {
  try {
    prepareImport();
    const paths = await chooseFilePaths({ title: t('import.dialogTitle'), button: t('import.dialogButton'), filterName: t('import.dialogFilter') });
    if (paths.length === 0) return;
    useUi.getState().openDialog({ kind: 'import' });
    await useImport.getState().run({ kind: 'paths', paths }, tags);
  } catch (error) {
    useUi.getState().setNotice(error);
  }
}

const ACCEPTED = /\.(txt|html?)$/i;

/** Imports dropped files: by path when the bridge has one, else by content; other types are refused here. */
export async function importDropped(dropped: File[], tags: string[] = []): Promise<void> {
  // Another app's export file (Pocket CSV, wallabag JSON, bookmarks…) opens "Import from another app".
  const { exports, articles: files } = await splitExports(dropped);
  if (exports.length) await importDroppedExports(exports, tags);
  if (files.length === 0) return;
  const rejected: ImportItemResult[] = [];
  const paths: string[] = [];
  const contents: DroppedFile[] = [];
  for (const file of files) {
    if (!ACCEPTED.test(file.name)) {
      rejected.push({ source: file.name, ok: false, error: { code: 'UNSUPPORTED_TYPE', message: `${file.name} is not a .txt or .html file.` } });
      continue;
    }
    const path = droppedFilePath(file);
    if (path) paths.push(path);
    else contents.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  }
  useUi.getState().openDialog({ kind: 'import' });
  const run = useImport.getState().run;
  if (paths.length) await run({ kind: 'paths', paths }, tags, rejected);
  if (contents.length) {
    const earlier = paths.length ? useImport.getState().results : rejected;
    await run({ kind: 'files', files: contents }, tags, earlier);
  }
  if (!paths.length && !contents.length) await run({ kind: 'files', files: [] }, tags, rejected);
}
