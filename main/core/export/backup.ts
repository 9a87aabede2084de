/**
 * Whole-library backup and restore: one .tar.gz holding library.json, every article file
 * (bodies and translations) and media, plus a manifest of SHA-256 sums. Restore checks the
 * archive completely before anything in the current library is touched.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as tar from 'tar';
import { KabarError } from '../errors';
import { migrate, stamp } from '../store';
import { sha256File } from '../util';

/** The files a backup holds, with their SHA-256. */
interface Manifest {
  kabarBackup: 1;
  createdAt: string;
  files: Record<string, string>;
}

const PARTS = ['library.json', 'articles', 'media'];
/** Names an archive entry may have: the library's own files only. */
const ENTRY = /^(manifest\.json|library\.json|articles\/[a-f0-9]{16,64}\.json|media\/[a-f0-9]{64}\.[a-z0-9]{2,5})$/;
const MAX_ENTRY_BYTES = 100 * 1024 * 1024;

async function filesUnder(root: string, part: string): Promise<string[]> {
  const path = join(root, part);
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [part];
  const names = await readdir(path);
  return names.filter((n) => !n.startsWith('.')).map((n) => `${part}/${n}`);
}

/** Writes a backup of the library folder `dir` (compact the library first) to `outFile`. */
export async function createBackup(dir: string, outFile: string, now: Date): Promise<{ files: number; bytes: number }> {
  const files = (await Promise.all(PARTS.map((p) => filesUnder(dir, p)))).flat();
  const manifest: Manifest = { kabarBackup: 1, createdAt: now.toISOString(), files: {} };
  for (const file of files) manifest.files[file] = await sha256File(join(dir, file));
  const manifestPath = join(dir, `.manifest-${process.pid}.json`);
  await writeFile(manifestPath, JSON.stringify(manifest));
  try {
    await tar.c(
      {
        gzip: true,
        file: outFile,
        cwd: dir,
        portable: true,
        onWriteEntry: (entry) => {
          if (entry.path === relative(dir, manifestPath)) entry.path = 'manifest.json';
        },
      },
      [relative(dir, manifestPath), ...files],
    );
  } finally {
    await rm(manifestPath, { force: true });
  }
  return { files: files.length, bytes: (await stat(outFile)).size };
}

/** Unpacks and checks an archive into a fresh folder; throws BACKUP_INVALID with the reason. */
async function unpackVerified(archive: string, into: string): Promise<Manifest> {
  await mkdir(into, { recursive: true });
  const rejected: string[] = [];
  await tar
    .x({
      file: archive,
      cwd: into,
      strict: true,
      filter: (path, entry) => {
        const ok = ENTRY.test(path) && 'type' in entry && entry.type === 'File' && (entry.size ?? 0) <= MAX_ENTRY_BYTES;
        if (!ok) rejected.push(path);
        return ok;
      },
    })
    .catch((error: Error) => {
      throw new KabarError('BACKUP_INVALID', `This is not a readable Kabar backup (${error.message}).`);
    });
  if (rejected.length) throw new KabarError('BACKUP_INVALID', `The backup holds unexpected entries: ${rejected.slice(0, 3).join(', ')}.`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(into, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.kabarBackup !== 1) throw new Error('not a Kabar backup');
    migrate(JSON.parse(await readFile(join(into, 'library.json'), 'utf8')));
  } catch (error) {
    throw new KabarError('BACKUP_INVALID', `The backup's library is unreadable (${(error as Error).message}).`);
  }
  for (const [file, sum] of Object.entries(manifest.files)) {
    if (!ENTRY.test(file) || file.split('/').includes('..') || file.includes(sep + sep)) {
      throw new KabarError('BACKUP_INVALID', `The backup names an unexpected file: ${file}.`);
    }
    const actual = await sha256File(join(into, file)).catch(() => 'missing');
    if (actual !== sum) throw new KabarError('BACKUP_INVALID', `The backup is damaged: ${file} does not match its checksum.`);
  }
  return manifest;
}

/**
 * Restores a backup into the library folder `dir` (which must not be open). The current
 * library is moved to `replaced-<time>/` only after the archive is fully verified.
 */
export async function restoreBackup(dir: string, archive: string, now: Date): Promise<{ files: number; previous: string }> {
  await stat(archive).catch(() => {
    throw new KabarError('FILE_NOT_FOUND', `No backup file at ${archive}.`, { path: archive });
  });
  const staging = join(dir, `.restore-${stamp(now)}`);
  let manifest: Manifest;
  try {
    manifest = await unpackVerified(archive, staging);
  } catch (error) {
    // A refused archive may still have an extraction write settling: retry the removal (ENOTEMPTY)
    // rather than let a cleanup race hide the real reason (BACKUP_INVALID).
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
    throw error;
  }
  const previous = join(dir, `replaced-${stamp(now)}`);
  await mkdir(previous, { recursive: true });
  for (const part of [...PARTS, 'library.journal', 'library.journal.1', 'index']) {
    await rename(join(dir, part), join(previous, part)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  for (const part of PARTS) {
    await rename(join(staging, part), join(dir, part)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  await rm(staging, { recursive: true, force: true });
  return { files: Object.keys(manifest.files).length, previous };
}
