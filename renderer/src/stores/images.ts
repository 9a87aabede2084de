/** Images "not saved yet" (captured while offline) fetched once the connection is back, without a CLI command. */
import { api } from '../api';
import type { FetchImagesSummary } from '../../../preload/contract';
import { useLibrary } from './library';
import { useReader } from './reader';

let running: Promise<FetchImagesSummary | null> | null = null;

async function run(): Promise<FetchImagesSummary | null> {
  const openBefore = useReader.getState().article;
  const summary = await api.images.fetchPending();
  if (summary.saved + summary.gone > 0) {
    // The list's "images not saved yet" marks change; the open article shows its images once read again.
    await useLibrary.getState().refresh();
    const reader = useReader.getState();
    if (openBefore?.imagesPending && reader.openId === openBefore.id) await reader.open(openBefore.id);
  }
  return summary;
}

/** Fetches every pending image once (a call while one runs joins it); null when it failed (it is tried at the next reconnect). */
export function fetchPendingImages(): Promise<FetchImagesSummary | null> {
  running ??= run()
    .catch(() => null)
    .finally(() => (running = null));
  return running;
}
