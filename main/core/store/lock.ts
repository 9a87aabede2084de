/**
 * One writer per library: `kabar.lock` in the data folder names the process that has the
 * library open for writing (the app, or a CLI command). A lock left by a crashed process is
 * recognised (its pid is gone on this machine, or it stopped refreshing the file) and cleared.
 */
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import fs from 'node:fs';
import { KabarError } from '../errors';
import { storageError } from './atomic';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'kabar.lock';

/** What a lock file holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Who holds it: 'app' or 'cli' (shown in the message). */
  owner: string;
}

/** A held lock: release it when the library closes. */
export interface WriteLock {
  readonly path: string;
  /** No other open in this process shares the lock: leftovers of earlier writers can be tidied. */
  readonly sole: boolean;
  release(): void;
}

/** A holder refreshes the lock's mtime this often; a lock older than STALE_AFTER_MS is from a crash. */
const HEARTBEAT_MS = 60_000;
/** Long enough that a live holder (even a suspended laptop's) is never taken for dead within a session. */
const STALE_AFTER_MS = 10 * 60_000;
/**
 * Data folders this process has locked, with how many opens share the lock. The lock keeps other
 * processes out; within one process a reopen (tests simulate a crash that way) shares it.
 */
const heldHere = new Map<string, number>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): { info: LockInfo | null; ino: number; ageMs: number } | null {
  let text: string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw storageError(error, path);
  }
  let info: LockInfo | null = null;
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') info = parsed as LockInfo;
  } catch {
    info = null;
  }
  return { info, ino: stat.ino, ageMs: Date.now() - stat.mtimeMs };
}

/** Why a found lock is stale, or null when its holder may still be running. */
export function staleReason(info: LockInfo | null, ageMs: number, dir: string): string | null {
  if (ageMs > STALE_AFTER_MS) return 'not refreshed for over ten minutes';
  if (info === null) return ageMs > 5_000 ? 'unreadable' : null;
  if (info.hostname !== hostname()) return null;
  if (info.pid === process.pid) return heldHere.has(dir) ? null : 'left by an earlier process with this pid';
  return isAlive(info.pid) ? null : `process ${info.pid} is gone`;
}

function lockedError(dir: string, info: LockInfo | null): KabarError {
  const who = info?.owner === 'cli' ? 'another kabar command' : 'Kabar';
  return new KabarError(
    'LIBRARY_LOCKED',
    `The library in ${dir} is open in ${who}${info ? ` (pid ${info.pid} on ${info.hostname})` : ''}. Close it there, or use a command that only reads (list, show, search).`,
    { dir, owner: info?.owner ?? 'app', pid: info?.pid ?? 0 },
  );
}

/** Creates the lock with its content in one step: link() of a filled temp file fails if the lock exists. */
function createLock(path: string, info: LockInfo): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, JSON.stringify(info));
    try {
      fs.linkSync(temp, path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      // A file system without hard links: an exclusive create (content follows a moment later).
      fs.writeFileSync(path, JSON.stringify(info), { flag: 'wx' });
      return true;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw storageError(error, path);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Moves a stale lock out of the way. It is renamed first and checked to still be the file judged
 * stale: if another process replaced it meanwhile, its fresh lock is put back and we give way.
 */
function clearStale(path: string, ino: number): boolean {
  const aside = `${path}.stale-${process.pid}`;
  try {
    fs.renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw storageError(error, path);
  }
  const same = fs.statSync(aside).ino === ino;
  if (!same) {
    try {
      fs.linkSync(aside, path);
    } catch {
      // The lock was retaken once more; that holder's file stands.
    }
  }
  fs.rmSync(aside, { force: true });
  return same;
}

/** Removes temp files of lock attempts by processes that died between writing and linking. */
function sweepTemps(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const match = /^kabar\.lock\.(\d+)\.tmp$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !isAlive(Number(match[1]))) fs.rmSync(join(dir, name), { force: true });
  }
}

/**
 * Takes the write lock of the library in `dir`. Throws LIBRARY_LOCKED when a live process holds
 * it, LIBRARY_READ_ONLY when the folder cannot be written. A stale lock is cleared.
 */
export function acquireWriteLock(folder: string, owner: 'app' | 'cli'): WriteLock {
  const dir = resolve(folder);
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), owner };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createLock(path, info)) return held(dir, path);
    const found = readLock(path);
    if (found === null) continue;
    if (found.info?.pid === process.pid && found.info.hostname === info.hostname && heldHere.has(dir)) return held(dir, path);
    if (staleReason(found.info, found.ageMs, dir) === null) throw lockedError(dir, found.info);
    clearStale(path, found.ino);
    try {
      sweepTemps(dir);
    } catch {
      // Tidying only.
    }
  }
  throw lockedError(dir, readLock(path)?.info ?? null);
}

function held(dir: string, path: string): WriteLock {
  const sole = !heldHere.has(dir);
  heldHere.set(dir, (heldHere.get(dir) ?? 0) + 1);
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(path, now, now, () => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    path,
    sole,
    release: () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      const left = (heldHere.get(dir) ?? 1) - 1;
      if (left > 0) {
        heldHere.set(dir, left);
        return;
      }
      heldHere.delete(dir);
      const found = readLock(path);
      if (found?.info?.pid === process.pid) fs.rmSync(path, { force: true });
    },
  };
}

/** Who holds the lock of `dir` now (null when nobody, or only a stale lock is there). */
export function lockHolder(dir: string): LockInfo | null {
  const found = readLock(join(dir, LOCK_FILE));
  if (found === null || staleReason(found.info, found.ageMs, dir) !== null) return null;
  return found.info;
}
