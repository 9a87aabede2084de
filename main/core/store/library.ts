/**
 * The article store: metadata in memory (from library.json + its journal), bodies in
 * `articles/<id>.json` read lazily, and a full-text index kept current on every change.
 * This class is the public face; each concern lives in its own library-*.ts file.
 */
import type { Article, ArticleMeta, ExtractedArticle, LibraryCounts, ListPage, ListQuery, RecoveryReport, Settings, TagCount, Translation } from '../types';
import type { JournalEntry } from './journal';
import { restoreBatchBodies } from './library-batch';
import type { ImportState } from './bulk';
import * as feeds from './library-feeds';
import * as imports from './library-import';
import { reconcileIndex } from './library-index';
import { reanchorMarks } from './marks';
import * as marks from './library-marks';
import * as reads from './library-reads';
import { adoptOrphans, replay } from './library-recovery';
import * as settings from './library-settings';
import { LibraryState, type LibraryParts } from './library-state';
import * as tags from './library-tags';
import * as writes from './library-writes';
import { settleImages, type SettledImages } from './pending-images';
import type { DataListKey } from './schema';

export type { LibraryParts } from './library-state';
export type { AddResult } from './library-writes';

/** One opened library. Only one process writes to a library at a time (the app, or the CLI). */
export class Library {
  readonly dir: string;
  readonly mediaDir: string;
  recovery: RecoveryReport | null;
  /** True when this library was opened for reading only; writes throw LIBRARY_READ_ONLY. */
  readonly readOnly: boolean;
  private readonly state: LibraryState;

  constructor(parts: LibraryParts) {
    this.state = new LibraryState(parts);
    this.dir = this.state.dir;
    this.mediaDir = this.state.mediaDir;
    this.readOnly = this.state.readOnly;
    this.recovery = parts.recovery;
  }

  /** Applies journal entries read at open (they are already durable on disk). */
  replay(entries: JournalEntry[]): void {
    replay(this.state, entries);
  }

  /** After replay at a writable open: rewrites batch-added bodies a crash left missing or torn (see library-batch.ts). */
  restoreBatchBodies(entries: JournalEntry[]): Promise<number> {
    return restoreBatchBodies(this.state, entries);
  }

  /** Marks library.json as behind memory, so the next compaction rewrites it. */
  markDirty(): void {
    this.state.markDirty();
  }

  // ---- reading ----

  /** One page of articles matching the query, newest first unless asked otherwise. */
  list(query: ListQuery = {}): ListPage {
    return reads.list(this.state, query);
  }

  /** Sidebar counts, computed once per change (the window asks after every change). */
  counts(): LibraryCounts {
    return reads.counts(this.state);
  }

  /** Tags with the number of live articles carrying each. */
  tags(): TagCount[] {
    return this.counts().tags;
  }

  /** Metadata of one article (trashed ones too); NOT_FOUND when there is none. */
  meta(id: string): ArticleMeta {
    return this.state.meta(id);
  }

  /** An article with its body, read from disk. */
  async get(id: string): Promise<Article> {
    return reads.getArticle(this.state, id);
  }

  /** Whether a live (not trashed) article has this id. */
  has(id: string): boolean {
    return reads.hasLive(this.state, id);
  }

  /** Ids (trashed ones too) that start with a prefix; the full id matches only itself. */
  idsStartingWith(prefix: string): string[] {
    return reads.idsStartingWith(this.state, prefix);
  }

  /** Live article ids (not in the trash), for export and tests. */
  ids(): string[] {
    return reads.liveIds(this.state);
  }

  /** Full-text search with highlighted title and snippet; trashed articles are left out, and so are ids `filter` refuses. */
  async search(query: string, limit = 20, filter?: (id: string) => boolean): Promise<reads.SearchResults> {
    return reads.search(this.state, query, limit, filter);
  }

  /** Changes whenever the full-text index does: query caches key on it. */
  indexStamp(): string {
    return marks.indexStamp(this.state);
  }

  /** Ids of every live article whose text matches all words of `words` (no snippets: for query filters). */
  searchIds(words: string): string[] {
    return marks.searchIds(this.state, words);
  }

  /** Whether any article, live or trashed, has this id. */
  knows(id: string): boolean {
    return this.state.byId.has(id);
  }

  /** Metadata of every article, trashed ones included (feeds count and prune over it). */
  allMeta(): ArticleMeta[] {
    return reads.allMeta(this.state);
  }

  /** The stored feed list (library.json `feeds`); main/core/feeds validates its records. */
  feedRecords(): unknown[] {
    return feeds.feedRecords(this.state);
  }

  /** Replaces the feed list (journaled like any other change). */
  saveFeeds(list: unknown[]): void {
    feeds.saveFeeds(this.state, list);
  }

  /** Adds or replaces one feed record (by `id`), journaling only that record. */
  putFeed(feed: { id: string }): void {
    feeds.putFeed(this.state, feed);
  }

  /** The same, with the journal's flush off the main thread (a refresh stores a hundred feeds); resolves once durable. */
  putFeedDurably(feed: { id: string }): Promise<void> {
    return this.state.commitDurably([{ t: 'feed', feed }]);
  }

  /** Removes one feed record. */
  removeFeed(id: string): void {
    feeds.removeFeed(this.state, id);
  }

  /** Current settings. */
  settings(): Settings {
    return settings.readSettings(this.state);
  }

  /** The library's clock (tests and the app pass one in). */
  time(): Date {
    return this.state.now();
  }

  /** A list kept in library.json beside the articles (smart views, rules). */
  dataList(key: DataListKey): unknown[] {
    return marks.dataList(this.state, key);
  }

  // ---- writing ----

  /**
   * Stores an imported article, or returns the existing one (restoring it from the trash unless
   * `keepTrashed`: a feed refresh must not bring back what retention or the user threw away).
   * `id` overrides the derived id (feed items without a link are known by their guid).
   */
  add(extracted: ExtractedArticle, options: writes.AddOptions = {}): Promise<writes.AddResult> {
    return writes.queueAdd(this.state, () => writes.addNow(this.state, extracted, options));
  }

  /**
   * Stores many new articles at once (a feed refresh): bodies are written in parallel and all
   * metadata and bodies go to the journal in one durable write. Ids already known (live or trashed) are skipped.
   * Returns the metadata of the articles created.
   */
  addMany(items: writes.BulkItem[]): Promise<ArticleMeta[]> {
    return writes.queueAdd(this.state, () => writes.addManyNow(this.state, items));
  }

  /** Merges an import's tags and state into existing articles in one journal write; returns the ids that changed. */
  mergeImported(states: Map<string, ImportState>): string[] {
    return imports.mergeImported(this.state, states);
  }

  /** Gives a link entry the page fetched for it (body, index, link mark cleared; the user's title and state kept). */
  async fillLink(id: string, extracted: ExtractedArticle): Promise<ArticleMeta> {
    const meta = await imports.fillLink(this.state, id, extracted);
    // The body is new: its highlights are placed on it by quote and saved (never dropped: detached at worst).
    await reanchorMarks(this, id);
    return meta;
  }

  /**
   * Gives many link entries their fetched pages in one journal write (the background fetch batches
   * its pages); ids no longer in the library are skipped. Returns the metadata of those filled.
   */
  async fillLinks(items: { id: string; extracted: ExtractedArticle }[]): Promise<ArticleMeta[]> {
    const filled = await imports.fillLinks(this.state, items);
    // Only an article with marks (highlights, imported or made, or a note) has anything to place.
    for (const meta of filled) if (meta.highlights || meta.marksRev) await reanchorMarks(this, meta.id);
    return filled;
  }

  /** Moves an article to the trash (restorable); it leaves search and the lists. */
  async delete(id: string): Promise<void> {
    return writes.trash(this.state, id);
  }

  /** Brings an article back from the trash. */
  async restore(id: string): Promise<void> {
    return writes.restore(this.state, id);
  }

  /** Deletes every trashed article for good, files included. Returns how many. */
  async emptyTrash(): Promise<number> {
    return writes.emptyTrash(this.state);
  }

  /** Adds tags to an article (case-insensitively unique, first spelling wins library-wide). */
  addTags(id: string, list: string[]): ArticleMeta {
    return tags.addTags(this.state, id, list);
  }

  /** Removes tags from an article. */
  removeTags(id: string, list: string[]): ArticleMeta {
    return tags.removeTags(this.state, id, list);
  }

  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag(from: string, to: string): number {
    return this.mergeTags([from], to);
  }

  /** Replaces every tag in `from` by `to` on every article. Returns how many articles changed. */
  mergeTags(from: string[], to: string): number {
    return tags.mergeTags(this.state, from, to);
  }

  /** Bookmarks or unbookmarks an article. Bookmarked articles are never pruned. */
  setBookmarked(id: string, on: boolean): ArticleMeta {
    return writes.setBookmarked(this.state, id, on);
  }

  /** Marks an article read (now) or unread. */
  setRead(id: string, read: boolean): ArticleMeta {
    return writes.setRead(this.state, id, read);
  }

  /** Marks many articles read (now) or unread in one journal write; returns how many changed. */
  setReadMany(ids: string[], read: boolean): number {
    return writes.setReadMany(this.state, ids, read);
  }

  /** Saves reading progress (0..1). */
  setProgress(id: string, progress: number): ArticleMeta {
    return writes.setProgress(this.state, id, progress);
  }

  /**
   * Stores a translation in the article file (replacing one in the same language) and indexes its
   * text, so search finds the article by words of its translation; the metadata keeps the translated
   * title (ArticleMeta.translatedTitles) for the list. Listeners hear of the article.
   */
  saveTranslation(id: string, translation: Translation): Promise<void> {
    return writes.saveTranslation(this.state, id, translation);
  }

  /** Fills in images fetched after the article was saved (see pending-images.ts); returns how many are still pending. */
  settleImages(id: string, settled: SettledImages): Promise<number> {
    return settleImages(this.state, id, settled);
  }

  /** Records the user's correction of an article's language (the source language of translations). */
  setSourceLang(id: string, lang: string): ArticleMeta {
    return writes.setSourceLang(this.state, id, lang);
  }

  /** Changes settings and returns them. */
  updateSettings(patch: Partial<Settings>): Settings {
    return settings.updateSettings(this.state, patch);
  }

  /** Replaces a library.json list (journaled like any other change). */
  saveDataList(key: DataListKey, value: unknown[]): void {
    marks.saveDataList(this.state, key, value);
  }

  /** Runs a read-modify-write of article files after the ones already queued (translations, marks), one at a time. */
  withBody<T>(task: () => Promise<T>): Promise<T> {
    return marks.withBody(this.state, task);
  }

  /** Edits many articles' metadata in one journal write (rules, highlight counts); returns the changed ids. */
  changeMany(edits: Map<string, (meta: ArticleMeta) => void>): string[] {
    return marks.changeMany(this.state, edits);
  }

  /** Called with the articles each add creates (single or batched: import, feed refresh); rules run here. */
  onAdded(hook: marks.AddedHook | null): void {
    this.state.addedHook = hook;
  }

  /** Listens for changes (`progressOnly` when only reading progress moved); returns the unsubscribe function. */
  onChange(listener: (ids: string[], progressOnly: boolean) => void): () => void {
    this.state.listeners.add(listener);
    return () => this.state.listeners.delete(listener);
  }

  // ---- persistence, recovery, index upkeep ----

  /** Folds the journal into library.json (atomic rewrite), then backs up hourly. */
  compact(): Promise<void> {
    return this.state.compact();
  }

  /** Flushes everything to disk and releases the files. */
  async close(): Promise<void> {
    return this.state.close();
  }

  /** Re-adds articles whose files exist but whose metadata was lost; returns how many. */
  async adoptOrphans(fileIds: string[]): Promise<number> {
    return adoptOrphans(this.state, fileIds);
  }

  /** Makes the search index hold exactly the live articles (after a crash or a lost index). */
  async reconcileIndex(): Promise<number> {
    return reconcileIndex(this.state);
  }

  /** Runs a task after open without delaying it (e.g. a backup), tracked so close waits for it. */
  runInBackground(task: () => Promise<unknown>): void {
    this.state.runInBackground(task);
  }

  /** Takes a backup when the newest is over an hour old. */
  async backupIfDue(): Promise<void> {
    return this.state.backupIfDue();
  }
}
