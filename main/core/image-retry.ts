/**
 * The later half of offline image capture: articles saved with images "not saved yet" (their
 * capture ran out of time, or there was no network) get those images fetched when the app or
 * `kabar fetch-images` asks, typically once the computer is online again.
 */
import { captureImages } from './articles';
import type { Library } from './store';
import { pendingImageSources } from './store';
import type { Block } from './types';
import type { FetchImagesSummary } from './types';

/** How a fetch of pending images runs. `fetch` is passed in so tests and the app choose the network. */
export interface FetchImagesOptions {
  fetch?: typeof fetch;
  /** Total wait for one article's images. Default 15 s (the user asked for this fetch; at import it is 2 s). */
  budgetMs?: number;
  /** Per image. Default 10 s. */
  timeoutMs?: number;
  /** Only these articles (default: every live article with pending images). */
  ids?: string[];
  signal?: AbortSignal;
  /** Called after each article, for a progress bar. */
  onProgress?: (done: number, total: number, id: string) => void;
}

export type { FetchImagesSummary } from './types';

/** Live articles with images not saved yet, oldest first (the first saved waited longest). */
export function articlesWithPendingImages(library: Library): string[] {
  return library
    .allMeta()
    .filter((m) => !m.deletedAt && (m.imagesPending ?? 0) > 0)
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt))
    .map((m) => m.id);
}

/** Fetches the pending images of one article and records them; returns [saved, gone, still pending]. */
async function fetchForArticle(library: Library, id: string, options: FetchImagesOptions): Promise<[number, number, number]> {
  const article = await library.get(id);
  const sources = pendingImageSources([...article.blocks, ...Object.values(article.translations).flatMap((t) => t.blocks)]);
  const probes: Block[] = sources.map((src) => ({ type: 'image', text: '', src, pending: true }));
  const captured = await captureImages(probes, {
    mediaDir: library.mediaDir,
    fetch: options.fetch,
    budgetMs: options.budgetMs ?? 15_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxCount: sources.length,
    signal: options.signal,
  });
  const saved = new Map<string, string>();
  const gone = new Set<string>();
  for (const block of captured) {
    if (block.media) saved.set(block.src as string, block.media);
    else if (!block.pending) gone.add(block.src as string);
  }
  const left = await library.settleImages(id, { saved, gone });
  return [saved.size, gone.size, left];
}

/**
 * Fetches the images not saved yet of every live article that has some (or of `ids`), one
 * article at a time. Never throws for an article: one whose file is damaged is counted as still pending.
 */
export async function fetchPendingImages(library: Library, options: FetchImagesOptions = {}): Promise<FetchImagesSummary> {
  const ids = options.ids ?? articlesWithPendingImages(library);
  const summary: FetchImagesSummary = { articles: ids.length, saved: 0, gone: 0, stillPending: 0 };
  for (const [at, id] of ids.entries()) {
    if (options.signal?.aborted) {
      summary.stillPending += library.meta(id).imagesPending ?? 0;
      continue;
    }
    try {
      const [saved, gone, left] = await fetchForArticle(library, id, options);
      summary.saved += saved;
      summary.gone += gone;
      summary.stillPending += left;
    } catch {
      summary.stillPending += library.meta(id).imagesPending ?? 0;
    }
    options.onProgress?.(at + 1, ids.length, id);
  }
  return summary;
}
