/**
 * Full-text search over the library (DESIGN.md §1 core/search). Entry point for the store.
 *
 * Why this shape: a MiniSearch JSON dump of 10,000 articles took 2–5 s and 670–860 MB to load
 * (tests/bench/search-bench.ts), so nothing is loaded whole at open. `<data>/index` holds:
 * - `manifest.json`: names the live files; replacing it atomically is the commit of a compaction.
 * - `seg-<gen>.kbs`: the immutable base segment. Terms are hashed by their first two code points
 *   into 2048 buckets (a prefix query of ≥ 2 characters reads one), each a sorted dictionary plus
 *   varint postings (doc gap, tf pack with a title flag), CRC-checked and read on first use; the
 *   footer holds the doc table (ids, lengths) and the bucket table, and is all that open reads.
 * - `log-<gen>.jsonl`: the delta. One checksummed JSON line per add/remove, fsynced (group commit)
 *   before the promise resolves; replayed at open into an in-memory delta with tombstones.
 * Compaction (past 150 docs / 1.5 MiB, or compact()) merges base + delta into a new segment, drops
 * tombstoned docs, then writes the new log tail and the manifest; a crash at any point leaves the
 * old manifest with its files, or the new one with its. Ranking is BM25 with a title boost; all
 * words must match, the last as a prefix (see query.ts). Tokenizing: see tokenize.ts.
 */
import fs from 'node:fs';
import { Engine } from './engine';
import type { IndexStatus, OpenOptions } from './options';
import { IndexDamagedError } from './errors';
import type { SearchDoc } from './analyze';
import type { SearchMatch, SearchOptions } from './query';

export type { SearchDoc } from './analyze';
export type { SearchMatch, SearchOptions } from './query';
export type { SnippetPart } from './snippet';
export type { IndexStatus, OpenOptions } from './options';
export { makeSnippet, highlight, SNIPPET_TEXT_CHARS } from './snippet';
export { queryTerms, tokenize, type QueryTerm } from './tokenize';
export { IndexDamagedError } from './errors';
export { normalizeText } from './normalize';
export { FILTER_KEYS, HAS_VALUES, IS_VALUES, MAX_QUERY_CHARS, isPlainText, parseQuery, requiredWords, type FilterKey, type QueryNode } from './syntax';

/** What the store calls. Every mutation resolves only once it is durable (fsynced). */
export interface SearchIndex {
  /** Indexes a document, replacing an existing one with the same id. */
  add(id: string, doc: SearchDoc): Promise<void>;
  /** Removes a document (no-op when absent). */
  remove(id: string): Promise<void>;
  /** Whether a document with this id is indexed. */
  has(id: string): boolean;
  /** All words must match (the last one as a prefix); best BM25 first, title hits boosted. */
  search(query: string, opts?: SearchOptions): SearchMatch[];
  /** Folds the delta into the base segment now (it also happens by itself past a threshold). */
  compact(): Promise<void>;
  /** Number of indexed documents. */
  size(): number;
  /** Waits for pending writes and compaction, then releases files. */
  close(): Promise<void>;
  /**
   * True when the store must re-add all articles: the index was missing ('created'), found damaged
   * at open and recreated empty ('damaged'), or a bucket failed its checksum later (call reset()
   * first in that case). Stays true for the session; the store checks it right after open. A crash
   * during a rebuild leaves a valid but partial index, so the store should also rebuild when
   * size() differs from its own article count.
   */
  readonly needsRebuild: boolean;
  /** How the index was found; 'damaged' comes with `damage`, a reason for the log. */
  readonly status: IndexStatus;
  readonly damage: string | undefined;
  /** Empties the index (for damage found after open); the store then re-adds everything. */
  reset(): Promise<void>;
  /** Counters for diagnostics and benchmarks. */
  stats(): { docs: number; deltaDocs: number; logBytes: number; cachedBucketBytes: number; gen: number };
}

class Handle implements SearchIndex {
  constructor(private readonly e: Engine) {}
  get needsRebuild(): boolean {
    return this.e.status !== 'ok';
  }
  get status(): IndexStatus {
    return this.e.status;
  }
  get damage(): string | undefined {
    return this.e.damage;
  }
  add(id: string, doc: SearchDoc): Promise<void> {
    return this.e.add(id, doc);
  }
  remove(id: string): Promise<void> {
    return this.e.remove(id);
  }
  has(id: string): boolean {
    return this.e.has(id);
  }
  search(query: string, opts?: SearchOptions): SearchMatch[] {
    return this.e.search(query, opts);
  }
  compact(): Promise<void> {
    return this.e.compact();
  }
  size(): number {
    return this.e.size();
  }
  close(): Promise<void> {
    return this.e.close();
  }
  reset(): Promise<void> {
    return this.e.reset();
  }
  stats(): ReturnType<Engine['stats']> {
    return this.e.stats();
  }
}

/**
 * Opens (creating when missing) the index in `dir` = `<data>/index`. Never throws for a damaged
 * index: a bad manifest, segment footer or checksum, a missing file or a corrupt log line in the
 * middle of the log moves the folder aside to `<dir>.damaged` (one kept, for diagnosis), starts an
 * empty index and reports `status: 'damaged'` + `needsRebuild`. A torn last log line (crash during
 * an append that was never confirmed) is not damage: it is cut off.
 */
export async function openSearchIndex(dir: string, opts: OpenOptions = {}): Promise<SearchIndex> {
  fs.mkdirSync(dir, { recursive: true });
  try {
    return new Handle(await Engine.load(dir, opts));
  } catch (e) {
    if (!(e instanceof IndexDamagedError)) throw e;
    const aside = `${dir}.damaged`;
    fs.rmSync(aside, { recursive: true, force: true });
    try {
      fs.renameSync(dir, aside);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    fs.mkdirSync(dir, { recursive: true });
    const engine = await Engine.load(dir, opts);
    engine.status = 'damaged';
    engine.damage = e.message;
    return new Handle(engine);
  }
}
