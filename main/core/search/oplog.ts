/**
 * The append-only operation log behind the delta segment. Each line is `<crc32 hex> <json>\n` and is
 * fsynced before the operation is applied and its promise resolves, so a confirmed add survives a
 * crash. Concurrent appends share one write + fsync (group commit), which is what makes a bulk
 * rebuild fast without weakening the guarantee.
 */
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { IndexDamagedError } from './errors';

/**
 * A logged add: id, body length in terms, distinct terms, their tf packs and their bucket numbers.
 * Buckets are stored, not recomputed, because replay speed is open speed: one native JSON.parse per
 * line (~12 ms per MiB in a cold process) and no per-term JavaScript at all.
 */
export interface AddOp {
  o: 'a';
  i: string;
  l: number;
  t: string[];
  f: number[];
  b: number[];
}
/** A logged removal. */
export interface RemoveOp {
  o: 'r';
  i: string;
}
/** One logged operation. */
export type LogOp = AddOp | RemoveOp;

interface Pending {
  data: string;
  apply: () => void;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Serializes an operation as one checksummed line: `<crc32 hex> <json>\n`. */
export function encodeOp(op: LogOp): string {
  const json = JSON.stringify(op);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
}

function parseOp(line: Buffer): LogOp | null {
  if (line.length < 10 || line[8] !== 0x20) return null;
  const want = parseInt(line.subarray(0, 8).toString('latin1'), 16);
  const body = line.subarray(9);
  if (!Number.isFinite(want) || crc32(body) !== want) return null;
  try {
    const op = JSON.parse(body.toString('utf8')) as Partial<AddOp> & Partial<RemoveOp>;
    if (typeof op.i !== 'string') return null;
    if (op.o === 'r') return { o: 'r', i: op.i };
    const ok =
      op.o === 'a' &&
      typeof op.l === 'number' &&
      Array.isArray(op.t) &&
      Array.isArray(op.f) &&
      Array.isArray(op.b) &&
      op.t.length === op.f.length &&
      op.t.length === op.b.length;
    if (ok) return op as AddOp;
  } catch {
    // fall through: a checksummed line that does not parse is corruption, reported by the caller
  }
  return null;
}

function hasValidLine(buf: Buffer, from: number): boolean {
  for (let p = from; p < buf.length; ) {
    const nl = buf.indexOf(0x0a, p);
    if (nl < 0) return false;
    if (parseOp(buf.subarray(p, nl)) !== null) return true;
    p = nl + 1;
  }
  return false;
}

/**
 * Reads every complete, valid operation of a log. A torn last line (crash during append) is cut off
 * and the file truncated to the last good byte; a bad line followed by good ones is damage.
 */
export function readLog(file: string): { ops: LogOp[]; size: number; torn: boolean } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new IndexDamagedError(`log unreadable: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const { ops, size: pos } = parseLog(buf);
  const torn = pos < buf.length;
  if (torn) {
    const fd = fs.openSync(file, 'r+');
    try {
      fs.ftruncateSync(fd, pos);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  return { ops, size: pos, torn };
}

/** Parses log bytes: the valid operations and the length they span (see readLog for the rules). */
export function parseLog(buf: Buffer): { ops: LogOp[]; size: number } {
  const ops: LogOp[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    const op = nl < 0 ? null : parseOp(buf.subarray(pos, nl));
    if (op === null) {
      // A valid line after the bad one means the bad one was not the append cut short by a crash.
      if (nl >= 0 && hasValidLine(buf, nl + 1)) throw new IndexDamagedError(`log line at byte ${pos} is corrupt`);
      break;
    }
    ops.push(op);
    pos = nl + 1;
  }
  return { ops, size: pos };
}

/** Appender with group commit; `hold()` stops writes so compaction can switch files in between. */
export class OpLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private held = false;

  private constructor(
    private fh: fs.promises.FileHandle,
    /** Confirmed (fsynced) length of the file in bytes. */
    public size: number,
  ) {}

  /** Opens `file` for appending at `size` (the length readLog validated). */
  static async open(file: string, size: number): Promise<OpLog> {
    return new OpLog(await fs.promises.open(file, 'r+'), size);
  }

  /** Appends one encoded line; `apply` runs right after it is durable, before the promise resolves. */
  append(data: string, apply: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ data, apply, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing !== null || this.held || this.queue.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    const bytes = Buffer.from(batch.map((p) => p.data).join(''), 'utf8');
    try {
      await this.fh.write(bytes, 0, bytes.length, this.size);
      await this.fh.datasync();
    } catch (e) {
      // Leave no half batch behind: the next append writes at the same offset anyway.
      await this.fh.truncate(this.size).catch(() => undefined);
      for (const p of batch) p.reject(e);
      return;
    }
    this.size += bytes.length;
    for (const p of batch) {
      try {
        p.apply();
        p.resolve();
      } catch (e) {
        p.reject(e);
      }
    }
  }

  /** Waits for the write in flight and keeps new ones queued until `release()`. */
  async hold(): Promise<void> {
    this.held = true;
    while (this.flushing !== null) await this.flushing;
  }

  /** Lets queued appends go on, into `next` when compaction switched to a new log file. */
  release(next?: { fh: fs.promises.FileHandle; size: number }): void {
    if (next) {
      void this.fh.close().catch(() => undefined);
      this.fh = next.fh;
      this.size = next.size;
    }
    this.held = false;
    this.kick();
  }

  /** True while appends are queued or being written. */
  get busy(): boolean {
    return this.flushing !== null || this.queue.length > 0;
  }

  /** The open file (compaction reads the tail through it). */
  get fd(): number {
    return this.fh.fd;
  }

  /** Waits for queued appends, then closes the file. */
  async close(): Promise<void> {
    while (this.flushing !== null || this.queue.length > 0) {
      this.kick();
      if (this.flushing !== null) await this.flushing;
      else if (this.held) break;
    }
    await this.fh.close();
  }
}
