/**
 * The one atomic-write helper (main/core/util): real files in temp folders, a real child process
 * killed with SIGKILL mid-write, and real failures (a missing folder, a folder where the file
 * should be).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncFileSystem, writeFileAtomic, writeFileAtomicSync, writeFilesInBackground } from '../../../main/core/util';
import { tempDir } from '../helpers';

const ROOT = resolve(__dirname, '../../..');
const TEMP = /^\.target\.bin\.\d+\.\d+\.tmp$/;

/** Starts the child, waits for its first write, lets it run `ms`, then kills it with SIGKILL. */
async function killMidWrite(target: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'atomic-child.ts'), target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) done();
    });
    child.on('exit', (code) => fail(new Error(`child exited early with ${String(code)}`)));
  });
  await new Promise((r) => setTimeout(r, ms));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('writeFileAtomic / writeFileAtomicSync', () => {
  it('creates and replaces a file, leaving no temp file behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'target.bin');
    await writeFileAtomic(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]), { durable: false });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    writeFileAtomicSync(target, 'third', { syncDir: true });
    expect(readFileSync(target, 'utf8')).toBe('third');
    expect(readdirSync(dir)).toEqual(['target.bin']);
  });

  it('concurrent writers to one file end with one whole version, never a mix', async () => {
    const dir = await tempDir();
    const target = join(dir, 'target.bin');
    const versions = Array.from({ length: 12 }, (_, i) => String.fromCharCode(65 + i).repeat(256 * 1024));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    expect(versions).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['target.bin']);
  });

  it('fails with the file system error and cleans up when the folder is missing or the target is a folder', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'target.bin'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => writeFileAtomicSync(join(dir, 'missing', 'target.bin'), 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    const occupied = join(dir, 'target.bin');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'inside'), 'keep');
    await expect(writeFileAtomic(occupied, 'x')).rejects.toHaveProperty('code');
    expect(() => writeFileAtomicSync(occupied, 'x')).toThrow();
    // The folder in the way is untouched and no temp file is left beside it.
    expect(statSync(occupied).isDirectory()).toBe(true);
    expect(readFileSync(join(occupied, 'inside'), 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['target.bin']);
  });

  it('a process killed mid-write leaves the old or the new bytes, never a torn file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'target.bin');
    const whole = new Set(['a', 'b'].map((c) => c.repeat(2 * 1024 * 1024)));
    const leftovers = new Set<string>();
    for (let run = 0; run < 6; run += 1) {
      await killMidWrite(target, 40 + run * 37);
      expect(whole.has(readFileSync(target, 'utf8'))).toBe(true);
      // A kill between open and rename may leave a temp file; it always has the temp name.
      const others = readdirSync(dir).filter((n) => n !== 'target.bin');
      for (const name of others) expect(name).toMatch(TEMP);
      for (const name of others) leftovers.add(name);
    }
    console.log(`[atomic] 6 kills mid-write: target always whole; ${leftovers.size} temp files left (named as temp)`);
  }, 120_000);
});

describe('writeFilesInBackground / syncFileSystem', () => {
  it('writes every file whole on the worker, skips a failing optional one, and fails with the error of a required one', async () => {
    const dir = await tempDir();
    const files = Array.from({ length: 600 }, (_, i) => ({ path: join(dir, `f${i}.json`), data: `{"n":${i},"pad":"${'x'.repeat(i)}"}` }));
    await writeFilesInBackground([...files, { path: join(dir, 'missing', 'cache.txt'), data: 'cache', optional: true }]);
    for (const file of files) expect(readFileSync(file.path, 'utf8')).toBe(file.data);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    const failing = writeFilesInBackground([{ path: join(dir, 'no-such-folder', 'a.json'), data: '{}' }]);
    await expect(failing).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'no-such-folder', 'a.json') });
  });

  it('flushes the whole file system on Linux, and says false for a path that is not there', async () => {
    const dir = await tempDir();
    writeFileSync(join(dir, 'a.json'), '{}');
    expect(await syncFileSystem(dir)).toBe(process.platform === 'linux');
    expect(await syncFileSystem(join(dir, 'no-such-folder'))).toBe(false);
  });
});
