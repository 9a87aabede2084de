/**
 * Reads a ZIP export entry by entry (fflate's streaming Unzip) with limits, so a zip bomb or a
 * hostile archive is refused before it fills memory: entry count, bytes per entry and in all,
 * expansion ratio, and names that are absolute or climb out of the folder (`../`).
 */
import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { zipUnsafe, malformed } from './errors';

/** The limits a ZIP is read under. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest expansion (uncompressed / compressed bytes) once past 1 MB out. */
  maxRatio: number;
}

/** Limits for an export: generous for real libraries, far below what a bomb expands to. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
};

/** Whether an entry name is a safe relative path (no root, no drive, no `..`, no NUL). */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0')) return false;
  if (/^([a-z]:)?[\\/]/i.test(name)) return false;
  return !name.split(/[\\/]+/).some((part) => part === '..');
}

/**
 * Reads the entries `want` accepts into memory and returns them by name. Every entry's name is
 * checked (a traversal refuses the whole file, wanted or not); limits apply to what is inflated.
 */
export async function readZip(path: string, want: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let failure: Error | null = null;
  let entries = 0;
  let totalOut = 0;
  let totalIn = 0;
  const fail = (error: Error): void => {
    failure ??= error;
  };
  const unzip = new Unzip((file: UnzipFile) => {
    entries += 1;
    if (entries > limits.maxEntries) return fail(zipUnsafe(`more than ${limits.maxEntries} entries`));
    if (!safeEntryName(file.name)) return fail(zipUnsafe(`the entry name "${file.name.slice(0, 200)}" leaves the folder`));
    if (file.name.endsWith('/') || !want(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) return fail(malformed('ZIP', error.message));
      size += data.length;
      totalOut += data.length;
      if (size > limits.maxEntryBytes) return stop(file, zipUnsafe(`${file.name} unpacks to more than ${limits.maxEntryBytes} bytes`));
      if (totalOut > limits.maxTotalBytes) return stop(file, zipUnsafe(`it unpacks to more than ${limits.maxTotalBytes} bytes`));
      if (totalOut > 1024 * 1024 && totalOut / Math.max(1, totalIn) > limits.maxRatio) {
        return stop(file, zipUnsafe(`it expands more than ${limits.maxRatio} times (a zip bomb)`));
      }
      chunks.push(data);
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  const stop = (file: UnzipFile, error: Error): void => {
    fail(error);
    file.terminate();
  };
  unzip.register(UnzipInflate);
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      totalIn += chunk.length;
      try {
        unzip.push(chunk);
      } catch (error) {
        fail(malformed('ZIP', error instanceof Error ? error.message : String(error)));
      }
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    fail(malformed('ZIP', error instanceof Error ? error.message : String(error)));
  } finally {
    stream.destroy();
  }
  if (failure) throw failure;
  if (entries === 0) throw malformed('ZIP', 'no entries');
  return files;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
