/** The in-memory delta segment: postings of documents added since the last compaction. */
import { bucketOf } from './codec';

/**
 * Replaying the log is what opening costs, so an add only keeps the document's arrays as the log
 * line's JSON.parse made them (terms, tf packs, bucket numbers): no per-term work at open. The
 * term → postings map of a bucket is built the first time a query or a compaction needs it, by one
 * scan over the bucket numbers; later adds go straight into built maps.
 * Postings are flat arrays [doc, pack, doc, pack, …] in ascending doc order.
 */
export class Delta {
  private readonly entries: Array<{ doc: number; terms: string[]; packs: ArrayLike<number>; buckets: ArrayLike<number> }> = [];
  private readonly built = new Map<number, Map<string, number[]>>();
  /** Documents added (dead ones included). */
  docs = 0;

  constructor(readonly bucketCount: number) {}

  /** Bucket numbers of `terms`, as add() wants them (the log stores them). */
  bucketsOf(terms: string[]): number[] {
    return terms.map((t) => bucketOf(t, this.bucketCount));
  }

  /** Indexes document `doc`: its distinct terms, their tf packs and bucket numbers. */
  add(doc: number, terms: string[], packs: ArrayLike<number>, buckets: ArrayLike<number>): void {
    this.docs++;
    if (terms.length === 0) return;
    this.entries.push({ doc, terms, packs, buckets });
    if (this.built.size === 0) return;
    for (let i = 0; i < terms.length; i++) {
      const map = this.built.get(buckets[i]);
      if (map !== undefined) push(map, terms[i], doc, packs[i]);
    }
  }

  /** Term → postings of bucket `b` (built on first use), or undefined when the delta has none there. */
  bucket(b: number): Map<string, number[]> | undefined {
    let map = this.built.get(b);
    if (map === undefined) {
      map = new Map();
      for (const e of this.entries) {
        for (let i = 0; i < e.buckets.length; i++) if (e.buckets[i] === b) push(map, e.terms[i], e.doc, e.packs[i]);
      }
      this.built.set(b, map);
    }
    return map.size === 0 ? undefined : map;
  }

  /** Delta terms equal to `term`, or starting with it when `prefix`, with their postings. */
  match(term: string, prefix: boolean, b: number): Array<[string, number[]]> {
    const map = this.bucket(b);
    if (map === undefined) return [];
    if (!prefix) {
      const list = map.get(term);
      return list === undefined ? [] : [[term, list]];
    }
    const out: Array<[string, number[]]> = [];
    for (const entry of map) if (entry[0].startsWith(term)) out.push(entry);
    return out;
  }

  /** Builds every bucket in one pass (compaction reads them all). */
  buildAll(): void {
    const maps = new Map<number, Map<string, number[]>>();
    for (const e of this.entries) {
      for (let i = 0; i < e.buckets.length; i++) {
        const b = e.buckets[i];
        if (this.built.has(b)) continue;
        let map = maps.get(b);
        if (map === undefined) maps.set(b, (map = new Map()));
        push(map, e.terms[i], e.doc, e.packs[i]);
      }
    }
    for (const [b, map] of maps) this.built.set(b, map);
    // Buckets with no delta term get an empty map so later adds land in a built map too.
    for (let b = 0; b < this.bucketCount; b++) if (!this.built.has(b)) this.built.set(b, new Map());
  }
}

function push(map: Map<string, number[]>, term: string, doc: number, pack: number): void {
  const list = map.get(term);
  if (list === undefined) map.set(term, [doc, pack]);
  else list.push(doc, pack);
}
