/**
 * Every highlight in the library, in memory, for the Highlights view, `kabar highlights` and search.
 * The article files are the truth; `highlights.cache.json` (a derived file, rebuilt when missing)
 * saves reading thousands of them at start: an entry is used only while its revision equals the
 * article's `marksRev`, otherwise the article file is read again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMarks, Highlight, HighlightEntry, HighlightFilter, HighlightHit, HighlightPage } from '../highlights';

export type { HighlightEntry, HighlightFilter, HighlightHit, HighlightPage } from '../highlights';
import { parseMarks } from '../highlights';
import { highlight as markHits, queryTerms, tokenize } from '../search';
import type { ArticleMeta } from '../types';
import { readArticleFile } from './article-files';
import { writeFileAtomic } from '../util';
import type { Library } from './library';
import { fileMarks, placeAll } from './marks';
import { HEAD_ROWS, marksFingerprint, readHead, writeHead } from './marks-head';
import { tagKey } from './tags';

/** The derived cache file in the data folder. */
export const CATALOG_CACHE = 'highlights.cache.json';
const CACHE_VERSION = 1;
const SAVE_AFTER_MS = 2000;
const READ_CONCURRENCY = 8;

interface Entry {
  rev: string;
  marks: ArticleMarks;
}

interface Row {
  articleId: string;
  highlight: Highlight;
}

/** Highlights of one library, kept current by the marks store. */
export class HighlightCatalog {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | null = null;
  private loaded = false;
  private rows: Row[] | null = null;
  private readonly folded = new WeakMap<Highlight, string>();
  private saveTimer: NodeJS.Timeout | null = null;
  private haystack: { rows: Row[]; text: string; starts: Int32Array } | null = null;

  constructor(private readonly library: Library) {}

  /** Loads the catalog once: from the cache where it is current, from article files elsewhere. */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** Records an article's new marks (after they are on disk). */
  put(id: string, rev: string, marks: ArticleMarks): void {
    if (this.loading === null) return; // Not loaded yet: the load will read the file.
    this.entries.set(id, { rev, marks });
    this.rows = null;
    this.scheduleSave();
  }

  /** Forgets an article's entry (its file is read again on the next load). */
  forget(id: string): void {
    this.entries.delete(id);
    this.rows = null;
  }

  /** Highlights matching the filter, newest first. Only the page's entries are built (50,000 rows are counted, not copied). */
  async list(filter: HighlightFilter = {}): Promise<HighlightPage> {
    const early = this.loaded ? null : await this.fromHead(filter);
    if (early) return early;
    await this.ready();
    const tag = filter.tag === undefined ? undefined : tagKey(filter.tag);
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const limit = filter.limit === undefined ? Infinity : Math.max(1, Math.floor(filter.limit));
    const items: HighlightEntry[] = [];
    let total = 0;
    for (const row of this.current()) {
      if (filter.articleId !== undefined && row.articleId !== filter.articleId) continue;
      if (filter.color !== undefined && row.highlight.color !== filter.color) continue;
      const meta = this.metaOf(row.articleId, filter.trash);
      if (!meta) continue;
      if (tag !== undefined && !meta.tags.some((t) => tagKey(t) === tag)) continue;
      if (filter.lang !== undefined && (row.highlight.lang ?? meta.lang) !== filter.lang) continue;
      if (total >= offset && items.length < limit) items.push(this.entryOf(row, meta));
      total++;
    }
    return { items, total, offset };
  }

  /** Highlights whose text or note holds every word of the query (the last word, and long ones, as prefixes). */
  async search(query: string, limit = 20): Promise<HighlightHit[]> {
    await this.ready();
    const terms = queryTerms(query).map((t) => t.term);
    if (terms.length === 0) return [];
    const rows = this.current();
    const { text, starts } = this.haystackOf(rows);
    // Every row's words in one string: one indexOf pass per query word (native, fast) instead of a
    // test per highlight; a row is a hit when every word was found in it.
    const found = new Uint8Array(rows.length);
    terms.forEach((term, k) => {
      const needle = ` ${term}`;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        const row = rowAt(starts, at);
        if (found[row] === k) found[row] = k + 1;
      }
    });
    const hits: HighlightHit[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (found[i] !== terms.length) continue;
      const row = rows[i] as Row;
      const meta = this.metaOf(row.articleId, false);
      if (!meta) continue;
      hits.push(this.hitOf(this.entryOf(row, meta), terms));
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** Ids of articles with a note on the article or on one of its highlights (for `has:note`). */
  async notedArticles(): Promise<Set<string>> {
    await this.ready();
    const ids = new Set<string>();
    for (const [id, entry] of this.entries) if (entry.marks.note || entry.marks.highlights.some((h) => h.note)) ids.add(id);
    return ids;
  }

  /** How many highlights the catalog holds (live and trashed articles). */
  async size(): Promise<number> {
    await this.ready();
    return this.current().length;
  }

  /** Writes the cache now (tests, and before a benchmark measures a fresh open). */
  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.library.readOnly) return;
    await this.ready();
    const entries = Object.fromEntries(this.entries);
    await writeFileAtomic(join(this.library.dir, CATALOG_CACHE), JSON.stringify({ v: CACHE_VERSION, entries }), { durable: false });
    const visible = this.current().filter((row) => this.metaOf(row.articleId, false) !== null);
    await writeHead(this.library.dir, this.fingerprint(), visible.length, visible);
  }

  private async load(): Promise<void> {
    const cached = await this.readCache();
    const stale: ArticleMeta[] = [];
    for (const meta of this.library.allMeta()) {
      if (meta.marksRev === undefined) continue;
      const hit = cached[meta.id];
      if (hit && hit.rev === meta.marksRev) this.entries.set(meta.id, { rev: hit.rev, marks: parseMarks(hit.marks) });
      else stale.push(meta);
    }
    let next = 0;
    const reader = async (): Promise<void> => {
      while (next < stale.length) {
        const meta = stale[next++] as ArticleMeta;
        // A damaged article file is reported when it is opened; its highlights wait until it is repaired.
        const file = await readArticleFile(this.library.dir, meta.id).catch(() => null);
        if (file) this.entries.set(meta.id, { rev: meta.marksRev as string, marks: placeAll(file, fileMarks(file)) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, stale.length) }, reader));
    this.loaded = true;
    if (stale.length > 0) this.scheduleSave();
    else void this.keepHeadCurrent().catch(() => undefined);
  }

  /** Writes the head file when it is missing or out of date (a library from before it, or changed while it was not loaded). */
  private async keepHeadCurrent(): Promise<void> {
    if (this.library.readOnly) return;
    const fingerprint = this.fingerprint();
    if (await readHead(this.library.dir, fingerprint)) return;
    const visible = this.current().filter((row) => this.metaOf(row.articleId, false) !== null);
    await writeHead(this.library.dir, fingerprint, visible.length, visible);
  }

  // The revisions the catalog holds, not the library's: a change whose file is still being written
  // (the library has its new revision, the catalog not yet) then gives a head that is never used.
  private fingerprint(): string {
    return marksFingerprint(this.library.allMeta(), (meta) => this.entries.get(meta.id)?.rev);
  }

  /** The unfiltered first page from the head file while the catalog is not loaded (see marks-head.ts); null when it cannot serve it. */
  private async fromHead(filter: HighlightFilter): Promise<HighlightPage | null> {
    const { offset = 0, limit = Infinity, ...rest } = filter;
    if (Object.values(rest).some((v) => v !== undefined) || offset + limit > HEAD_ROWS) return null;
    const head = await readHead(this.library.dir, marksFingerprint(this.library.allMeta()));
    if (!head) return null;
    void this.ready().catch(() => undefined); // The rest of the catalog loads behind the first page.
    const items = head.rows.slice(offset, offset + limit).map((row) => this.entryOf(row, this.library.meta(row.articleId)));
    return { items, total: head.total, offset };
  }

  private async readCache(): Promise<Record<string, { rev: string; marks: unknown }>> {
    try {
      const raw = JSON.parse(await readFile(join(this.library.dir, CATALOG_CACHE), 'utf8')) as { v?: unknown; entries?: unknown };
      if (raw.v !== CACHE_VERSION || typeof raw.entries !== 'object' || raw.entries === null) return {};
      return raw.entries as Record<string, { rev: string; marks: unknown }>;
    } catch {
      return {}; // Missing or unreadable: it is only a cache.
    }
  }

  private scheduleSave(): void {
    if (this.library.readOnly) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save().catch(() => undefined), SAVE_AFTER_MS);
    this.saveTimer.unref();
  }

  /** All rows, newest first (rebuilt after a change). */
  private current(): Row[] {
    if (this.rows === null) {
      const keyed: { row: Row; time: number }[] = [];
      for (const [articleId, entry] of this.entries) {
        for (const highlight of entry.marks.highlights) keyed.push({ row: { articleId, highlight }, time: Date.parse(highlight.createdAt) || 0 });
      }
      // Numbers, not strings, in the comparator: 50,000 rows sort several times faster. Stable: ties keep file order.
      keyed.sort((a, b) => b.time - a.time);
      this.rows = keyed.map((k) => k.row);
    }
    return this.rows;
  }

  private metaOf(id: string, trash: boolean | undefined): ArticleMeta | null {
    if (!this.library.knows(id)) return null;
    const meta = this.library.meta(id);
    return meta.deletedAt && !trash ? null : meta;
  }

  private entryOf(row: Row, meta: ArticleMeta): HighlightEntry {
    const lang = row.highlight.lang ?? meta.lang;
    const title = (row.highlight.lang && meta.translatedTitles?.[row.highlight.lang]) || meta.title;
    return { articleId: row.articleId, title, lang, highlight: row.highlight };
  }

  /** All rows' words in one string (rows separated by a newline) and where each row starts. */
  private haystackOf(rows: Row[]): { text: string; starts: Int32Array } {
    if (this.haystack === null || this.haystack.rows !== rows) {
      const starts = new Int32Array(rows.length);
      const parts: string[] = [];
      let at = 0;
      rows.forEach((row, i) => {
        const folded = this.foldedOf(row.highlight);
        starts[i] = at;
        parts.push(folded);
        at += folded.length + 1;
      });
      this.haystack = { rows, text: parts.join('\n'), starts };
    }
    return this.haystack;
  }

  /** The highlight's words (text and note) as index terms, space-separated, for prefix tests. */
  private foldedOf(h: Highlight): string {
    let text = this.folded.get(h);
    if (text === undefined) {
      text = ` ${tokenize(h.note ? `${h.quote.exact}\n${h.note}` : h.quote.exact).join(' ')}`;
      this.folded.set(h, text);
    }
    return text;
  }

  private hitOf(entry: HighlightEntry, terms: string[]): HighlightHit {
    const matched = (text: string): string[] => [...new Set(tokenize(text).filter((w) => terms.some((t) => w.startsWith(t))))];
    const hit: HighlightHit = { ...entry, text: markHits(entry.highlight.quote.exact, matched(entry.highlight.quote.exact)) };
    if (entry.highlight.note) hit.note = markHits(entry.highlight.note, matched(entry.highlight.note));
    return hit;
  }
}

/** The row whose text holds offset `at` (the last start ≤ at). */
function rowAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const catalogs = new WeakMap<Library, HighlightCatalog>();

/** The catalog of a library (one per opened library). */
export function catalogOf(library: Library): HighlightCatalog {
  let catalog = catalogs.get(library);
  if (!catalog) {
    catalog = new HighlightCatalog(library);
    catalogs.set(library, catalog);
  }
  return catalog;
}
