/**
 * The on-disk base segment: one immutable file per compaction holding every bucket, with a footer
 * (doc table + bucket table) so opening reads only the footer and buckets are read on first use.
 *
 * Layout: MAGIC, bucket blobs…, footer JSON, u32 footer length, u32 footer CRC-32, MAGIC.
 */
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { decodeBucket, type Bucket } from './codec';
import { IndexDamagedError } from './errors';

const MAGIC = Buffer.from('KBSEG01\n', 'latin1');
const TAIL = 16;

/** What the footer records. `table` holds [offset, length, crc] per bucket; length 0 = empty bucket. */
export interface SegmentFooter {
  version: 1;
  buckets: number;
  ids: string[];
  lens: number[];
  table: number[];
}

function damaged(file: string, why: string): IndexDamagedError {
  return new IndexDamagedError(`${file}: ${why}`);
}

/** Read side of a segment: footer parsed at open, buckets read lazily with fs.readSync and cached. */
export class SegmentReader {
  readonly ids: string[];
  readonly lens: number[];
  readonly bucketCount: number;
  private readonly table: number[];
  private readonly cache = new Map<number, Bucket | null>();
  private fd: number | null;

  private constructor(
    readonly file: string,
    fd: number,
    footer: SegmentFooter,
  ) {
    this.fd = fd;
    this.ids = footer.ids;
    this.lens = footer.lens;
    this.table = footer.table;
    this.bucketCount = footer.buckets;
  }

  /** Opens `file` and validates its footer; throws IndexDamagedError when it is truncated or corrupt. */
  static open(file: string): SegmentReader {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      throw damaged(file, `cannot open (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size < MAGIC.length + TAIL) throw damaged(file, 'too short');
      const tail = Buffer.alloc(TAIL);
      fs.readSync(fd, tail, 0, TAIL, size - TAIL);
      if (!tail.subarray(8).equals(MAGIC)) throw damaged(file, 'bad end marker (torn write?)');
      const flen = tail.readUInt32LE(0);
      const fcrc = tail.readUInt32LE(4);
      if (flen > size - TAIL - MAGIC.length) throw damaged(file, 'footer length out of range');
      const fbuf = Buffer.alloc(flen);
      fs.readSync(fd, fbuf, 0, flen, size - TAIL - flen);
      if (crc32(fbuf) !== fcrc) throw damaged(file, 'footer checksum mismatch');
      const footer = JSON.parse(fbuf.toString('utf8')) as SegmentFooter;
      const ok =
        footer.version === 1 &&
        Array.isArray(footer.ids) &&
        Array.isArray(footer.lens) &&
        footer.ids.length === footer.lens.length &&
        Array.isArray(footer.table) &&
        footer.table.length === footer.buckets * 3;
      if (!ok) throw damaged(file, 'footer has the wrong shape');
      return new SegmentReader(file, fd, footer);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  /** The decoded bucket `b`, or null when empty; throws IndexDamagedError when its checksum fails. */
  bucket(b: number): Bucket | null {
    const hit = this.cache.get(b);
    if (hit !== undefined) return hit;
    const value = this.readBucket(b);
    this.cache.set(b, value);
    return value;
  }

  /** Reads bucket `b` without caching it (compaction streams through all of them once). */
  readBucket(b: number): Bucket | null {
    const off = this.table[b * 3];
    const len = this.table[b * 3 + 1];
    const crc = this.table[b * 3 + 2];
    if (len === 0) return null;
    if (this.fd === null) throw new Error('segment is closed');
    const buf = Buffer.allocUnsafe(len);
    const got = fs.readSync(this.fd, buf, 0, len, off);
    if (got !== len || crc32(buf) !== crc) throw damaged(this.file, `bucket ${b} checksum mismatch`);
    try {
      return decodeBucket(buf);
    } catch (e) {
      throw damaged(this.file, `bucket ${b} malformed (${(e as Error).message})`);
    }
  }

  /** Bytes of bucket data currently cached (for memory reporting). */
  cachedBytes(): number {
    let n = 0;
    for (const b of this.cache.values()) n += b?.buf.length ?? 0;
    return n;
  }

  /** Releases the file descriptor; cached buckets are dropped. */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.cache.clear();
  }
}

/** Write side: buckets are appended in order, then the footer; the caller fsyncs and renames. */
export class SegmentWriter {
  private pos = 0;
  private readonly table: number[];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly fh: fs.promises.FileHandle,
    private readonly buckets: number,
  ) {
    this.table = new Array<number>(buckets * 3).fill(0);
  }

  /** Creates (truncates) the temp file `file` and writes the leading magic. */
  static async create(file: string, buckets: number): Promise<SegmentWriter> {
    const w = new SegmentWriter(await fs.promises.open(file, 'w'), buckets);
    w.push(MAGIC);
    return w;
  }

  private push(b: Uint8Array): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.pos += b.length;
  }

  private async drain(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.fh.writev(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Appends bucket `b` (buckets must come in increasing order; empty ones may be skipped). */
  async addBucket(b: number, data: Uint8Array): Promise<void> {
    if (data.length === 0) return;
    const copy = Uint8Array.from(data);
    this.table[b * 3] = this.pos;
    this.table[b * 3 + 1] = copy.length;
    this.table[b * 3 + 2] = crc32(copy);
    this.push(copy);
    if (this.pendingBytes > 1 << 20) await this.drain();
  }

  /** Writes the footer, fsyncs and closes the file. */
  async finish(ids: string[], lens: number[]): Promise<void> {
    const footer: SegmentFooter = { version: 1, buckets: this.buckets, ids, lens, table: this.table };
    const fbuf = Buffer.from(JSON.stringify(footer), 'utf8');
    const tail = Buffer.alloc(TAIL);
    tail.writeUInt32LE(fbuf.length, 0);
    tail.writeUInt32LE(crc32(fbuf), 4);
    MAGIC.copy(tail, 8);
    this.push(fbuf);
    this.push(tail);
    await this.drain();
    await this.fh.datasync();
    await this.fh.close();
  }

  /** Closes without finishing (the caller deletes the temp file). */
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
