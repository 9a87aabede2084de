/** Rolling backups of library.json in `backups/`: the last 10 good copies, newest first. */
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { migrate, type LibraryData } from './schema';

/** How many backups are kept. */
export const BACKUPS_KEPT = 10;
const PREFIX = 'library-';

/** A file-name-safe timestamp that sorts in time order. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Backup file names, newest first. */
export async function listBackups(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'backups'));
    return names
      .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
      .sort()
      .reverse()
      .map((n) => join(dir, 'backups', n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Copies a known-good library.json into backups/ (via a temp name, so a torn copy never looks real) and prunes old ones. */
export async function backupLibraryFile(dir: string, now: Date): Promise<string> {
  const backups = join(dir, 'backups');
  await mkdir(backups, { recursive: true });
  const target = join(backups, `${PREFIX}${stamp(now)}.json`);
  const temp = `${target}.tmp`;
  await copyFile(join(dir, 'library.json'), temp);
  await rename(temp, target);
  const all = await listBackups(dir);
  await Promise.all(all.slice(BACKUPS_KEPT).map((p) => rm(p, { force: true })));
  return target;
}

/** The time a backup was taken, read back from its name. */
function backupTime(path: string): number {
  const match = /library-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(path);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`) : 0;
}

/** Age in ms of the newest backup (by the clock that named it), or Infinity when there is none. */
export async function newestBackupAge(dir: string, now: Date): Promise<number> {
  const [newest] = await listBackups(dir);
  return newest ? now.getTime() - backupTime(newest) : Infinity;
}

/** The newest backup that parses and migrates, with its path; null when none is good. */
export async function newestGoodBackup(dir: string): Promise<{ path: string; data: LibraryData } | null> {
  for (const path of await listBackups(dir)) {
    try {
      const { data } = migrate(JSON.parse(await readFile(path, 'utf8')));
      return { path, data };
    } catch {
      // A damaged backup is skipped; an older one may still be good.
    }
  }
  return null;
}
