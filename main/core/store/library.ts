/**
 * The article store: metadata in memory (from library.json + its journal), bodies in
 * `articles/<id>.json` read lazily, and a full-text index kept current on every change.
 */
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { KabarError } from '../errors';
import type { SearchDoc, SearchIndex } from '../search';
import type {
  Article,
  ArticleMeta,
  ExtractedArticle,
  LibraryCounts,
  ListPage,
  ListQuery,
  RecoveryReport,
  Settings,
  TagCount,
  Translation,
} from '../types';
import { blocksText, keepDamaged, readArticleFile, removeArticleFile, writeArticleFile, type ArticleFile } from './article-files';
import { storageError } from './atomic';
import { backupLibraryFile, newestBackupAge } from './backups';
import { articleId, countWords, readingMinutes } from './identity';
import { Journal, type JournalEntry } from './journal';
import { countArticles, pageOf, sortArticles } from './query';
import type { DataListKey, LibraryData } from './schema';
import { searchArticles, type SearchContext } from './search-hits';
import { cleanTag, tagKey, withoutTags, withTags } from './tags';

const COMPACT_AFTER_ENTRIES = 1000;
const COMPACT_IDLE_MS = 3000;
const BACKUP_EVERY_MS = 60 * 60 * 1000;
const EXCERPT_CHARS = 240;

/** What a Library is built from (see openLibrary). */
export interface LibraryParts {
  dir: string;
  db: Low<LibraryData>;
  journal: Journal;
  index: SearchIndex;
  now: () => Date;
  recovery: RecoveryReport | null;
  /** Opened for reading only (a CLI read, or a folder that cannot be written): every write throws. */
  readOnly?: boolean;
  /** Released when the library closes (the write lock, a temporary copy of the index). */
  release?: () => Promise<void> | void;
}

/** The outcome of adding an article. */
export interface AddResult {
  meta: ArticleMeta;
  created: boolean;
}

/** What the index holds for an article: title, body, and its translations (title and text) as extra. */
function searchDoc(meta: ArticleMeta, file: Pick<ArticleFile, 'blocks' | 'translations'>): SearchDoc {
  const translations = Object.values(file.translations ?? {});
  const extra = translations.map((t) => `${t.title}\n${blocksText(t.blocks)}`).join('\n');
  return extra ? { title: meta.title, body: blocksText(file.blocks), extra } : { title: meta.title, body: blocksText(file.blocks) };
}

/** One opened library. Only one process writes to a library at a time (the app, or the CLI). */
export class Library {
  readonly dir: string;
  readonly mediaDir: string;
  recovery: RecoveryReport | null;
  /** True when this library was opened for reading only; writes throw LIBRARY_READ_ONLY. */
  readonly readOnly: boolean;
  private readonly release: () => Promise<void> | void;
  private readonly db: Low<LibraryData>;
  private readonly journal: Journal;
  private readonly index: SearchIndex;
  private readonly now: () => Date;
  private readonly byId = new Map<string, ArticleMeta>();
  private sorted: { savedAt?: ArticleMeta[]; publishedAt?: ArticleMeta[] } = {};
  private countsCache: LibraryCounts | null = null;
  private listeners = new Set<(ids: string[], progressOnly: boolean) => void>();
  private compactTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<void> = Promise.resolve();
  private adding: Promise<unknown> = Promise.resolve();
  private bodyWrites: Promise<unknown> = Promise.resolve();
  private background = new Set<Promise<unknown>>();
  private closed = false;
  private addedHook: ((created: ArticleMeta[]) => Promise<void> | void) | null = null;
  /** library.json is behind memory (journal entries, migrations, tag registry). */
  private dirty = false;

  constructor(parts: LibraryParts) {
    this.dir = parts.dir;
    this.mediaDir = join(parts.dir, 'media');
    this.db = parts.db;
    this.journal = parts.journal;
    this.index = parts.index;
    this.now = parts.now;
    this.recovery = parts.recovery;
    this.readOnly = parts.readOnly ?? false;
    this.release = parts.release ?? (() => undefined);
    for (const meta of parts.db.data.articles) this.byId.set(meta.id, meta);
  }

  /** Applies journal entries read at open (they are already durable on disk). */
  replay(entries: JournalEntry[]): void {
    for (const entry of entries) this.apply(entry);
    this.sorted = {};
    this.countsCache = null;
    this.db.data.tags = withTags(this.db.data.tags, [...this.byId.values()].flatMap((m) => m.tags));
    if (entries.length > 0) this.dirty = true;
  }

  /** Marks library.json as behind memory, so the next compaction rewrites it. */
  markDirty(): void {
    this.dirty = true;
  }

  // ---- reading ----

  /** One page of articles matching the query, newest first unless asked otherwise. */
  list(query: ListQuery = {}): ListPage {
    const sort = query.sort ?? 'savedAt';
    this.sorted[sort] ??= sortArticles([...this.byId.values()], sort);
    return pageOf(this.sorted[sort], query);
  }

  /** Sidebar counts, computed once per change (the window asks after every change). */
  counts(): LibraryCounts {
    this.countsCache ??= countArticles(this.byId.values());
    return this.countsCache;
  }

  /** Tags with the number of live articles carrying each. */
  tags(): TagCount[] {
    return this.counts().tags;
  }

  /** Metadata of one article (trashed ones too); NOT_FOUND when there is none. */
  meta(id: string): ArticleMeta {
    const meta = this.byId.get(id);
    if (!meta) throw new KabarError('NOT_FOUND', `No article with id ${id}.`, { id });
    return meta;
  }

  /** An article with its body, read from disk. */
  async get(id: string): Promise<Article> {
    const meta = this.meta(id);
    const file = await readArticleFile(this.dir, id);
    const article: Article = { ...meta, blocks: file.blocks, translations: file.translations };
    if (file.damagedTranslations) article.damagedTranslations = Object.keys(file.damagedTranslations);
    return article;
  }

  /** Whether a live (not trashed) article has this id. */
  has(id: string): boolean {
    const meta = this.byId.get(id);
    return meta !== undefined && !meta.deletedAt;
  }

  /** Ids (trashed ones too) that start with a prefix; the full id matches only itself. */
  idsStartingWith(prefix: string): string[] {
    if (prefix === '') return [];
    if (this.byId.has(prefix)) return [prefix];
    return [...this.byId.keys()].filter((id) => id.startsWith(prefix));
  }

  /** Live article ids (not in the trash), for export and tests. */
  ids(): string[] {
    return [...this.byId.values()].filter((m) => !m.deletedAt).map((m) => m.id);
  }

  /** Full-text search with highlighted title and snippet; trashed articles are left out, and so are ids `filter` refuses. */
  async search(query: string, limit = 20, filter?: (id: string) => boolean): Promise<ReturnType<typeof searchArticles>> {
    return searchArticles(this.searchContext(), query, limit, filter);
  }

  /** Changes whenever the full-text index does (an add, removal or translation): query caches key on it. */
  indexStamp(): string {
    const stats = this.index.stats();
    return `${stats.gen}/${stats.docs}/${stats.deltaDocs}/${stats.logBytes}`;
  }

  /** Ids of every live article whose text matches all words of `words` (no snippets: for query filters). */
  searchIds(words: string): string[] {
    const live = (id: string): boolean => this.has(id);
    return this.index.search(words, { limit: Math.max(1, this.index.size()), filter: live }).map((m) => m.id);
  }

  /** Whether any article, live or trashed, has this id. */
  knows(id: string): boolean {
    return this.byId.has(id);
  }

  /** Metadata of every article, trashed ones included (feeds count and prune over it). */
  allMeta(): ArticleMeta[] {
    return [...this.byId.values()];
  }

  /** The stored feed list (library.json `feeds`); main/core/feeds validates its records. */
  feedRecords(): unknown[] {
    return this.db.data.feeds;
  }

  /** Replaces the feed list (journaled like any other change). */
  saveFeeds(feeds: unknown[]): void {
    this.commit([{ t: 'feeds', feeds }]);
  }

  /** Adds or replaces one feed record (by `id`), journaling only that record. */
  putFeed(feed: { id: string }): void {
    this.commit([{ t: 'feed', feed }]);
  }

  /** Removes one feed record. */
  removeFeed(id: string): void {
    this.commit([{ t: 'unfeed', id }]);
  }

  /** Current settings. */
  settings(): Settings {
    return { ...this.db.data.settings };
  }

  // ---- writing ----

  /**
   * Stores an imported article, or returns the existing one (restoring it from the trash unless
   * `keepTrashed`: a feed refresh must not bring back what retention or the user threw away).
   * `id` overrides the derived id (feed items without a link are known by their guid).
   */
  add(extracted: ExtractedArticle, options: { tags?: string[]; id?: string; keepTrashed?: boolean } = {}): Promise<AddResult> {
    // Adds run one at a time, so two imports of the same article cannot both create it.
    const result = this.adding.then(() => this.addNow(extracted, options));
    this.adding = result.catch(() => undefined);
    return result;
  }

  private async addNow(extracted: ExtractedArticle, options: { tags?: string[]; id?: string; keepTrashed?: boolean }): Promise<AddResult> {
    this.assertWritable();
    const id = options.id ?? articleId(extracted);
    const tags = (options.tags ?? []).map(cleanTag);
    const existing = this.byId.get(id);
    if (existing) {
      if (existing.deletedAt && options.keepTrashed) return { meta: existing, created: false };
      await this.replaceDamagedBody(existing, extracted);
      if (existing.deletedAt) await this.restore(id);
      if (tags.length > 0) this.addTags(id, tags);
      return { meta: existing, created: false };
    }
    const meta = this.newMeta(id, extracted, tags);
    await writeArticleFile(this.dir, meta, extracted.blocks, {});
    await this.indexAdd(id, { title: meta.title, body: blocksText(extracted.blocks) });
    this.byId.set(id, meta);
    this.sorted = {};
    this.countsCache = null;
    this.rememberTags(tags);
    this.commit([{ t: 'put', meta }]);
    await this.addedHook?.([meta]);
    return { meta, created: true };
  }

  /**
   * Importing an article again is how a user repairs one whose body file is damaged or missing (the
   * ARTICLE_DAMAGED message says so): the damaged file is moved to `damaged/`, the new body written.
   */
  private async replaceDamagedBody(meta: ArticleMeta, extracted: ExtractedArticle): Promise<void> {
    try {
      await readArticleFile(this.dir, meta.id);
      return;
    } catch (error) {
      if (!(error instanceof KabarError) || error.code !== 'ARTICLE_DAMAGED') throw error;
    }
    await keepDamaged(this.dir, meta.id, this.now(), { move: true }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error, meta.id);
    });
    await writeArticleFile(this.dir, meta, extracted.blocks, {});
    if (!meta.deletedAt) await this.indexAdd(meta.id, { title: meta.title, body: blocksText(extracted.blocks) });
  }

  /**
   * Stores many new articles at once (a feed refresh): bodies are written in parallel and all
   * metadata goes to the journal in one write. Ids already known (live or trashed) are skipped.
   * Returns the metadata of the articles created.
   */
  addMany(items: { extracted: ExtractedArticle; id?: string }[]): Promise<ArticleMeta[]> {
    const result = this.adding.then(() => this.addManyNow(items));
    this.adding = result.catch(() => undefined);
    return result;
  }

  private async addManyNow(items: { extracted: ExtractedArticle; id?: string }[]): Promise<ArticleMeta[]> {
    this.assertWritable();
    const fresh = new Map<string, { meta: ArticleMeta; blocks: ExtractedArticle['blocks'] }>();
    for (const { extracted, id: given } of items) {
      const id = given ?? articleId(extracted);
      if (this.byId.has(id) || fresh.has(id)) continue;
      fresh.set(id, { meta: this.newMeta(id, extracted, []), blocks: extracted.blocks });
    }
    const list = [...fresh.values()];
    let next = 0;
    const writer = async (): Promise<void> => {
      while (next < list.length) {
        const { meta, blocks } = list[next++] as { meta: ArticleMeta; blocks: ExtractedArticle['blocks'] };
        await writeArticleFile(this.dir, meta, blocks, {});
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, list.length) }, writer));
    for (const { meta, blocks } of list) {
      await this.indexAdd(meta.id, { title: meta.title, body: blocksText(blocks) });
      this.byId.set(meta.id, meta);
    }
    this.sorted = {};
    this.countsCache = null;
    this.commit(list.map(({ meta }) => ({ t: 'put', meta })));
    if (list.length > 0) await this.addedHook?.(list.map((x) => x.meta));
    return list.map((x) => x.meta);
  }

  /** Moves an article to the trash (restorable); it leaves search and the lists. */
  async delete(id: string): Promise<void> {
    const meta = this.meta(id);
    if (meta.deletedAt) return;
    this.assertWritable();
    await this.index.remove(id).catch((error: unknown) => {
      throw storageError(error, 'index');
    });
    this.change(id, (m) => {
      m.deletedAt = this.now().toISOString();
    });
  }

  /** Brings an article back from the trash. */
  async restore(id: string): Promise<void> {
    const meta = this.meta(id);
    if (!meta.deletedAt) return;
    this.assertWritable();
    const file = await readArticleFile(this.dir, id);
    await this.indexAdd(id, searchDoc(meta, file));
    this.change(id, (m) => {
      m.deletedAt = null;
    });
  }

  /** Deletes every trashed article for good, files included. Returns how many. */
  async emptyTrash(): Promise<number> {
    this.assertWritable();
    const trashed = [...this.byId.values()].filter((m) => m.deletedAt);
    for (const meta of trashed) {
      this.byId.delete(meta.id);
      await removeArticleFile(this.dir, meta.id);
    }
    this.sorted = {};
    this.countsCache = null;
    this.commit(trashed.map((m) => ({ t: 'purge', id: m.id })));
    return trashed.length;
  }

  /** Adds tags to an article (case-insensitively unique, first spelling wins library-wide). */
  addTags(id: string, tags: string[]): ArticleMeta {
    const cleaned = tags.map(cleanTag).map((t) => this.canonicalTag(t));
    const meta = this.change(id, (m) => {
      m.tags = withTags(m.tags, cleaned);
    });
    this.rememberTags(cleaned);
    return meta;
  }

  /** Removes tags from an article. */
  removeTags(id: string, tags: string[]): ArticleMeta {
    return this.change(id, (m) => {
      m.tags = withoutTags(m.tags, tags.map(cleanTag));
    });
  }

  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag(from: string, to: string): number {
    return this.mergeTags([from], to);
  }

  /** Replaces every tag in `from` by `to` on every article. Returns how many articles changed. */
  mergeTags(from: string[], to: string): number {
    this.assertWritable();
    const target = cleanTag(to);
    const fromKeys = new Set(from.map(cleanTag).map(tagKey));
    const changed: JournalEntry[] = [];
    for (const meta of this.byId.values()) {
      if (!meta.tags.some((t) => fromKeys.has(tagKey(t)))) continue;
      const kept = meta.tags.filter((t) => !fromKeys.has(tagKey(t)) && tagKey(t) !== tagKey(target));
      const at = meta.tags.findIndex((t) => fromKeys.has(tagKey(t)) || tagKey(t) === tagKey(target));
      kept.splice(Math.min(at, kept.length), 0, target);
      meta.tags = kept;
      changed.push({ t: 'put', meta });
    }
    this.db.data.tags = withTags(
      this.db.data.tags.filter((t) => !fromKeys.has(tagKey(t)) || tagKey(t) === tagKey(target)).map((t) =>
        tagKey(t) === tagKey(target) ? target : t,
      ),
      [target],
    );
    this.commit(changed);
    this.scheduleCompaction(0);
    return changed.length;
  }

  /** Bookmarks or unbookmarks an article. Bookmarked articles are never pruned. */
  setBookmarked(id: string, on: boolean): ArticleMeta {
    return this.change(id, (m) => {
      m.bookmarked = on;
    });
  }

  /** Marks an article read (now) or unread. */
  setRead(id: string, read: boolean): ArticleMeta {
    return this.change(id, (m) => {
      m.readAt = read ? (m.readAt ?? this.now().toISOString()) : null;
    });
  }

  /** Marks many articles read (now) or unread in one journal write; returns how many changed. */
  setReadMany(ids: string[], read: boolean): number {
    this.assertWritable();
    const at = this.now().toISOString();
    const changed: JournalEntry[] = [];
    for (const id of ids) {
      const meta = this.byId.get(id);
      if (!meta || Boolean(meta.readAt) === read) continue;
      meta.readAt = read ? at : null;
      changed.push({ t: 'put', meta });
    }
    this.commit(changed);
    return changed.length;
  }

  /** Saves reading progress (0..1). */
  setProgress(id: string, progress: number): ArticleMeta {
    if (!Number.isFinite(progress)) throw new KabarError('INVALID_ARGUMENT', 'Progress must be a number.', { field: 'progress' });
    return this.change(
      id,
      (m) => {
        m.progress = Math.min(1, Math.max(0, progress));
      },
      true,
    );
  }

  /**
   * Stores a translation in the article file (replacing one in the same language) and indexes its
   * text, so search finds the article by words of its translation; the metadata keeps the translated
   * title (ArticleMeta.translatedTitles) for the list. Listeners hear of the article.
   */
  saveTranslation(id: string, translation: Translation): Promise<void> {
    const meta = this.meta(id);
    this.assertWritable();
    const write = this.bodyWrites.then(async () => {
      const file = await readArticleFile(this.dir, id);
      const damaged = { ...file.damagedTranslations };
      // Replacing a damaged entry: the file as it was is kept in damaged/ first. Other damaged
      // entries are written back untouched.
      if (translation.lang in damaged || '*' in damaged) await keepDamaged(this.dir, id, this.now());
      delete damaged[translation.lang];
      delete damaged['*'];
      const whole = { ...file.translations, [translation.lang]: translation };
      await writeArticleFile(this.dir, meta, file.blocks, { ...(damaged as Record<string, Translation>), ...whole }, file.marks);
      if (!meta.deletedAt) await this.indexAdd(id, searchDoc(meta, { blocks: file.blocks, translations: whole }));
      // The list shows translated titles without reading article files: keep them in the metadata
      // (journalled like any edit, which also tells listeners).
      this.change(id, (m) => {
        m.translatedTitles = { ...m.translatedTitles, [translation.lang]: translation.title };
      });
    });
    this.bodyWrites = write.catch(() => undefined);
    return write;
  }

  /** Records the user's correction of an article's language (the source language of translations). */
  setSourceLang(id: string, lang: string): ArticleMeta {
    const cleaned = lang.trim().toLowerCase();
    if (!/^[a-z]{2,3}$/.test(cleaned)) throw new KabarError('INVALID_ARGUMENT', `"${lang}" is not a language code.`, { field: 'lang' });
    const meta = this.change(id, (m) => {
      m.lang = cleaned;
    });
    this.sorted = {};
    this.countsCache = null;
    return meta;
  }

  /** Changes settings and returns them. */
  updateSettings(patch: Partial<Settings>): Settings {
    const settings = { ...this.db.data.settings, ...patch };
    this.commit([{ t: 'settings', settings }]);
    return { ...settings };
  }

  /** The library's clock (tests and the app pass one in). */
  time(): Date {
    return this.now();
  }

  /** Runs a read-modify-write of article files after the ones already queued (translations, marks), one at a time. */
  withBody<T>(task: () => Promise<T>): Promise<T> {
    this.assertWritable();
    const run = this.bodyWrites.then(task);
    this.bodyWrites = run.catch(() => undefined);
    return run;
  }

  /** Edits many articles' metadata in one journal write (rules, highlight counts); returns the changed ids. */
  changeMany(edits: Map<string, (meta: ArticleMeta) => void>): string[] {
    const next: ArticleMeta[] = [];
    // Callers pass only real changes (comparing 10,000 metadata records here would cost more than the change).
    for (const [id, edit] of edits) {
      const meta = this.meta(id);
      const copy: ArticleMeta = { ...meta, tags: [...meta.tags] };
      edit(copy);
      next.push(copy);
    }
    this.commit(next.map((meta) => ({ t: 'put', meta })), false, () => {
      for (const meta of next) {
        // In place (sorted lists hold these objects); fields an edit deleted go too.
        const target = this.byId.get(meta.id) as ArticleMeta & Record<string, unknown>;
        for (const key of Object.keys(target)) if (!(key in meta)) delete target[key];
        Object.assign(target, meta);
      }
      this.rememberTags(next.flatMap((m) => m.tags));
    });
    return next.map((m) => m.id);
  }

  /** Called with the articles each add creates (import, feed refresh): rules run here (store/rules.ts). */
  onAdded(hook: ((created: ArticleMeta[]) => Promise<void> | void) | null): void {
    this.addedHook = hook;
  }

  /** A list kept in library.json beside the articles (smart views, rules). */
  dataList(key: DataListKey): unknown[] {
    return [...(this.db.data[key] ?? [])];
  }

  /** Replaces a library.json list (journaled like any other change). */
  saveDataList(key: DataListKey, value: unknown[]): void {
    this.commit([{ t: 'list', key, value }]);
  }

  /** Listens for changes (`progressOnly` when only reading progress moved); returns the unsubscribe function. */
  onChange(listener: (ids: string[], progressOnly: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- persistence ----

  /** Folds the journal into library.json (atomic rewrite), then backs up hourly. */
  compact(): Promise<void> {
    this.compacting = this.compacting.then(() => this.compactNow());
    return this.compacting;
  }

  /** Flushes everything to disk and releases the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await Promise.allSettled([...this.background]);
    try {
      if (!this.readOnly) await this.compactNow();
    } finally {
      await this.index.close();
      this.journal.close();
      await this.release();
    }
  }

  /** Re-adds articles whose files exist but whose metadata was lost; returns how many. */
  async adoptOrphans(fileIds: string[]): Promise<number> {
    let adopted = 0;
    for (const id of fileIds) {
      if (this.byId.has(id)) continue;
      let file: ArticleFile;
      try {
        file = await readArticleFile(this.dir, id);
      } catch {
        continue; // A damaged body cannot be adopted; it stays on disk for a later look.
      }
      this.byId.set(id, file.meta);
      await this.index.add(id, searchDoc(file.meta, file));
      // Read-only: adopted in memory for this session; the next writable open adopts them for good.
      if (!this.readOnly) this.commit([{ t: 'put', meta: file.meta }]);
      adopted += 1;
    }
    this.sorted = {};
    this.countsCache = null;
    return adopted;
  }

  /** Makes the search index hold exactly the live articles (after a crash or a lost index). */
  async reconcileIndex(): Promise<number> {
    let added = 0;
    for (const meta of this.byId.values()) {
      if (meta.deletedAt || this.index.has(meta.id)) continue;
      try {
        const file = await readArticleFile(this.dir, meta.id);
        await this.index.add(meta.id, searchDoc(meta, file));
        added += 1;
      } catch {
        // A missing body is reported when the article is opened; search just skips it.
      }
    }
    return added;
  }

  /** Runs a task after open without delaying it (e.g. a backup), tracked so close waits for it. */
  runInBackground(task: () => Promise<unknown>): void {
    const promise = task().catch(() => undefined);
    this.background.add(promise);
    void promise.finally(() => this.background.delete(promise));
  }

  /** Takes a backup when the newest is over an hour old. */
  async backupIfDue(): Promise<void> {
    if (this.readOnly) return;
    if ((await newestBackupAge(this.dir, this.now())) >= BACKUP_EVERY_MS) await backupLibraryFile(this.dir, this.now());
  }

  private async compactNow(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    if (!this.dirty || this.readOnly) return;
    this.dirty = false;
    this.journal.rotate();
    this.db.data.articles = [...this.byId.values()];
    try {
      await this.db.write();
    } catch (error) {
      this.dirty = true; // The rotated journal still holds every change; try again later.
      throw error;
    }
    this.journal.dropRotated();
    // The search index compacts itself by its own thresholds; forcing it here would rewrite
    // the whole segment after every few seconds of changes.
    await this.backupIfDue().catch(() => undefined);
  }

  /** Throws LIBRARY_READ_ONLY before a write starts, so nothing in memory changes either. */
  private assertWritable(): void {
    if (this.readOnly) {
      throw new KabarError('LIBRARY_READ_ONLY', `The library in ${this.dir} is open for reading only; nothing was changed.`, { path: this.dir });
    }
  }

  /** Indexes a document; a full disk or read-only folder becomes the user's error code. */
  private async indexAdd(id: string, doc: SearchDoc): Promise<void> {
    try {
      await this.index.add(id, doc);
    } catch (error) {
      throw storageError(error, 'index');
    }
  }

  /**
   * Changes one article's metadata: the edit is made on a copy, journaled, and only then applied,
   * so a failed write (a full disk) leaves memory as the disk has it.
   */
  private change(id: string, edit: (meta: ArticleMeta) => void, progressOnly = false): ArticleMeta {
    const meta = this.meta(id);
    const next: ArticleMeta = { ...meta, tags: [...meta.tags] };
    edit(next);
    this.commit([{ t: 'put', meta: next }], progressOnly, () => Object.assign(meta, next));
    return meta;
  }

  /** Journals entries (durable when this returns), then applies `afterWrite` and tells listeners. */
  private commit(entries: JournalEntry[], progressOnly = false, afterWrite?: () => void): void {
    if (entries.length === 0) return;
    if (this.closed) throw new KabarError('IO', 'The library is closed.');
    this.assertWritable();
    this.journal.append(entries);
    afterWrite?.();
    this.dirty = true;
    if (!progressOnly) this.countsCache = null;
    for (const entry of entries) if (entry.t !== 'put' && entry.t !== 'purge') this.applyData(entry);
    const ids = entries.flatMap((e) => (e.t === 'put' ? [e.meta.id] : e.t === 'purge' ? [e.id] : []));
    for (const listener of this.listeners) listener(ids, progressOnly);
    this.scheduleCompaction(this.journal.length >= COMPACT_AFTER_ENTRIES ? 0 : COMPACT_IDLE_MS);
  }

  private scheduleCompaction(delayMs: number): void {
    if (this.closed) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => void this.compact().catch(() => undefined), delayMs);
    this.compactTimer.unref();
  }

  private apply(entry: JournalEntry): void {
    if (entry.t === 'put') this.byId.set(entry.meta.id, entry.meta);
    else if (entry.t === 'purge') this.byId.delete(entry.id);
    else this.applyData(entry);
  }

  /** Settings and feed entries change library.json data directly. */
  private applyData(entry: JournalEntry): void {
    if (entry.t === 'settings') this.db.data.settings = entry.settings;
    else if (entry.t === 'feeds') this.db.data.feeds = entry.feeds;
    else if (entry.t === 'feed') {
      const feed = entry.feed;
      const at = this.db.data.feeds.findIndex((f) => (f as { id?: unknown }).id === feed.id);
      if (at >= 0) this.db.data.feeds[at] = feed;
      else this.db.data.feeds.push(feed);
    } else if (entry.t === 'unfeed') this.db.data.feeds = this.db.data.feeds.filter((f) => (f as { id?: unknown }).id !== entry.id);
    else if (entry.t === 'list') this.db.data[entry.key] = entry.value;
  }

  private newMeta(id: string, extracted: ExtractedArticle, tags: string[]): ArticleMeta {
    const words = countWords(extracted.blocks);
    const { blocks: _blocks, ...fields } = extracted;
    return {
      ...fields,
      id,
      excerpt: [...extracted.excerpt].slice(0, EXCERPT_CHARS).join(''),
      savedAt: this.now().toISOString(),
      wordCount: words,
      readingMinutes: readingMinutes(extracted.blocks, words),
      tags: withTags([], tags.map((t) => this.canonicalTag(t))),
      bookmarked: false,
      readAt: null,
      progress: 0,
      deletedAt: null,
    };
  }

  private canonicalTag(tag: string): string {
    return this.db.data.tags.find((t) => tagKey(t) === tagKey(tag)) ?? tag;
  }

  private rememberTags(tags: string[]): void {
    this.db.data.tags = withTags(this.db.data.tags, tags);
  }

  private searchContext(): SearchContext {
    return { dir: this.dir, index: this.index, byId: this.byId };
  }
}
