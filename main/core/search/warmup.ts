/**
 * Pays at open what the first queries would otherwise pay: ICU's word segmenter (10–30 ms to create
 * in a cold process, measured), the Unicode property regexes, and a first compile of the decode and
 * scoring loops. Once per process.
 */
import { ByteWriter, decodePostings, encodePostings } from './codec';
import { accumulate } from './query';
import { scanTerms } from './tokenize';

let done = false;

/** Runs the warm-up once; cheap (a few ms) next to what it saves on the first searches. */
export function warmUp(): void {
  if (done) return;
  done = true;
  scanTerms('Warm café Moskôw 北京大学 東京都 ประเทศไทย مرحبا 한국', () => undefined, true);
  const n = 4096;
  const docs = Int32Array.from({ length: n }, (_, i) => i * 2);
  const packs = Int32Array.from({ length: n }, (_, i) => 4 + (i & 7));
  const w = new ByteWriter(n * 3);
  encodePostings(w, docs, packs, n);
  const acc = new Float64Array(n * 2);
  const hits = new Uint8Array(n * 2);
  const dead = new Uint8Array(n * 2);
  const norm = new Float64Array(n * 2).fill(1);
  for (let r = 0; r < 8; r++) {
    decodePostings(w.buf, 0, w.len, docs, packs);
    hits.fill(0);
    accumulate(docs, packs, 0, 1, dead, hits, norm, acc);
  }
}
