/** Shared pieces of the translation tests: a library with the seed, PATH tricks, and pack folders. */
import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFromFile } from '../../../main/core/articles';
import { openLibrary, type Library } from '../../../main/core/store';
import { PACK_FILE, type PackMeta } from '../../../main/core/translate';
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

/** SHA-256 of bytes, hex. */
export const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A pack folder with made-up model bytes (valid metadata, not a real model). */
export async function fakePack(from: string, to: string, edit?: (meta: PackMeta) => void): Promise<string> {
  const dir = await tempDir(`kabar-pack-${from}${to}-`);
  const files: Record<string, Buffer> = {
    [`model.${from}${to}.intgemm.alphas.bin`]: Buffer.from(`model ${from}-${to} `.repeat(200)),
    [`lex.50.50.${from}${to}.s2t.bin`]: Buffer.from(`lex ${from}-${to} `.repeat(50)),
    [`vocab.${from}${to}.spm`]: Buffer.from(`vocab ${from}-${to} `.repeat(30)),
  };
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), data);
  const entry = (name: string): { name: string; size: number; sha256: string } => ({ name, size: (files[name] as Buffer).length, sha256: sha(files[name] as Buffer) });
  const meta: PackMeta = {
    format: 'kabar-language-pack',
    formatVersion: 1,
    engine: 'bergamot',
    from,
    to,
    version: '1.0',
    files: {
      model: entry(`model.${from}${to}.intgemm.alphas.bin`),
      lex: entry(`lex.50.50.${from}${to}.s2t.bin`),
      vocab: entry(`vocab.${from}${to}.spm`),
    },
  };
  edit?.(meta);
  await writeFile(join(dir, PACK_FILE), JSON.stringify(meta, null, 2));
  return dir;
}
