/** Library export from the window: the Export dialog's one action and its progress (issue 12). */
import { api, onEvent } from '../api';
import type { DialogStrings, ExportRequest, LibraryExportResult } from '../../../preload/contract';

/** Asks main for a place to save and writes the export there; null when the user cancelled the save dialog. */
export function exportLibrary(request: ExportRequest, strings: DialogStrings): Promise<LibraryExportResult | null> {
  return api.export.library(request, strings);
}

/** Follows the running export's progress; returns the unsubscribe function. */
export function onExportProgress(listener: (done: number, total: number) => void): () => void {
  return onEvent('export:progress', ({ done, total }) => listener(done, total));
}
