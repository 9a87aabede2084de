/**
 * The fetch queue's file, `fetch-queue.json` in the data folder: whether fetching is paused, and
 * each retried link's attempts and next try. Which links wait is the library's own record (a link
 * entry's `link.state`, journaled with the entry), so a crash between the two loses nothing: a
 * link whose schedule was lost is simply tried again now.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util';

/** The queue file's name inside the data folder. */
export const QUEUE_FILE = 'fetch-queue.json';

/** A link's retry schedule. */
export interface RetryInfo {
  attempts: number;
  /** Epoch ms before which it is not tried again. */
  nextAt: number;
}

/** What the queue file holds. */
export interface QueueData {
  version: 1;
  paused: boolean;
  retry: Record<string, RetryInfo>;
}

function isRetry(value: unknown): value is RetryInfo {
  const v = value as Partial<RetryInfo> | null;
  return typeof v === 'object' && v !== null && Number.isFinite(v.attempts) && Number.isFinite(v.nextAt);
}

/** Reads the queue file; a missing or damaged one is an empty queue (the library still knows every waiting link). */
export async function loadQueue(dir: string): Promise<QueueData> {
  const empty: QueueData = { version: 1, paused: false, retry: {} };
  try {
    const raw = JSON.parse(await readFile(join(dir, QUEUE_FILE), 'utf8')) as Partial<QueueData>;
    const retry: Record<string, RetryInfo> = {};
    if (raw.retry && typeof raw.retry === 'object') for (const [id, info] of Object.entries(raw.retry)) if (isRetry(info)) retry[id] = info;
    return { version: 1, paused: raw.paused === true, retry };
  } catch {
    return empty;
  }
}

/** Writes the queue file atomically (temp file, fsync, rename). */
export async function saveQueue(dir: string, data: QueueData): Promise<void> {
  await writeFileAtomic(join(dir, QUEUE_FILE), JSON.stringify(data));
}
