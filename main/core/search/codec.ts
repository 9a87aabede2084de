/** Binary layout of one bucket (sorted terms → varint postings) and the term → bucket hash. */

/**
 * A posting packs the two term frequencies in one integer: body (and translations) count in the high
 * bits, title count (capped at 3, enough for the boost) in the low two bits.
 */
export function packTf(body: number, title: number): number {
  return body * 4 + Math.min(title, 3);
}

/** Which of `count` buckets holds `term`: FNV-1a of its first two code points, so a prefix query of ≥ 2 characters reads one bucket. */
export function bucketOf(term: string, count: number): number {
  return bucketAt(term, 0, term.length, count);
}

/** bucketOf for the term text[start, end), without cutting it out (log replay hashes ~10^5 terms). */
export function bucketAt(text: string, start: number, end: number, count: number): number {
  let keyEnd = start;
  for (let cps = 0; cps < 2 && keyEnd < end; cps++) {
    const c = text.charCodeAt(keyEnd);
    keyEnd += c >= 0xd800 && c <= 0xdbff && keyEnd + 1 < end ? 2 : 1;
  }
  let h = 0x811c9dc5;
  for (let i = start; i < keyEnd; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

/** Growable byte buffer with LEB128 varints (doc gaps and tf packs are mostly one byte). */
export class ByteWriter {
  buf: Uint8Array;
  len = 0;
  constructor(size = 1024) {
    this.buf = new Uint8Array(size);
  }
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  /** Appends an unsigned integer below 2^35. */
  varint(v: number): void {
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  /** Appends raw bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  /** The written bytes (a view, not a copy). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** A decoded bucket: sorted terms, their document frequencies and where their postings lie in `buf`. */
export interface Bucket {
  terms: string[];
  df: Uint32Array;
  /** Posting byte offsets into buf; term i spans off[i]..off[i+1]. */
  off: Uint32Array;
  buf: Uint8Array;
}

/** One term of a bucket being written: its encoded postings and how many documents they hold. */
export interface BucketEntry {
  term: string;
  df: number;
  postings: Uint8Array;
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

/** Encodes entries (already sorted by term in UTF-16 order, as Array.prototype.sort does) into one bucket. */
export function encodeBucket(entries: BucketEntry[]): Uint8Array {
  const dict = enc.encode(entries.map((e) => e.term).join('\n'));
  const w = new ByteWriter(dict.length + 64 + entries.reduce((n, e) => n + e.postings.length + 6, 0));
  w.varint(entries.length);
  w.varint(dict.length);
  w.bytes(dict);
  for (const e of entries) {
    w.varint(e.df);
    w.varint(e.postings.length);
  }
  for (const e of entries) w.bytes(e.postings);
  return w.view();
}

function readVarint(buf: Uint8Array, pos: { p: number }): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (pos.p >= buf.length) throw new RangeError('truncated varint');
    const b = buf[pos.p++];
    v += (b & 0x7f) * mul;
    if (b < 0x80) return v;
    mul *= 128;
  }
}

/** Parses a bucket's dictionary; postings stay encoded until a query needs them. Throws on malformed input. */
export function decodeBucket(buf: Uint8Array): Bucket {
  const pos = { p: 0 };
  const n = readVarint(buf, pos);
  const dictLen = readVarint(buf, pos);
  if (pos.p + dictLen > buf.length) throw new RangeError('bucket dictionary overruns');
  const terms = n === 0 ? [] : dec.decode(buf.subarray(pos.p, pos.p + dictLen)).split('\n');
  if (terms.length !== n) throw new RangeError('bucket term count mismatch');
  pos.p += dictLen;
  const df = new Uint32Array(n);
  const lens = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    df[i] = readVarint(buf, pos);
    lens[i] = readVarint(buf, pos);
  }
  const off = new Uint32Array(n + 1);
  off[0] = pos.p;
  for (let i = 0; i < n; i++) off[i + 1] = off[i] + lens[i];
  if (off[n] !== buf.length) throw new RangeError('bucket postings length mismatch');
  return { terms, df, off, buf };
}

/** Index of the first term ≥ `key` (binary search in UTF-16 order). */
export function lowerBound(terms: string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Decodes postings bytes [start, end) into parallel doc / tf-pack arrays; returns how many were read. */
export function decodePostings(buf: Uint8Array, start: number, end: number, docs: Int32Array, packs: Int32Array): number {
  let p = start;
  let doc = 0;
  let n = 0;
  while (p < end) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[p++];
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b >= 0x80);
    doc += v;
    let t = 0;
    shift = 0;
    do {
      b = buf[p++];
      t |= (b & 0x7f) << shift;
      shift += 7;
    } while (b >= 0x80);
    docs[n] = doc;
    packs[n] = t;
    n++;
  }
  return n;
}

/** Encodes ascending (doc, pack) pairs as gap varints. */
export function encodePostings(w: ByteWriter, docs: ArrayLike<number>, packs: ArrayLike<number>, count: number): void {
  let prev = 0;
  for (let i = 0; i < count; i++) {
    w.varint(docs[i] - prev);
    w.varint(packs[i]);
    prev = docs[i];
  }
}
