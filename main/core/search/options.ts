/** Options and status of an opened index. */

/** Tuning knobs of openSearchIndex; the defaults suit a 10,000-article library. */
export interface OpenOptions {
  /**
   * Compact in the background once the delta holds this many documents (default 150). Both limits
   * bound the log replay at open (~25 ms per MiB measured in a cold process); compacting 250 docs
   * into a 10,000-doc base took ~0.4–0.7 s, i.e. a few ms per imported article.
   */
  compactAfterDocs?: number;
  /** …or once the log reaches this many bytes (default 1.5 MiB). */
  compactAfterBytes?: number;
  /** Buckets of a newly created index (default 2048). */
  buckets?: number;
  /** Told when damage is found after open (a bucket failing its checksum): rebuild then. */
  onDamaged?: (reason: string) => void;
  /** Told when a background compaction fails (the index stays valid; the next one retries). */
  onError?: (error: unknown) => void;
}

/** How the index was found at open: fine, newly created (was missing), or damaged and recreated empty. */
export type IndexStatus = 'ok' | 'created' | 'damaged';
