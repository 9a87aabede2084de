/**
 * Entries → library, in batches: each entry's URL is checked (javascript:, file: … refused per
 * entry), canonicalised for duplicates, and then either merged into the article already there,
 * stored with its content (sanitize → blocks, no network), or saved at once as a link entry that
 * waits for the background fetch. A batch is one journal write; once it returns it is durable.
 */
import { articleFromContent } from '../articles';
import { toKabarError } from '../errors';
import { articleId, changeMarks, cleanTag, readMarks, type BulkItem, type ImportState, type Library } from '../store';
import type { ExtractedArticle, MigrateSummary } from '../types';

export type { EntryFailure, MigrateSummary } from '../types';
import type { ImportFormat, MigrateEntry } from './entry';
import { checkUrl } from './entry';

/**
 * Entries per journal write, and so how often the dialog's "n of m" moves. The store compacts
 * after a number of journal lines that grows with the library (a quarter of it, at least 1,000),
 * so smaller batches do not add compactions: a 10,000-row import into a 10,000-article library
 * still compacts about 4 times. Entries with their text weigh more in memory (blocks), so a batch
 * holds at most 1000 of those.
 */
const DEFAULT_BATCH = 500;
const MAX_CONTENT_PER_BATCH = 1000;

/** Failures listed one by one in a summary; beyond that only counted. */
export const FAILURES_KEPT = 500;

/** How an import runs. */
export interface MigrateOptions {
  /** Tags added to every entry (`--tag`). */
  tags?: string[];
  /** Entries per journal write (default 500; at most 1000 of them with their text). */
  batchSize?: number;
  /** Called after each batch is durable. */
  onProgress?: (summary: MigrateSummary) => void;
}

/** A link entry: the title and address the export gave, no body yet. */
function linkArticle(url: string, title: string): ExtractedArticle {
  return { title: title || url, url, lang: 'und', dir: 'ltr', excerpt: '', blocks: [], source: 'url' };
}

function stateOf(e: MigrateEntry, extraTags: string[]): ImportState {
  const tags: string[] = [];
  for (const t of [...e.tags, ...extraTags]) {
    try {
      tags.push(cleanTag(t));
    } catch {
      // An unusable tag (empty after cleaning) is left out; the entry still comes in.
    }
  }
  const state: ImportState = { tags, read: e.read, bookmarked: e.bookmarked };
  if (e.savedAt) state.savedAt = e.savedAt;
  if (e.progress !== undefined) state.progress = e.progress;
  return state;
}

class Batch {
  readonly items: BulkItem[] = [];
  readonly merges = new Map<string, ImportState>();
  /** Notes on whole articles, by id, with the entry that carried each (for a failure's label). */
  readonly notes = new Map<string, { text: string; entry: MigrateEntry }>();
  size = 0;
  /** Entries in `items` that carry their text. */
  withContent = 0;
}

/**
 * Gives each article its imported note once the batch is durable; a note the article already has
 * (the user's, or one a previous import brought) is never replaced, so a re-import changes nothing.
 */
async function applyNotes(library: Library, notes: Batch['notes'], summary: MigrateSummary): Promise<void> {
  for (const [id, { text, entry }] of notes) {
    try {
      if (!library.knows(id) || (await readMarks(library, id)).note) continue;
      await changeMarks(library, id, { op: 'note', text });
    } catch (error) {
      fail(summary, entry, error);
    }
  }
}

/** Imports an export's entries into the library; never throws for one bad entry (it is listed in the summary). */
export async function importEntries(
  library: Library,
  format: ImportFormat,
  entries: AsyncIterable<MigrateEntry>,
  options: MigrateOptions & { total?: number } = {},
): Promise<MigrateSummary> {
  const summary: MigrateSummary = { format: format as string, total: options.total ?? 0, entries: 0, imported: 0, alreadyThere: 0, linksWaiting: 0, withContent: 0, highlights: 0, failed: 0, failures: [] };
  const extraTags = options.tags ?? [];
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const seen = new Set<string>();
  let batch = new Batch();
  const flush = async (): Promise<void> => {
    if (batch.size === 0) return;
    const done = batch;
    batch = new Batch();
    if (done.items.length > 0) await library.addMany(done.items);
    // After the adds: an entry twice in one batch merges into the article the batch just made.
    if (done.merges.size > 0) library.mergeImported(done.merges);
    await applyNotes(library, done.notes, summary);
    options.onProgress?.({ ...summary, failures: [...summary.failures] });
  };
  for await (const e of entries) {
    summary.entries += 1;
    batch.size += 1;
    try {
      const { id, url, extracted } = identify(e);
      const state = stateOf(e, extraTags);
      if (seen.has(id) || library.knows(id)) {
        summary.alreadyThere += 1;
        const merged = batch.merges.get(id);
        batch.merges.set(id, merged ? { ...merged, tags: [...(merged.tags ?? []), ...(state.tags ?? [])], read: merged.read || state.read, bookmarked: merged.bookmarked || state.bookmarked } : state);
      } else {
        seen.add(id);
        const item = extracted ? contentItem(id, extracted, state, e, summary) : newItem(id, url as string, e, state, summary);
        batch.items.push(item);
        if (item.extracted.blocks.length > 0) batch.withContent += 1;
        summary.imported += 1;
      }
      if (e.note?.trim() && !batch.notes.has(id)) batch.notes.set(id, { text: e.note, entry: e });
    } catch (error) {
      fail(summary, e, error);
    }
    if (batch.size >= batchSize || batch.withContent >= MAX_CONTENT_PER_BATCH) await flush();
  }
  await flush();
  return summary;
}

/**
 * The id an entry is stored under: its canonical URL's. An entry with no address but with its text
 * (an article Kabar saved from a file, exported as wallabag JSON) is identified by its text instead,
 * so it comes back rather than failing as an invalid address.
 */
function identify(e: MigrateEntry): { id: string; url?: string; extracted?: ExtractedArticle } {
  if (e.url.trim() === '' && e.content) {
    const extracted = articleFromContent(e.content, { title: e.title, lang: e.lang });
    return { id: articleId(extracted), extracted };
  }
  const url = checkUrl(e.url);
  return { id: articleId({ url, title: '', blocks: [] }), url };
}

/** An address-less entry new to the library, with the text `identify` already extracted. */
function contentItem(id: string, extracted: ExtractedArticle, state: ImportState, e: MigrateEntry, summary: MigrateSummary): BulkItem {
  const highlights = e.highlights ?? [];
  summary.highlights += highlights.length;
  summary.withContent += 1;
  return { id, extracted, state, highlights };
}

/** An entry new to the library: with its content when it has readable content, else a link entry. */
function newItem(id: string, url: string, e: MigrateEntry, state: ImportState, summary: MigrateSummary): BulkItem {
  const highlights = e.highlights ?? [];
  summary.highlights += highlights.length;
  if (e.content) {
    try {
      const extracted = articleFromContent(e.content, { url, title: e.title, lang: e.lang });
      summary.withContent += 1;
      return { id, extracted, state, highlights };
    } catch {
      // Content with no readable text: the entry comes in as a link and its page is fetched.
    }
  }
  summary.linksWaiting += 1;
  return { id, extracted: linkArticle(url, e.title), state: { ...state, link: { state: 'waiting' } }, highlights };
}

function fail(summary: MigrateSummary, e: MigrateEntry, error: unknown): void {
  const k = toKabarError(error);
  summary.failed += 1;
  if (summary.failures.length < FAILURES_KEPT) {
    summary.failures.push({ label: e.title || e.url.slice(0, 200), url: e.url.slice(0, 500), code: k.code, message: k.message });
  }
}
