/**
 * A CSV export is parsed once: its entries go to a spool file (JSON lines, in a temp folder) while
 * every row is checked and counted, and the import then reads the spool. Parsing is the costly part
 * of a large CSV (csv-parse reads ~20 MB/s here: 10 s for 200 MB), so this halves it; entries are
 * small (a title keeps 500 characters), and memory stays flat either way.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MigrateEntry } from './entry';

/** Spool folders are named kabar-import-<pid>-<random>: the pid tells whether the import that made one still runs. */
const PREFIX = 'kabar-import-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid now; not ours to judge.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes spools left by imports that were killed (their process is gone). */
async function removeOrphanSpools(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/^kabar-import-(\d+)-/.exec(name)?.[1]);
    if (pid > 0 && pid !== process.pid && !alive(pid)) await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Entries written to a spool: how many, the entries read back once, and the cleanup. */
export interface Spooled {
  total: number;
  entries: AsyncIterable<MigrateEntry>;
  /** Removes the spool (also done when `entries` has been read through or abandoned). */
  close: () => Promise<void>;
}

/**
 * Writes `source`'s entries to a spool file; `check(total)` runs after each one (it throws to stop,
 * e.g. past the entry limit). Any error removes the spool and is thrown.
 */
export async function spoolEntries(source: AsyncIterable<MigrateEntry>, check: (total: number) => void): Promise<Spooled> {
  await removeOrphanSpools();
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  const close = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const file = join(dir, 'entries.jsonl');
  const out = createWriteStream(file);
  // A write failing (disk full) surfaces through drain/finish below; after destroy() it is expected.
  let failed: Error | undefined;
  out.on('error', (error) => (failed ??= error));
  let total = 0;
  try {
    for await (const entry of source) {
      total += 1;
      check(total);
      if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, 'drain');
    }
    out.end();
    if (!out.writableFinished) await once(out, 'finish');
    if (failed) throw failed;
  } catch (error) {
    out.destroy();
    await close();
    throw error;
  }
  return { total, entries: readSpool(file, close), close };
}

async function* readSpool(file: string, close: () => Promise<void>): AsyncGenerator<MigrateEntry> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line) as MigrateEntry;
  } finally {
    lines.close();
    await close();
  }
}
