/** Helpers for the import tests: the corpus samples, a fresh library, and export files written to temp folders. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { openLibrary, type Library } from '../../../main/core/store';
import { CORPUS, tempDir } from '../helpers';

/** The wallabag fixtures folder (MANIFEST.md, imports/wallabag/). */
export const SAMPLES = join(CORPUS, 'imports', 'wallabag');

/** A library in a new temp folder. */
export async function freshLibrary(): Promise<Library> {
  return openLibrary({ dir: await tempDir('kabar-migrate-') });
}

/** Writes a file into a new temp folder and returns its path. */
export async function writeTemp(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(await tempDir('kabar-export-'), name);
  await writeFile(path, data);
  return path;
}

/** Writes a ZIP of `files` (name → text or bytes) and returns its path. */
export async function writeZip(name: string, files: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Promise<string> {
  const entries = Object.fromEntries(Object.entries(files).map(([n, v]) => [n, typeof v === 'string' ? strToU8(v) : v]));
  return writeTemp(name, zipSync(entries, { level }));
}

/** A library's live articles by URL. */
export function byUrl(library: Library): Map<string, ReturnType<Library['meta']>> {
  return new Map(library.allMeta().filter((m) => !m.deletedAt).map((m) => [m.url ?? '', m]));
}
