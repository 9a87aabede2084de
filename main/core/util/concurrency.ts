/** Bounded concurrency: run async work over a list with at most N tasks in flight. */

/** A limit made safe: a whole number of at least 1 (NaN and anything below 1 mean one at a time). */
function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : limit === Infinity ? Number.MAX_SAFE_INTEGER : 1;
}

/**
 * Runs `count` copies of a worker loop at once and waits for all of them. For schedulers that
 * pick their own next item (e.g. one request per host at a time); for a plain list use mapLimit.
 */
export async function runWorkers(count: number, worker: (slot: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: clampLimit(count) }, (_, slot) => worker(slot)));
}

/**
 * Calls `task` for every item with at most `limit` calls in flight, and returns the results in the
 * items' order. Items are taken in order. When a task throws, no further item is started; the
 * call waits for the tasks already running, then rejects with the first error (so no work
 * outlives the call).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (next < items.length && failures.length === 0) {
      const at = next++;
      try {
        results[at] = await task(items[at] as T, at);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await runWorkers(Math.min(clampLimit(limit), items.length), worker);
  if (failures.length > 0) throw failures[0];
  return results;
}
