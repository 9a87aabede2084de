/** The one bounded-concurrency helper (main/core/util): the limit is observed with real timers, order and failures are kept. */
import { describe, expect, it } from 'vitest';
import { mapLimit, runWorkers } from '../../../main/core/util';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A task that records how many tasks are in flight at once. */
function meter(): { task: (n: number) => Promise<number>; peak: () => number; started: number[] } {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  return {
    started,
    peak: () => peak,
    task: async (n: number) => {
      started.push(n);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await sleep(5 + ((n * 7) % 11)); // uneven durations, so workers finish out of order
      inFlight -= 1;
      return n * 2;
    },
  };
}

describe('mapLimit', () => {
  it('never runs more than the limit at once, reaches the limit, and keeps the input order', async () => {
    for (const limit of [1, 3, 8]) {
      const m = meter();
      const items = Array.from({ length: 25 }, (_, i) => i);
      const results = await mapLimit(items, limit, m.task);
      expect(results).toEqual(items.map((n) => n * 2));
      expect(m.peak()).toBe(limit);
      expect(m.started).toEqual(items); // taken in order
    }
  });

  it('runs fewer at once when there are fewer items, and handles an empty list', async () => {
    const m = meter();
    expect(await mapLimit([1, 2], 8, m.task)).toEqual([2, 4]);
    expect(m.peak()).toBe(2);
    expect(await mapLimit([], 4, m.task)).toEqual([]);
  });

  it('treats a limit below 1 or not a number as one at a time', async () => {
    for (const limit of [0, -3, Number.NaN, 0.5]) {
      const m = meter();
      await mapLimit([1, 2, 3, 4], limit, m.task);
      expect(m.peak()).toBe(1);
    }
  });

  it('after a failure starts nothing new, waits for running tasks, then rejects with the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapLimit(Array.from({ length: 20 }, (_, i) => i), 3, async (n) => {
      started.push(n);
      await sleep(n === 1 ? 5 : 30);
      if (n === 1) throw new Error('item 1 failed');
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(started).toEqual([0, 1, 2]);
    // Items 0 and 2 were running when 1 failed: they finished before the call rejected.
    expect(finished.sort()).toEqual([0, 2]);
  });
});

describe('runWorkers', () => {
  it('starts exactly `count` workers (at least one) and waits for all of them', async () => {
    const slots: number[] = [];
    let ended = 0;
    await runWorkers(4, async (slot) => {
      slots.push(slot);
      await sleep(10);
      ended += 1;
    });
    expect(slots).toEqual([0, 1, 2, 3]);
    expect(ended).toBe(4);
    let ran = 0;
    await runWorkers(0, async () => {
      ran += 1;
    });
    expect(ran).toBe(1);
  });
});
