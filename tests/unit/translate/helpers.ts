/** Shared pieces of the translation tests: a library with the seed, and PATH tricks. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFromFile } from '../../../main/core/articles';
import { openLibrary, type Library } from '../../../main/core/store';
import { findExecutable } from '../../../main/core/translate/apertium';
import { SEED, tempDir } from '../helpers';

/** The real apertium executable (tests need it: CI installs it). */
export const APERTIUM = findExecutable('apertium', process.env);

/** Opens a library in a new temp folder and imports files into it; returns the ids too. */
export async function libraryWith(...files: string[]): Promise<{ library: Library; dir: string; ids: string[] }> {
  const dir = await tempDir('kabar-translate-');
  const library = await openLibrary({ dir });
  const ids: string[] = [];
  for (const file of files) ids.push((await library.add(await extractFromFile(file))).meta.id);
  return { library, dir, ids };
}

/** The seed article in a fresh library. */
export async function seedLibrary(): Promise<{ library: Library; dir: string; id: string }> {
  const { library, dir, ids } = await libraryWith(SEED);
  return { library, dir, id: ids[0] as string };
}

/**
 * A folder with an `apertium` wrapper that runs the real one, but exits 1 when the input contains
 * `marker` (a paragraph the "engine" cannot translate).
 */
export async function failingApertium(marker: string): Promise<string> {
  const dir = await tempDir('kabar-fake-apertium-');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'apertium');
  await writeFile(
    file,
    `#!/bin/sh\nfor last; do :; done\nif grep -q '${marker}' "$last"; then echo "simulated failure" >&2; exit 1; fi\nexec ${APERTIUM ?? 'apertium'} "$@"\n`,
  );
  await chmod(file, 0o755);
  return dir;
}
