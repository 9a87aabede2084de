/**
 * A ZIP archive streamed to disk with fflate, one entry at a time (memory holds one entry, not the
 * book), into a temporary file that replaces the target only once complete and flushed to disk.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** An archive being written; `commit` puts it in place, `abort` removes the partial file. */
export class ZipFile {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private failure: Error | null = null;
  private bytes = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly target: string,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else this.chunks.push(data);
    });
  }

  /** Starts an archive that will become `target`. `mtime` dates every entry (the same book twice gives the same bytes). */
  static async create(target: string, mtime: Date): Promise<ZipFile> {
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    return new ZipFile(await open(temp, 'wx'), temp, target, mtime);
  }

  /** Adds an entry: deflated, or stored as-is (`store`: the EPUB mimetype, already-compressed images). */
  async add(name: string, data: Uint8Array, store = false): Promise<void> {
    const entry = store ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.push(data, true);
    await this.flush();
  }

  /** Finishes the archive, flushes it to disk and renames it over the target; returns its size in bytes. */
  async commit(): Promise<number> {
    this.zip.end();
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.target);
    return this.bytes;
  }

  /** Drops the partial archive (after a failure); the target is left as it was. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.chunks.length > 0) {
      const chunk = this.chunks.shift() as Uint8Array;
      // A write may take part of a buffer: go on until all of it is on disk.
      for (let done = 0; done < chunk.byteLength; ) done += (await this.handle.write(chunk, done)).bytesWritten;
      this.bytes += chunk.byteLength;
    }
  }
}
