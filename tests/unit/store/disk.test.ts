/**
 * A data folder that cannot be written, and a full disk, on real file systems: a tmpfs remounted
 * read-only (root ignores chmod, so that is the real mechanism here; as another user chmod 0555 is)
 * and a tiny tmpfs filled to the last page. Writes fail with LIBRARY_READ_ONLY / DISK_FULL, nothing
 * on disk changes, and reading goes on.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { KabarError } from '../../../main/core/errors';
import { openLibrary } from '../../../main/core/store';
import { readJournal } from '../../../main/core/store/journal';
import { createHandlers } from '../../../main/handlers';
import { article } from '../helpers';

const mounts: string[] = [];

/** A fresh tmpfs of `size`, or the reason none can be mounted here. */
function mountTmpfs(size: string): { dir: string } | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kabar-fs-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `mount -t tmpfs failed: ${(result.stderr || String(result.error)).trim()}` };
  }
  mounts.push(dir);
  return { dir };
}

afterEach(() => {
  for (const dir of mounts.splice(0)) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

async function codeOf(work: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof work === 'function' ? work() : work);
    return 'no error';
  } catch (error) {
    return error instanceof KabarError ? error.code : `not a KabarError: ${String(error)}`;
  }
}

/** Every file under `dir` with its SHA-256, to prove nothing changed. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex');
  }
  return out;
}

/**
 * Makes `dir` unwritable the way the machine allows: a read-only remount (works for root, whom
 * chmod does not stop) or chmod 0555 for an ordinary user.
 */
function makeReadOnly(dir: string, mounted: boolean): string | null {
  if (mounted) {
    const result = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
    return result.status === 0 ? null : `remount,ro failed: ${result.stderr.trim()}`;
  }
  if (process.getuid?.() === 0) return 'running as root without mount: chmod does not stop root';
  for (const sub of ['', 'articles', 'index', 'backups', 'media']) chmodSync(join(dir, sub), 0o555);
  return null;
}

const cliIo = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {}, cwd: tmpdir() } };
};

describe('a read-only data folder', () => {
  it('opens for reading in the app and CLI reads; every write says LIBRARY_READ_ONLY; nothing changes on disk', async (ctx) => {
    const mounted = mountTmpfs('16m');
    if ('skipped' in mounted) {
      console.log(`[disk] read-only folder SKIPPED: ${mounted.skipped}`);
      ctx.skip();
      return;
    }
    const dir = join(mounted.dir, 'library');
    const setup = await openLibrary({ dir });
    const id = (await setup.add(article({ title: 'Hanya baca', url: 'https://example.com/ro' }), { tags: ['arsip'] })).meta.id;
    await setup.close();
    const why = makeReadOnly(mounted.dir, true);
    if (why) {
      console.log(`[disk] read-only folder SKIPPED: ${why}`);
      ctx.skip();
      return;
    }
    const before = snapshot(dir);

    expect(await codeOf(openLibrary({ dir }))).toBe('LIBRARY_READ_ONLY');
    const library = await openLibrary({ dir, readOnlyFallback: true });
    expect(library.readOnly).toBe(true);
    expect(library.list().total).toBe(1);
    expect((await library.get(id)).blocks.length).toBeGreaterThan(0);
    expect((await library.search('hanya')).map((h) => h.id)).toEqual([id]);
    expect(await codeOf(() => library.setBookmarked(id, true))).toBe('LIBRARY_READ_ONLY');
    expect(library.meta(id).bookmarked).toBe(false);
    expect(await codeOf(() => library.addTags(id, ['baru']))).toBe('LIBRARY_READ_ONLY');
    expect(await codeOf(library.add(article({ title: 'Tidak bisa', url: 'https://example.com/no' })))).toBe('LIBRARY_READ_ONLY');
    expect(await codeOf(library.delete(id))).toBe('LIBRARY_READ_ONLY');
    await library.close();

    // The app's handlers: reads answer, writes reject with the code the interface translates.
    const set = await createHandlers({
      dataDir: dir,
      version: 'test',
      systemLocale: 'en',
      mediaBase: 'kabar-media://media/',
      openExternal: async () => undefined,
      emit: () => undefined,
      chooseFiles: async () => [],
      setMenuStrings: () => undefined,
    });
    expect((await set.handlers['library:list']({})).total).toBe(1);
    expect(await codeOf(set.handlers['article:setBookmarked'](id, true))).toBe('LIBRARY_READ_ONLY');
    await set.close();

    const list = cliIo();
    expect(await runCli(['--data', dir, '--json', 'list'], list.io)).toBe(0);
    expect(list.out.join('')).toContain(id);
    const tag = cliIo();
    expect(await runCli(['--data', dir, '--json', 'tag', id.slice(0, 8), 'x'], tag.io)).toBe(1);
    expect(JSON.parse(tag.err.join('')).error.code).toBe('LIBRARY_READ_ONLY');
    expect(snapshot(dir)).toEqual(before);
  });
});

/** Fills the file system of `dir` to the last byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (let size = chunk.length; size >= 1; ) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe('a full disk', () => {
  it('fails writes with DISK_FULL, keeps every confirmed change and the old files, and keeps reading', async (ctx) => {
    const mounted = mountTmpfs('3m');
    if ('skipped' in mounted) {
      console.log(`[disk] full disk SKIPPED: ${mounted.skipped}`);
      ctx.skip();
      return;
    }
    const dir = join(mounted.dir, 'library');
    const library = await openLibrary({ dir });
    const id = (await library.add(article({ title: 'Disk penuh', url: 'https://example.com/full' }))).meta.id;
    await library.saveTranslation(id, { lang: 'en', title: 'Disk full', blocks: [{ type: 'paragraph', text: 'Full.' }], engine: 'apertium', createdAt: '2026-01-01T00:00:00.000Z' });
    const articleFile = join(dir, 'articles', `${id}.json`);
    const articleBytes = readFileSync(articleFile);
    const filler = fillDisk(mounted.dir);
    expect(statSync(filler).size).toBeGreaterThan(0);

    expect(await codeOf(library.add(article({ title: 'Tidak muat', url: 'https://example.com/nofit' })))).toBe('DISK_FULL');
    expect(library.list().total).toBe(1);
    // A batch add (a feed refresh, an import) writes its files on the file writer's worker thread:
    // the worker's ENOSPC comes back as the same DISK_FULL, and nothing of the batch is listed.
    const batch = Array.from({ length: 30 }, (_, i) => ({ extracted: article({ title: `Kumpulan ${i}`, url: `https://example.com/batch/${i}` }) }));
    expect(await codeOf(library.addMany(batch))).toBe('DISK_FULL');
    expect(library.list().total).toBe(1);
    // Metadata edits go to the journal's last page until it is full; then DISK_FULL, with memory
    // still matching the disk.
    let confirmed = false;
    let failure = 'no error';
    for (let i = 0; i < 400 && failure === 'no error'; i += 1) {
      failure = await codeOf(() => library.setBookmarked(id, !confirmed));
      if (failure === 'no error') confirmed = !confirmed;
    }
    expect(failure).toBe('DISK_FULL');
    expect(library.meta(id).bookmarked).toBe(confirmed);
    expect(readJournal(join(dir, 'library.journal')).dropped).toBe(0);
    expect(readFileSync(join(dir, 'library.journal'), 'utf8').endsWith('\n')).toBe(true);
    expect(await codeOf(library.saveTranslation(id, { lang: 'es', title: 'Lleno', blocks: [{ type: 'paragraph', text: 'Lleno.' }], engine: 'apertium', createdAt: '2026-01-01T00:00:00.000Z' }))).toBe('DISK_FULL');
    expect(readFileSync(articleFile)).toEqual(articleBytes);

    // Reading goes on.
    expect((await library.get(id)).translations.en?.title).toBe('Disk full');
    expect((await library.search('penuh')).map((h) => h.id)).toEqual([id]);
    const closing = await codeOf(library.close());
    expect(['no error', 'DISK_FULL']).toContain(closing);

    rmSync(filler);
    const reopened = await openLibrary({ dir });
    expect(reopened.recovery).toBeNull();
    expect(reopened.list().total).toBe(1);
    expect(reopened.meta(id).bookmarked).toBe(confirmed);
    expect(Object.keys((await reopened.get(id)).translations)).toEqual(['en']);
    await reopened.close();
    console.log(`[disk] full disk: add, batch add, ${confirmed ? 'bookmark' : 'unbookmark'} and translation refused with DISK_FULL; close gave ${closing}`);
  });
});
