/**
 * Imports several sources into a library: each goes through the article pipeline on its
 * own, so one failure never stops the others, and the summary lists every item.
 */
import { basename } from 'node:path';
import { captureImages, extractFromBytes, extractFromFile, extractFromUrl, warmExtractWorkers } from './articles';
import { KabarError, toKabarError } from './errors';
import type { Library } from './store';
import { articleId } from './store';
import type { ExtractedArticle, ImportItemResult, ImportSummary } from './types';
import { mapLimit } from './util';

/** One thing to import: a file path, a URL, or file contents handed over by the interface. */
export type ImportSource =
  | { kind: 'path'; path: string }
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; name: string; data: Uint8Array };

/** How imports run. `fetch` is passed in so tests and the app choose the network (DESIGN.md §1). */
export interface ImportOptions {
  tags?: string[];
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Total wait for one article's images (default 2 s); what is not saved by then is fetched later (image-retry.ts). */
  imageBudgetMs?: number;
  /** Called after each item, for a progress bar. */
  onProgress?: (done: number, total: number, source: string) => void;
}

/** How many sources are worked on at once: enough to keep the extraction worker's queue (pool.ts) and this thread busy and overlap downloads. */
const CONCURRENCY = 4;

/** A short label for a source, shown in summaries and progress. */
export function describeSource(source: ImportSource): string {
  if (source.kind === 'path') return source.path;
  if (source.kind === 'url') return source.url;
  return basename(source.name);
}

async function extract(source: ImportSource, options: ImportOptions): Promise<ExtractedArticle> {
  if (source.kind === 'path') return extractFromFile(source.path);
  if (source.kind === 'url') return extractFromUrl(source.url, { fetch: options.fetch, timeoutMs: options.timeoutMs });
  return extractFromBytes(source.data, { fileName: source.name });
}

async function importOne(library: Library, source: ImportSource, options: ImportOptions): Promise<ImportItemResult> {
  const label = describeSource(source);
  try {
    const extracted = await extract(source, options);
    const blocks = library.has(articleId(extracted))
      ? extracted.blocks
      : await captureImages(extracted.blocks, { mediaDir: library.mediaDir, fetch: options.fetch, budgetMs: options.imageBudgetMs });
    const { meta, created } = await library.add({ ...extracted, blocks }, { tags: options.tags });
    return { source: label, ok: true, id: meta.id, title: meta.title, created };
  } catch (error) {
    const e = toKabarError(error);
    return { source: label, ok: false, error: { code: e.code, message: e.message, params: e.params } };
  }
}

/** Imports every source; never throws for a bad source — each result says what happened. */
export async function importSources(
  library: Library,
  sources: ImportSource[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  if (sources.length === 0) throw new KabarError('EMPTY_INPUT', 'Nothing to import: give at least one file or URL.');
  // A batch starts the extraction worker now (~1 s to load jsdom) so it helps from early on.
  if (sources.length > 1) void warmExtractWorkers();
  let done = 0;
  const results = await mapLimit(sources, CONCURRENCY, async (source) => {
    const result = await importOne(library, source, options);
    done += 1;
    options.onProgress?.(done, sources.length, describeSource(source));
    return result;
  });
  return {
    results,
    imported: results.filter((r) => r.ok && r.created).length,
    duplicates: results.filter((r) => r.ok && !r.created).length,
    failed: results.filter((r) => !r.ok).length,
  };
}
