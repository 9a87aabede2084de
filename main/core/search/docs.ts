/** The doc table: doc number ↔ article id, body lengths for BM25, and tombstones. */

/**
 * Doc numbers are dense: 0..base-1 come from the segment, the rest from the delta in log order.
 * A removed or replaced document keeps its number with a tombstone until compaction renumbers.
 */
export class DocTable {
  readonly ids: string[];
  readonly lens: number[];
  dead: Uint8Array;
  private readonly byId = new Map<string, number>();
  /** Live documents. */
  alive = 0;
  /** Sum of live body lengths (for the average document length). */
  aliveLen = 0;

  constructor(ids: string[] = [], lens: number[] = []) {
    this.ids = ids.slice();
    this.lens = lens.slice();
    this.dead = new Uint8Array(Math.max(64, ids.length * 2));
    for (let d = 0; d < ids.length; d++) {
      const prev = this.byId.get(ids[d]);
      if (prev !== undefined) this.kill(prev); // cannot come from our writer; keep the newer copy
      this.byId.set(ids[d], d);
      this.alive++;
      this.aliveLen += lens[d];
    }
  }

  /** Number of doc numbers in use, dead ones included. */
  get total(): number {
    return this.ids.length;
  }

  /** The live doc number of `id`, if any. */
  lookup(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** Adds a document, tombstoning the previous one with the same id; returns its doc number. */
  push(id: string, len: number): number {
    const prev = this.byId.get(id);
    if (prev !== undefined) this.kill(prev);
    const doc = this.ids.length;
    this.ids.push(id);
    this.lens.push(len);
    if (doc >= this.dead.length) {
      const next = new Uint8Array(this.dead.length * 2);
      next.set(this.dead);
      this.dead = next;
    }
    this.byId.set(id, doc);
    this.alive++;
    this.aliveLen += len;
    return doc;
  }

  /** Tombstones a doc number. */
  kill(doc: number): void {
    if (this.dead[doc] === 1) return;
    this.dead[doc] = 1;
    if (this.byId.get(this.ids[doc]) === doc) this.byId.delete(this.ids[doc]);
    this.alive--;
    this.aliveLen -= this.lens[doc];
  }

  /** Tombstones the live document `id`; false when there is none. */
  remove(id: string): boolean {
    const doc = this.byId.get(id);
    if (doc === undefined) return false;
    this.kill(doc);
    return true;
  }
}
