/**
 * Calls to the system around the library: links opened in the browser, the native open dialog,
 * the native menu's labels, dropped files' paths, and warming the import workers. A failure to
 * open a link goes to the app's notice, the one place errors are shown.
 */
import { api, pathForFile } from '../api';
import type { DialogStrings, MenuStrings } from '../../../preload/contract';
import { useUi } from './ui';

/** Opens an http(s) or mailto link in the system browser (main checks the scheme again). */
export function openExternalLink(url: string): void {
  api.shell.openExternal(url).catch((error: unknown) => useUi.getState().setNotice(error)); // eng-disable OPEN_EXTERNAL_JS_CHECK -- an IPC call; main accepts http(s)/mailto only
}

/** The user is about to import: main gets its extraction workers ready (best effort). */
export function prepareImport(): void {
  api.import.prepare().catch(() => undefined);
}

/** Shows the system's open dialog; resolves to the chosen paths ([] when cancelled). */
export function chooseFilePaths(strings: DialogStrings): Promise<string[]> {
  return api.dialog.openFiles(strings);
}

/** The file-system path of a dropped File ('' when it has none). */
export function droppedFilePath(file: File): string {
  return pathForFile(file);
}

/** Gives the native menu its labels in the interface language (best effort: the harness has no menu). */
export function setMenuStrings(strings: MenuStrings): void {
  api.menu.setStrings(strings).catch(() => undefined);
}
