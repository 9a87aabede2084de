/** The search index proper: base segment + delta + log, and the compaction that folds one into the other. */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../util';
import { analyze, type SearchDoc } from './analyze';
import { buildSegment } from './compact';
import { Delta } from './delta';
import { DocTable } from './docs';
import { IndexDamagedError } from './errors';
import { OWN_FILE, createIndex, readManifest, writeManifest, type Manifest } from './manifest';
import { OpLog, encodeOp, parseLog, readLog, type LogOp } from './oplog';
import { runSearch, type SearchMatch, type SearchOptions } from './query';
import { SegmentReader } from './segment';
import { warmUp } from './warmup';
import type { IndexStatus, OpenOptions } from './options';

/** Implementation of SearchIndex (see index.ts for the contract). */
export class Engine {
  status: IndexStatus = 'ok';
  damage: string | undefined;
  private docs: DocTable;
  private delta: Delta;
  private compactChain: Promise<void> = Promise.resolve();
  private autoPending = false;
  private readonly removals: Promise<void>[] = [];
  private closed = false;

  private constructor(
    readonly dir: string,
    private manifest: Manifest,
    private segment: SegmentReader | null,
    private log: OpLog,
    private readonly opts: OpenOptions,
  ) {
    this.docs = new DocTable(segment?.ids, segment?.lens);
    this.delta = new Delta(manifest.buckets);
  }

  /** Opens the index in `dir` (which must exist); throws IndexDamagedError when it cannot be trusted. */
  static async load(dir: string, opts: OpenOptions): Promise<Engine> {
    let m = readManifest(dir);
    let created = false;
    if (m === null) {
      if (fs.readdirSync(dir).some((f) => OWN_FILE.test(f))) throw new IndexDamagedError('manifest missing but index files present');
      m = createIndex(dir, opts.buckets ?? 2048);
      created = true;
    }
    const seg = m.segment === null ? null : SegmentReader.open(path.join(dir, m.segment));
    try {
      if (seg !== null && seg.bucketCount !== m.buckets) throw new IndexDamagedError('segment and manifest disagree on buckets');
      const { ops, size } = readLog(path.join(dir, m.log));
      const log = await OpLog.open(path.join(dir, m.log), size);
      const engine = new Engine(dir, m, seg, log, opts);
      try {
        engine.replay(ops);
      } catch (e) {
        await log.close();
        throw e;
      }
      if (created) engine.status = 'created';
      warmUp();
      // Leftovers of a crash (temp files, a segment or log a compaction wrote but never committed).
      for (const f of fs.readdirSync(dir)) {
        if (f !== m.segment && f !== m.log && OWN_FILE.test(f)) fs.rmSync(path.join(dir, f), { force: true });
      }
      return engine;
    } catch (e) {
      seg?.close();
      throw e;
    }
  }

  private replay(ops: LogOp[]): void {
    for (const op of ops) {
      if (op.o === 'r') this.docs.remove(op.i);
      else this.delta.add(this.docs.push(op.i, op.l), op.t, op.f, op.b);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('search index is closed');
  }

  /** Indexes (or replaces) a document; resolves once it is durable and searchable. */
  async add(id: string, doc: SearchDoc): Promise<void> {
    this.assertOpen();
    const a = analyze(doc);
    const buckets = this.delta.bucketsOf(a.terms);
    const line = encodeOp({ o: 'a', i: id, l: a.len, t: a.terms, f: a.packs, b: buckets });
    // The delta may be swapped by a compaction before the line is durable: apply to the current one.
    await this.log.append(line, () => this.delta.add(this.docs.push(id, a.len), a.terms, a.packs, buckets));
    this.maybeCompact();
  }

  /** Removes a document; a no-op when it is not indexed. */
  async remove(id: string): Promise<void> {
    this.assertOpen();
    if (!this.has(id) && !this.log.busy) return;
    await this.log.append(encodeOp({ o: 'r', i: id }), () => void this.docs.remove(id));
    this.maybeCompact();
  }

  /** Whether a live document has this id. */
  has(id: string): boolean {
    return this.docs.lookup(id) !== undefined;
  }

  /** Live documents. */
  size(): number {
    return this.docs.alive;
  }

  /** Ranked hits for `query` (synchronous; buckets are read lazily). */
  search(query: string, opts?: SearchOptions): SearchMatch[] {
    this.assertOpen();
    const ctx = {
      segment: this.segment,
      delta: this.delta,
      docs: this.docs,
      bucketCount: this.manifest.buckets,
      onDamage: (e: IndexDamagedError) => this.markDamaged(e.message),
    };
    return runSearch(ctx, query, opts);
  }

  private markDamaged(reason: string): void {
    if (this.status === 'damaged') return;
    this.status = 'damaged';
    this.damage = reason;
    this.opts.onDamaged?.(reason);
  }

  /** Counters for benchmarks and diagnostics. */
  stats(): { docs: number; deltaDocs: number; logBytes: number; cachedBucketBytes: number; gen: number } {
    const s = { docs: this.docs.alive, deltaDocs: this.delta.docs, logBytes: this.log.size };
    return { ...s, cachedBucketBytes: this.segment?.cachedBytes() ?? 0, gen: this.manifest.gen };
  }

  private maybeCompact(): void {
    const overDocs = this.delta.docs >= (this.opts.compactAfterDocs ?? 150);
    const overBytes = this.log.size >= (this.opts.compactAfterBytes ?? 1.5 * 2 ** 20);
    if (this.autoPending || this.closed || !(overDocs || overBytes)) return;
    this.autoPending = true;
    this.compact()
      .catch((e: unknown) => (this.opts.onError ? this.opts.onError(e) : console.error('search compaction failed', e)))
      .finally(() => (this.autoPending = false));
  }

  /** Merges the delta and tombstones into a new base segment (queued behind any running compaction). */
  compact(): Promise<void> {
    this.assertOpen();
    const run = this.compactChain.then(() =>
      this.compactNow().catch((e: unknown) => {
        if (e instanceof IndexDamagedError) this.markDamaged(e.message); // a bucket failed its checksum
        throw e;
      }),
    );
    this.compactChain = run.catch(() => undefined);
    return run;
  }

  private async compactNow(): Promise<void> {
    if (this.closed || (this.delta.docs === 0 && this.docs.alive === this.docs.total)) return;
    // Snapshot: the log length and the state always move together (see OpLog.flush), so reading
    // both in one tick gives a consistent cut.
    const snapBytes = this.log.size;
    const input = {
      base: this.segment,
      delta: this.delta,
      docs: this.docs,
      bucketCount: this.manifest.buckets,
      total: this.docs.total,
      dead: this.docs.dead.slice(0, this.docs.total),
    };
    const gen = this.manifest.gen + 1;
    const segName = `seg-${gen}.kbs`;
    const logName = `log-${gen}.jsonl`;
    const segPath = path.join(this.dir, segName);
    const tmp = `${segPath}.tmp`;
    let out;
    try {
      out = await buildSegment(input, tmp);
      await fs.promises.rename(tmp, segPath);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw e;
    }
    const newLog = await fs.promises.open(path.join(this.dir, logName), 'w+');
    let newSeg: SegmentReader | null = null;
    await this.log.hold();
    try {
      // From here to the manifest write nothing awaits, so no add can slip between the cut and the switch.
      const tail = Buffer.alloc(this.log.size - snapBytes);
      if (tail.length > 0) fs.readSync(this.log.fd, tail, 0, tail.length, snapBytes);
      fs.writeSync(newLog.fd, tail);
      fs.fsyncSync(newLog.fd);
      fsyncDir(this.dir);
      newSeg = SegmentReader.open(segPath);
      const m: Manifest = { ...this.manifest, gen, segment: segName, log: logName };
      writeManifest(this.dir, m); // the commit point
      const old = { seg: this.segment, log: this.manifest.log };
      this.manifest = m;
      this.segment = newSeg;
      this.docs = new DocTable(out.ids, out.lens);
      this.delta = new Delta(m.buckets);
      this.log.release({ fh: newLog, size: tail.length }); // queued appends only start writing after this tick
      this.replay(parseLog(tail).ops);
      old.seg?.close();
      // Best effort: Windows may still hold the old log open for a moment; open() sweeps leftovers.
      for (const f of [old.seg?.file, path.join(this.dir, old.log)]) {
        if (f !== undefined) this.removals.push(fs.promises.rm(f, { force: true }).catch(() => undefined));
      }
    } catch (e) {
      if (this.segment !== newSeg) {
        newSeg?.close();
        await newLog.close().catch(() => undefined);
        fs.rmSync(segPath, { force: true });
        fs.rmSync(path.join(this.dir, logName), { force: true });
        this.log.release();
      }
      throw e;
    }
  }

  /** Empties the index (after damage found at run time); the caller then re-adds every article. */
  async reset(): Promise<void> {
    await this.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    const fresh = await Engine.load(this.dir, this.opts);
    this.manifest = fresh.manifest;
    this.segment = fresh.segment;
    this.log = fresh.log;
    this.docs = fresh.docs;
    this.delta = fresh.delta;
    this.compactChain = Promise.resolve();
    this.status = 'ok';
    this.damage = undefined;
    this.closed = false;
  }

  /** Waits for pending appends and compaction, then releases files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true; // queued compactions return at once; a running one finishes first
    await this.compactChain;
    await this.log.close();
    this.segment?.close();
    await Promise.all(this.removals.splice(0));
  }
}
