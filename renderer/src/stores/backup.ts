/** Settings → Storage & backup: the whole library into one verified archive, saved where the user says. */
import { api } from '../api';
import type { BackupResult, DialogStrings } from '../../../preload/contract';

/** Asks main for a place to save and writes the backup there; null when the user cancelled the save dialog. */
export function backupLibrary(strings: DialogStrings): Promise<BackupResult | null> {
  return api.export.backup(strings);
}
