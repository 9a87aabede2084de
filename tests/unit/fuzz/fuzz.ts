/**
 * Shared pieces of the fuzz tests: corpus files as seeds, byte mutations of them, and the rule every
 * target must keep: return a result or throw a KabarError, within a time limit per input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { KabarError } from '../../../main/core/errors';
import { CORPUS } from '../helpers';

/** Longest one input may take (the machine is shared and loaded; a hang takes far longer). */
export const PER_INPUT_MS = 3000;

/** Every corpus file under `sub` (recursively) that matches `pattern` and is at most `maxBytes`. */
export function corpusFiles(sub: string, pattern: RegExp, maxBytes = 256 * 1024): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name) && statSync(path).size <= maxBytes) out.push(path);
    }
  };
  walk(join(CORPUS, sub));
  return out.sort();
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const INTERESTING = ['<', '>', '&', '"', "'", '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '\u0000', '\uFFFD', '\u202E', '<?xml version="1.0" encoding="utf-16"?>', '<meta charset="shift_jis">', '\r\n', '\n\n\n'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom(...INTERESTING).map((s) => new TextEncoder().encode(s))),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 2048 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.floor(m.at * bytes.length);
  const buf = Buffer.from(bytes);
  if (m.kind === 'flip') {
    if (bytes.length > 0) buf[Math.min(at, bytes.length - 1)] = m.value;
    return buf;
  }
  if (m.kind === 'delete') return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.length)]);
  if (m.kind === 'insert') return Buffer.concat([buf.subarray(0, at), m.bytes, buf.subarray(at)]);
  if (m.kind === 'duplicate') return Buffer.concat([buf.subarray(0, at + m.length), buf.subarray(at)]);
  return buf.subarray(0, at);
}

/** A corpus file with 1–8 mutations applied (flips, cuts, inserted markup, duplicated runs). */
export function mutatedCorpus(files: string[]): fc.Arbitrary<{ file: string; bytes: Uint8Array }> {
  const contents = new Map(files.map((f) => [f, new Uint8Array(readFileSync(f))]));
  return fc
    .record({ file: fc.constantFrom(...files), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) })
    .map(({ file, mutations }) => ({ file, bytes: mutations.reduce(apply, contents.get(file) as Uint8Array) }));
}

/** Counts and the slowest input of one target. */
export interface Stats {
  runs: number;
  results: number;
  kabarErrors: number;
  slowestMs: number;
}

/** Fresh counters. */
export function stats(): Stats {
  return { runs: 0, results: 0, kabarErrors: 0, slowestMs: 0 };
}

/**
 * Runs one input: it must return or throw a KabarError (anything else is a crash) within
 * PER_INPUT_MS. Returns the result (undefined after a KabarError) for further checks.
 */
export function mustNotCrash<T>(s: Stats, label: string, run: () => T): T | undefined {
  const started = performance.now();
  let result: T | undefined;
  try {
    result = run();
    s.results += 1;
  } catch (error) {
    if (!(error instanceof KabarError)) throw new Error(`${label}: crashed with ${String(error)}`, { cause: error });
    s.kabarErrors += 1;
  } finally {
    s.runs += 1;
  }
  const took = performance.now() - started;
  s.slowestMs = Math.max(s.slowestMs, took);
  if (took > PER_INPUT_MS) throw new Error(`${label}: took ${Math.round(took)} ms (limit ${PER_INPUT_MS} ms)`);
  return result;
}

/** One JSON line per target, like the benchmarks. */
export function report(target: string, s: Stats, seed: number): void {
  console.log(JSON.stringify({ fuzz: target, seed, ...s, slowestMs: Math.round(s.slowestMs) }));
}
