/**
 * Builds the next base segment from the current one plus the delta, dropping tombstoned documents
 * and renumbering the rest densely. Works on a snapshot (doc numbers below `total`, tombstones as
 * they were), so adds and removes can go on meanwhile: they stay in the log tail and are replayed
 * on top of the new segment.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ByteWriter, decodePostings, encodeBucket, type Bucket, type BucketEntry } from './codec';
import type { Delta } from './delta';
import type { DocTable } from './docs';
import { SegmentWriter, type SegmentReader } from './segment';

/** The state compaction reads, frozen at its start. */
export interface CompactionInput {
  base: SegmentReader | null;
  delta: Delta;
  docs: DocTable;
  bucketCount: number;
  /** Doc numbers below this are in the snapshot. */
  total: number;
  /** Tombstones at the snapshot (a copy: removes during the build must not leak in). */
  dead: Uint8Array;
}

/** What a finished build produced: the new segment's doc table. */
export interface CompactionOutput {
  ids: string[];
  lens: number[];
}

/** Writes the merged segment to `file` (fsynced, not yet renamed). */
export async function buildSegment(input: CompactionInput, file: string): Promise<CompactionOutput> {
  const { base, delta, docs, bucketCount, total, dead } = input;
  const baseCount = base?.ids.length ?? 0;
  const remap = new Int32Array(total);
  const ids: string[] = [];
  const lens: number[] = [];
  for (let d = 0; d < total; d++) {
    if (dead[d] === 1) remap[d] = -1;
    else {
      remap[d] = ids.length;
      ids.push(docs.ids[d]);
      lens.push(docs.lens[d]);
    }
  }
  let identity = true; // no base doc died: base postings can be copied byte for byte
  for (let d = 0; d < baseCount && identity; d++) identity = remap[d] === d;


  delta.buildAll();
  const writer = await SegmentWriter.create(file, bucketCount);
  try {
    let docsBuf = new Int32Array(1024);
    let packsBuf = new Int32Array(1024);
    for (let b = 0; b < bucketCount; b++) {
      if (b % 64 === 63) await yieldToLoop(); // keep the main process responsive
      const old: Bucket | null = base === null ? null : base.readBucket(b);
      // Delta postings added while we build hold docs ≥ total only, and are skipped below.
      const dmap = delta.bucket(b);
      if (old === null && dmap === undefined) continue;
      const all = new Set<string>(old?.terms ?? []);
      if (dmap !== undefined) for (const t of dmap.keys()) all.add(t);
      const sorted = [...all].sort();
      const oldIndex = new Map<string, number>();
      old?.terms.forEach((t, i) => oldIndex.set(t, i));

      const w = new ByteWriter(old === null ? 4096 : old.buf.length + 4096);
      const entries: BucketEntry[] = [];
      for (const term of sorted) {
        const start = w.len;
        let df = 0;
        let last = 0;
        const oi = oldIndex.get(term);
        const dl = dmap?.get(term);
        const fresh = dl === undefined ? [] : dl;
        if (old !== null && oi !== undefined) {
          const n = old.df[oi];
          if (identity && fresh.length === 0) {
            w.bytes(old.buf.subarray(old.off[oi], old.off[oi + 1]));
            entries.push({ term, df: n, postings: w.buf.subarray(start, w.len) });
            continue;
          }
          if (n > docsBuf.length) {
            docsBuf = new Int32Array(n * 2);
            packsBuf = new Int32Array(n * 2);
          }
          decodePostings(old.buf, old.off[oi], old.off[oi + 1], docsBuf, packsBuf);
          for (let i = 0; i < n; i++) {
            const nd = remap[docsBuf[i]];
            if (nd < 0) continue;
            w.varint(nd - last);
            w.varint(packsBuf[i]);
            last = nd;
            df++;
          }
        }
        for (let j = 0; j < fresh.length; j += 2) {
          const d = fresh[j];
          if (d >= total || remap[d] < 0) continue;
          w.varint(remap[d] - last);
          w.varint(fresh[j + 1]);
          last = remap[d];
          df++;
        }
        if (df > 0) entries.push({ term, df, postings: w.buf.subarray(start, w.len) });
      }
      // Views into w.buf stay valid after it grows: a grown writer copies, it never reuses the old array.
      await writer.addBucket(b, encodeBucket(entries));
    }
    await writer.finish(ids, lens);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return { ids, lens };
}
