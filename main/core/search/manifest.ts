/** The manifest names the live segment and log; replacing it atomically is what commits a compaction. */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../util';
import { IndexDamagedError } from './errors';

/** Current on-disk format; a different number means "rebuild" (the index is derived data). */
export const FORMAT_VERSION = 1;

/** Contents of `manifest.json`. */
export interface Manifest {
  format: 'kabar-search-index';
  version: number;
  /** Generation: bumped by each compaction, used in file names so old and new never collide. */
  gen: number;
  segment: string | null;
  log: string;
  buckets: number;
}

/** File name of the manifest inside the index folder. */
export const MANIFEST = 'manifest.json';

/**
 * Names of the files the index writes: cleanup never touches anything else in the folder. Temp
 * files of atomic writes are `.<name>.<pid>.<n>.tmp` (util); `manifest.json.tmp` is the older name.
 */
export const OWN_FILE = /^(seg-\d+\.kbs(\.tmp)?|log-\d+\.jsonl|manifest\.json\.tmp|\.(manifest\.json|log-\d+\.jsonl)\.\d+\.\d+\.tmp)$/;

/** Reads the manifest: null when there is none, IndexDamagedError when it is unreadable or foreign. */
export function readManifest(dir: string): Manifest | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexDamagedError(`manifest unreadable: ${(e as Error).message}`);
  }
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw new IndexDamagedError('manifest is not valid JSON');
  }
  if (m.format !== 'kabar-search-index') throw new IndexDamagedError('manifest has an unknown format');
  if (m.version !== FORMAT_VERSION) throw new IndexDamagedError(`index format ${String(m.version)} ≠ ${FORMAT_VERSION}`);
  const ok =
    typeof m.gen === 'number' &&
    (m.segment === null || typeof m.segment === 'string') &&
    typeof m.log === 'string' &&
    typeof m.buckets === 'number' &&
    m.buckets > 0;
  if (!ok) throw new IndexDamagedError('manifest has the wrong shape');
  return m as Manifest;
}

/** Atomically replaces the manifest. */
export function writeManifest(dir: string, m: Manifest): void {
  writeFileAtomicSync(path.join(dir, MANIFEST), JSON.stringify(m), { syncDir: true });
}

/** Creates an empty index (generation 0: an empty log, no segment) and returns its manifest. */
export function createIndex(dir: string, buckets: number): Manifest {
  const m: Manifest = { format: 'kabar-search-index', version: FORMAT_VERSION, gen: 0, segment: null, log: 'log-0.jsonl', buckets };
  writeFileAtomicSync(path.join(dir, m.log), '', { syncDir: true });
  writeManifest(dir, m);
  return m;
}
