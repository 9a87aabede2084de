/**
 * One resumable, verified file download. Bytes go to `<name>.part`; after a cancel, a crash or a
 * restart the next attempt asks only for the rest (`Range: bytes=N-`), and starts over when the
 * server ignores the range. The SHA-256 covers the kept bytes and the new ones; a file of the wrong
 * size or hash is deleted and refused, so a damaged or tampered download never becomes a pack.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { KabarError } from '../../errors';
import { translateError } from '../errors';
import { networkReason, offlineError } from './remote-settings';

/** What to fetch and what it must be. */
export interface FileToFetch {
  url: string;
  name: string;
  size: number;
  sha256: string;
}

/** Options of one download. */
export interface FetchFileOptions {
  signal?: AbortSignal;
  /** Bytes of this file now on disk (kept + new), called as they arrive. */
  onBytes?: (bytesOnDisk: number) => void;
  /** Give up when no byte arrives for this long (default 60 s). */
  stallMs?: number;
}

/** Size of a file, or -1 when absent. */
async function sizeOf(path: string): Promise<number> {
  return stat(path).then((s) => s.size, () => -1);
}

/** Feeds the first `bytes` of a file into a hash (the part kept from an earlier attempt). */
async function hashPrefix(hash: Hash, path: string, bytes: number): Promise<void> {
  if (bytes <= 0) return;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) hash.update(chunk as Buffer);
}

/** A file already complete and verified (an earlier attempt finished it). */
async function alreadyDone(path: string, file: FileToFetch): Promise<boolean> {
  if ((await sizeOf(path)) !== file.size) return false;
  const hash = createHash('sha256');
  await hashPrefix(hash, path, file.size);
  return hash.digest('hex') === file.sha256;
}

/** A failed disk operation as the error a user can act on (a full disk is DISK_FULL, not "offline"). */
export function diskError(error: unknown, path: string): KabarError {
  if (error instanceof KabarError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new KabarError('DISK_FULL', `The disk is full (writing ${path}). What was downloaded is kept; free some space and try again.`, { path });
  return new KabarError('IO', `Could not write ${path}: ${(error as Error).message}.`, { path, reason: code });
}

/** Runs a disk operation, turning its failure into DISK_FULL / IO. */
async function onDisk<T>(path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw diskError(error, path);
  }
}

function hashMismatch(file: FileToFetch): KabarError {
  return new KabarError(
    'PACK_HASH_MISMATCH',
    `The download of ${file.name} does not match the SHA-256 the server published: it was damaged or tampered with, so it was deleted. Try again.`,
    { file: file.name },
  );
}

/** Downloads `file` to `path` (resuming `path.part`), verified; returns the bytes fetched this time. */
export async function fetchFile(file: FileToFetch, path: string, options: FetchFileOptions = {}): Promise<number> {
  if (await alreadyDone(path, file)) {
    options.onBytes?.(file.size);
    return 0;
  }
  const part = `${path}.part`;
  let kept = Math.max(0, await sizeOf(part));
  if (kept > file.size) {
    await rm(part, { force: true });
    kept = 0;
  }
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const watch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.stallMs ?? 60_000);
  };
  const cancelled = (): KabarError =>
    stalled ? offlineError(file.url, `no data for ${Math.round((options.stallMs ?? 60_000) / 1000)} s`) : translateError('CANCELLED', 'The download was cancelled; what was downloaded is kept and the next attempt continues from there.');
  let fetched = 0;
  try {
    watch();
    let response: Response;
    try {
      response = await fetch(file.url, { signal: controller.signal, headers: kept > 0 ? { range: `bytes=${kept}-` } : {} });
    } catch (error) {
      if (controller.signal.aborted) throw cancelled();
      throw offlineError(file.url, networkReason(error));
    }
    if (response.status === 416 && kept > 0) {
      // The kept part no longer fits what the server has: start this file again.
      await response.body?.cancel();
      await rm(part, { force: true });
      return fetchFile(file, path, options);
    }
    if (!response.ok || !response.body) {
      throw new KabarError('HTTP_ERROR', `Could not download ${file.name}: the server answered HTTP ${response.status}.`, { status: response.status, url: file.url });
    }
    const resumed = response.status === 206 && (response.headers.get('content-range') ?? '').startsWith(`bytes ${kept}-`);
    if (!resumed) kept = 0;
    const hash = createHash('sha256');
    await hashPrefix(hash, part, kept);
    const handle = await onDisk(part, () => open(part, kept > 0 ? 'r+' : 'w'));
    let size = kept;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        watch();
        if (size + chunk.byteLength > file.size) {
          await handle.close().catch(() => undefined);
          await rm(part, { force: true });
          throw hashMismatch(file);
        }
        await onDisk(part, () => handle.write(chunk, 0, chunk.byteLength, size));
        hash.update(chunk);
        size += chunk.byteLength;
        fetched += chunk.byteLength;
        options.onBytes?.(size);
      }
      await onDisk(part, () => handle.sync());
    } catch (error) {
      if (controller.signal.aborted) throw cancelled();
      if (error instanceof KabarError) throw error;
      throw offlineError(file.url, networkReason(error));
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (size < file.size) throw offlineError(file.url, `the connection closed after ${size} of ${file.size} bytes`);
    if (hash.digest('hex') !== file.sha256) {
      await rm(part, { force: true });
      throw hashMismatch(file);
    }
    await onDisk(path, () => rename(part, path));
    return fetched;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
