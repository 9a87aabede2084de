/** Translation engines and Bergamot language packs as Settings shows them: what is installed, installing and removing. */
import { api, onEvent } from '../api';
import type { EnginesInfo, FolderDialogStrings, PackInfo } from '../../../preload/contract';

/** Engines with their pairs, and the installed packs. */
export function loadEngines(): Promise<EnginesInfo> {
  return api.translate.engines();
}

/** Asks for a folder and installs the pack in it (null when cancelled). */
export function installPackFromFolder(strings: FolderDialogStrings): Promise<PackInfo | null> {
  return api.packs.installFolder(strings);
}

/** Downloads a pack from a registry (progress arrives through onPackProgress). */
export function installPackFromRegistry(registry: string, packId: string): Promise<PackInfo> {
  return api.packs.installUrl(registry, packId);
}

/** Removes an installed pack. */
export function removePack(packId: string): Promise<void> {
  return api.packs.remove(packId);
}

/** Follows a pack install's progress; returns the unsubscribe function. */
export function onPackProgress(listener: (done: number, total: number) => void): () => void {
  return onEvent('packs:progress', ({ done, total }) => listener(done, total));
}
