/** Query execution: term expansion over base + delta, BM25 with a title boost, AND of all words. */
import { bucketOf, decodePostings, lowerBound, type Bucket } from './codec';
import type { Delta } from './delta';
import type { DocTable } from './docs';
import { IndexDamagedError } from './errors';
import type { SegmentReader } from './segment';
import { queryTerms, type QueryTerm } from './tokenize';

/** One hit: the article id, its score, and the indexed terms that matched (for highlighting). */
export interface SearchMatch {
  id: string;
  score: number;
  terms: string[];
}

/** Options of a search: how many hits, and which ids may appear (e.g. the current tag or feed). */
export interface SearchOptions {
  limit?: number;
  filter?: (id: string) => boolean;
}

/** What a query reads. */
export interface QueryContext {
  /** The base segment (anything with lazily read buckets: the warm-up passes a synthetic one). */
  segment: Pick<SegmentReader, 'bucket'> | null;
  delta: Delta;
  docs: DocTable;
  bucketCount: number;
  /** Told when a bucket fails its checksum; the query goes on without it. */
  onDamage(e: IndexDamagedError): void;
}

const K1 = 1.2;
const B = 0.75;
// Added to the body part (which saturates at K1 + 1 = 2.2) when the word is in the title, so a
// title hit outranks any body-only hit of the same word.
const TITLE_BOOST = 2.5;
// A prefix expansion counts less than the word itself, and less the longer the completion is.
const PREFIX_WEIGHT = 0.6;
const MAX_WORDS = 16;
const MAX_POSTINGS = 60_000;
const DEFAULT_LIMIT = 50;

interface Expansion {
  term: string;
  weight: number;
  docs: Int32Array;
  packs: Int32Array;
}

function readBucket(ctx: QueryContext, b: number): Bucket | null {
  if (ctx.segment === null) return null;
  try {
    return ctx.segment.bucket(b);
  } catch (e) {
    if (!(e instanceof IndexDamagedError)) throw e;
    ctx.onDamage(e);
    return null;
  }
}

/** Every indexed term the query word matches, with its postings from base and delta decoded. */
function expand(ctx: QueryContext, q: QueryTerm): Expansion[] {
  const b = bucketOf(q.term, ctx.bucketCount);
  const bucket = readBucket(ctx, b);
  const found = new Map<string, { bi: number; dl: number[] | null }>();
  if (bucket !== null) {
    for (let i = lowerBound(bucket.terms, q.term); i < bucket.terms.length; i++) {
      const t = bucket.terms[i];
      if (t !== q.term && !(q.prefix && t.startsWith(q.term))) break;
      found.set(t, { bi: i, dl: null });
    }
  }
  for (const [t, dl] of ctx.delta.match(q.term, q.prefix, b)) {
    const f = found.get(t);
    if (f !== undefined) f.dl = dl;
    else found.set(t, { bi: -1, dl });
  }
  const sized = [...found].map(([term, f]) => {
    const n = (bucket !== null && f.bi >= 0 ? bucket.df[f.bi] : 0) + (f.dl === null ? 0 : f.dl.length / 2);
    return { term, ...f, n };
  });
  // A short prefix ("co") can expand to hundreds of terms and most of the index; past a postings
  // budget only the word itself and its most frequent completions are read. They cover nearly the
  // same documents (a text with a rare "co…" word almost always has a common one), at a bounded cost.
  sized.sort((x, y) => (y.term === q.term ? 1 : 0) - (x.term === q.term ? 1 : 0) || y.n - x.n);
  const out: Expansion[] = [];
  let budget = MAX_POSTINGS;
  for (const { term, bi, dl, n } of sized) {
    if (budget <= 0) break;
    budget -= n;
    const docs = new Int32Array(n);
    const packs = new Int32Array(n);
    let k = bucket !== null && bi >= 0 ? decodePostings(bucket.buf, bucket.off[bi], bucket.off[bi + 1], docs, packs) : 0;
    for (let j = 0; dl !== null && j < dl.length; j += 2, k++) {
      docs[k] = dl[j];
      packs[k] = dl[j + 1];
    }
    const weight = term === q.term ? 1 : (PREFIX_WEIGHT * q.term.length) / term.length;
    out.push({ term, weight, docs: docs.subarray(0, k), packs: packs.subarray(0, k) });
  }
  return out;
}

/** Runs `query` (all words must match; see queryTerms for prefixes) and returns the best hits. */
export function runSearch(ctx: QueryContext, query: string, opts: SearchOptions = {}): SearchMatch[] {
  const words = queryTerms(query).slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  const perWord = words.map((w) => expand(ctx, w));
  if (perWord.some((e) => e.length === 0)) return [];
  const size = (e: Expansion[]): number => e.reduce((n, x) => n + x.docs.length, 0);
  perWord.sort((a, b) => size(a) - size(b)); // rarest first: the AND narrows fastest

  const { docs } = ctx;
  const total = docs.total;
  const dead = docs.dead;
  const N = Math.max(docs.alive, 1);
  const norm = norms(docs);
  const { acc, hits } = scratch(total);

  for (let k = 0; k < perWord.length; k++) {
    for (const e of perWord[k]) {
      const df = Math.min(e.docs.length, N);
      const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5)) * e.weight;
      accumulate(e.docs, e.packs, k, idf, dead, hits, norm, acc);
    }
  }

  const need = perWord.length;
  const ok = (d: number): boolean => opts.filter === undefined || opts.filter(docs.ids[d]);
  // Every full match is in the rarest word's postings: enumerate the shortest list.
  const chosen = topK(perWord[0], hits, need, acc, opts.limit ?? DEFAULT_LIMIT, ok);
  // Which matched terms each hit has, for highlighting: a binary search per hit in each expansion
  // (postings are in ascending doc order), not a pass over all of them.
  const terms: string[][] = chosen.map(() => []);
  for (const exps of perWord) {
    for (const e of exps) chosen.forEach((d, i) => contains(e.docs, d) && terms[i].push(e.term));
  }
  return chosen.map((d, i) => ({ id: docs.ids[d], score: acc[d], terms: terms[i] }));
}

function contains(sorted: Int32Array, d: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === d;
}

/**
 * The best `limit` docs that matched every word (hits[d] === need) and pass `ok`, best first. A
 * min-heap of size `limit`: most candidates are rejected by one comparison with its root, and the
 * filter runs only for docs that would enter it. Ties go to the newer (higher) doc number.
 */
function topK(last: Expansion[], hits: Uint8Array, need: number, acc: Float64Array, limit: number, ok: (d: number) => boolean): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => acc[a] < acc[b] || (acc[a] === acc[b] && a < b);
  const sift = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const e of last) {
    for (let i = 0; i < e.docs.length; i++) {
      const d = e.docs[i];
      if (hits[d] !== need) continue;
      hits[d] = 255; // seen: a doc can appear under several expansions of the last word
      if (heap.length < limit) {
        if (!ok(d)) continue;
        heap.push(d);
        for (let c = heap.length - 1; c > 0; ) {
          const p = (c - 1) >> 1;
          if (!worse(heap[c], heap[p])) break;
          [heap[c], heap[p]] = [heap[p], heap[c]];
          c = p;
        }
      } else if (limit > 0 && worse(heap[0], d) && ok(d)) {
        heap[0] = d;
        sift(0);
      }
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/** Adds one term's BM25 contributions for docs that matched all earlier words (hits[d] === k). */
export function accumulate(
  docs: Int32Array,
  packs: Int32Array,
  k: number,
  idf: number,
  dead: Uint8Array,
  hits: Uint8Array,
  norm: Float64Array,
  acc: Float64Array,
): void {
  const total = acc.length;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (d >= total || dead[d] === 1) continue;
    if (hits[d] === k) hits[d] = k + 1;
    else if (hits[d] !== k + 1) continue; // missed an earlier word: cannot match them all
    const p = packs[i];
    const tfB = p >>> 2;
    acc[d] += idf * ((tfB * (K1 + 1)) / (tfB + norm[d]) + ((p & 3) > 0 ? TITLE_BOOST : 0));
  }
}

let pool: { acc: Float64Array; hits: Uint8Array } | null = null;

/** Zeroed per-doc work arrays, reused across searches (fresh ones per query made most of the GC time). */
function scratch(total: number): { acc: Float64Array; hits: Uint8Array } {
  if (pool === null || pool.acc.length < total) {
    const n = Math.ceil(Math.max(total, 1024) * 1.25);
    pool = { acc: new Float64Array(n), hits: new Uint8Array(n) };
  } else {
    pool.acc.fill(0, 0, total);
    pool.hits.fill(0, 0, total);
  }
  return pool;
}

const normCache = new WeakMap<DocTable, { key: string; norm: Float64Array }>();

/** BM25 length normalization per doc, K1·(1 − B + B·len/avgdl), cached until the table changes. */
function norms(docs: DocTable): Float64Array {
  const key = `${docs.total}/${docs.alive}/${docs.aliveLen}`;
  const hit = normCache.get(docs);
  if (hit !== undefined && hit.key === key) return hit.norm;
  const avgdl = docs.aliveLen / Math.max(docs.alive, 1) || 1;
  const norm = new Float64Array(docs.total);
  for (let d = 0; d < norm.length; d++) norm[d] = K1 * (1 - B + (B * docs.lens[d]) / avgdl);
  normCache.set(docs, { key, norm });
  return norm;
}
