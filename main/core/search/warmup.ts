/**
 * Pays at open what the first queries would otherwise pay. In a fresh process every function runs
 * in V8's interpreter first, ~10–20x slower than once compiled: measured, the first query over a
 * 10,000-doc index cost ~20 ms of CPU, the same query again ~1 ms. So open runs the real query code
 * a few times over a small synthetic index (a few ms), and creates ICU's word segmenter (10–30 ms
 * cold) and the Unicode property regexes. Once per process.
 */
import { ByteWriter, encodeBucket, encodePostings, decodeBucket, type Bucket } from './codec';
import { Delta } from './delta';
import { DocTable } from './docs';
import { runSearch } from './query';
import { scanTerms } from './tokenize';

let done = false;

function syntheticBucket(docs: number): Bucket {
  const entries = ['warm', 'warmer', 'warmth', 'warning'].map((term, k) => {
    const ids: number[] = [];
    const packs: number[] = [];
    for (let d = k; d < docs; d += 1 + k) {
      ids.push(d);
      packs.push(4 + ((d * 7) & 7) + (d % 13 === 0 ? 1 : 0));
    }
    const w = new ByteWriter(ids.length * 3);
    encodePostings(w, ids, packs, ids.length);
    return { term, df: ids.length, postings: w.view() };
  });
  return decodeBucket(encodeBucket(entries));
}

/** Runs the warm-up once per process. */
export function warmUp(): void {
  if (done) return;
  done = true;
  scanTerms('Warm café Moskôw 北京大学 東京都 ประเทศไทย مرحبا 한국', () => undefined, true);
  const n = 600;
  const docs = new DocTable(
    Array.from({ length: n }, (_, i) => `w${i}`),
    Array.from({ length: n }, (_, i) => 200 + (i % 500)),
  );
  const bucket = syntheticBucket(n);
  const delta = new Delta(1);
  delta.add(docs.push('w-delta', 300), ['warm', 'warmest'], [8, 5], [0, 0]);
  const ctx = { segment: { bucket: () => bucket }, delta, docs, bucketCount: 1, onDamage: () => undefined };
  for (let r = 0; r < 4; r++) {
    runSearch(ctx, 'warm', { limit: 20 });
    runSearch(ctx, 'warm wa', { limit: 20, filter: (id) => id !== 'w5' });
  }
}
