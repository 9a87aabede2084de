/**
 * One writer: while a real process (standing in for the app) holds the library, CLI writes fail
 * with LIBRARY_LOCKED and reads work; after `kill -9` the stale lock is recognised and cleared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { KabarError } from '../../../main/core/errors';
import { acquireWriteLock, LOCK_FILE, lockHolder, openLibrary } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

const CHILD = join(__dirname, 'lock-child.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the child and resolves with its first line of output. */
function start(dir: string, mode: 'open' | 'race'): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve({ child, line: text.split('\n')[0] as string });
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before answering`)));
  });
}

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: '/' }).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

async function codeOf(work: () => unknown): Promise<string> {
  try {
    await work();
    return 'no error';
  } catch (error) {
    return error instanceof KabarError ? error.code : String(error);
  }
}

async function libraryWithOne(): Promise<{ dir: string; id: string }> {
  const dir = await tempDir();
  const library = await openLibrary({ dir });
  const id = (await library.add(article({ title: 'Satu penulis' }))).meta.id;
  await library.close();
  return { dir, id };
}

describe('one writer per library', () => {
  it('refuses CLI writes while another process has the library open; reads work; kill -9 leaves a lock that is cleared', async () => {
    const { dir, id } = await libraryWithOne();
    const { child, line } = await start(dir, 'open');
    expect(line).toBe('held');
    expect(lockHolder(dir)).toMatchObject({ pid: child.pid, owner: 'app' });

    const tag = await cli(['--data', dir, 'tag', id.slice(0, 8), 'baru']);
    expect(tag.code).toBe(1);
    expect(tag.err).toMatch(/open in Kabar \(pid \d+/);
    const json = await cli(['--data', dir, '--json', 'bookmark', id]);
    expect(JSON.parse(json.err).error.code).toBe('LIBRARY_LOCKED');
    expect((await cli(['--data', dir, '--json', 'restore', '/nonexistent.tar.gz'])).err).toContain('LIBRARY_LOCKED');
    expect(await codeOf(() => openLibrary({ dir }))).toBe('LIBRARY_LOCKED');

    const list = await cli(['--data', dir, '--json', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain(id);
    const search = await cli(['--data', dir, '--json', 'search', 'penulis']);
    expect(search.code).toBe(0);
    expect(search.out).toContain(id);
    expect((await cli(['--data', dir, 'show', id.slice(0, 8)])).code).toBe(0);

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // a crash leaves it behind
    expect(lockHolder(dir)).toBeNull(); // …and it is recognised as stale
    const after = await cli(['--data', dir, 'tag', id.slice(0, 8), 'baru']);
    expect(after.code).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const library = await openLibrary({ dir });
    expect(library.meta(id).tags).toEqual(['baru']);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await library.close();
  });

  it('lets exactly one of several processes racing for the lock win', async () => {
    const { dir } = await libraryWithOne();
    const answers = await Promise.all([0, 1, 2, 3].map(() => start(dir, 'race').then((r) => r.line)));
    expect(answers.filter((a) => a === 'won')).toHaveLength(1);
    expect(answers.filter((a) => a === 'LIBRARY_LOCKED')).toHaveLength(3);
  });

  it('clears a lock that stopped being refreshed, or an unreadable one, but not a fresh lock from another machine', async () => {
    const { dir } = await libraryWithOne();
    const path = join(dir, LOCK_FILE);
    const old = new Date(Date.now() - 20 * 60_000);
    writeFileSync(path, JSON.stringify({ pid: 1, hostname: 'other-machine', startedAt: old.toISOString(), owner: 'app' }));
    expect(await codeOf(() => acquireWriteLock(dir, 'cli'))).toBe('LIBRARY_LOCKED');
    utimesSync(path, old, old);
    const lock = acquireWriteLock(dir, 'cli');
    lock.release();
    writeFileSync(path, '{"pid":');
    expect(await codeOf(() => acquireWriteLock(dir, 'cli'))).toBe('LIBRARY_LOCKED'); // may be mid-write
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path, aMinuteAgo, aMinuteAgo);
    acquireWriteLock(dir, 'cli').release();
    expect(existsSync(path)).toBe(false);
  });
});
