/**
 * Fuzzing IPC argument validation: for every invoke channel, random argument lists (odd types,
 * prototype keys, huge and sparse arrays, typed arrays, boxed values) either validate or become
 * INVALID_ARGUMENT; nothing throws past validation, and nothing pollutes prototypes.
 */
import fc from 'fast-check';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../main/handlers';
import { CHANNEL_NAMES as CHANNELS, parseArgs } from '../../../main/wire';
import { answer } from '../../../main/wire';
import { PER_INPUT_MS, report, stats } from './fuzz';

const SEED = Number(process.env.KABAR_FUZZ_SEED ?? 6006);
const RUNS_PER_CHANNEL = 300;

/** Keys the schemas know (so random objects sometimes get deep into validation) and hostile ones. */
const KEYS = [
  'tags', 'bookmarked', 'unread', 'lang', 'feedId', 'trash', 'sort', 'order', 'offset', 'limit', 'name', 'data', 'locale', 'theme',
  'fontSize', 'fontFamily', 'title', 'button', 'filterName', 'file', 'quit', 'url', 'folder', 'id', '__proto__', 'constructor', 'prototype',
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    key: fc.constantFrom(...KEYS),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withBoxedValues: true,
    maxDepth: 3,
  }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', 'a'.repeat(9000), 'javascript:alert(1)', 'https://example.com/', 'file:///etc/passwd', 'savedAt', 'dark', 'serif', 'en'),
  fc.boolean(),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, 1, 0.5, -1, 1e308, Number.NaN, Infinity)),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }),
  fc.uint8Array({ maxLength: 64 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string({ maxLength: 20 }), fc.boolean(), fc.integer(), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }))),
);

// Records that the handler ran (validation passed); the real core is not wanted here. The Proxy
// answers every channel, which the Handlers type cannot express; it is no thenable (`then`), or
// awaiting it would never settle.
const handlers = new Proxy({}, { get: (_target, key) => (key === 'then' ? undefined : async () => 'ran') }) as unknown as Handlers;

describe('fuzzing IPC argument validation', () => {
  it(`accepts or refuses with INVALID_ARGUMENT, for every channel (${RUNS_PER_CHANNEL} runs each)`, async () => {
    const s = stats();
    let accepted = 0;
    for (const [i, channel] of CHANNELS.entries()) {
      await fc.assert(
        fc.asyncProperty(fc.array(value, { maxLength: 4 }), async (args) => {
          const started = performance.now();
          let parsed: unknown[] | null = null;
          try {
            parsed = parseArgs(channel, args) as unknown[];
          } catch (error) {
            if (!(error instanceof ZodError)) throw new Error(`${channel}: validation crashed with ${String(error)}`, { cause: error });
          }
          const wire = await answer(channel, args, async () => handlers);
          const took = performance.now() - started;
          s.runs += 1;
          s.slowestMs = Math.max(s.slowestMs, took);
          expect(took).toBeLessThan(PER_INPUT_MS);
          if (parsed) {
            accepted += 1;
            s.results += 1;
            expect(wire).toEqual({ ok: true, value: 'ran' });
            expect(parseArgs(channel, parsed)).toEqual(parsed); // what passed stays valid
          } else {
            s.kabarErrors += 1;
            expect(wire.ok).toBe(false);
            if (!wire.ok) expect(wire.error.code).toBe('INVALID_ARGUMENT');
          }
        }),
        { seed: SEED + i, numRuns: RUNS_PER_CHANNEL },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    report(`IPC validation (${CHANNELS.length} channels)`, s, SEED);
    console.log(`[fuzz] IPC: ${accepted} argument lists accepted, the rest refused with INVALID_ARGUMENT`);
  }, 120_000);
});
