/**
 * Local changes to synced items and feeds waiting for the server: `<data>/sync/pending.jsonl`,
 * one fsync'ed line per change, written before anything is sent. A pushed change gets a `done`
 * line; the file is rewritten without finished changes after a sync. Each change carries the
 * absolute value (read = true, label X = off…), so sending one twice sets the same state again:
 * nothing is ever applied twice, and a crash at any point loses nothing.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util';
import { syncDir } from './state';

/** A change of one field of one item: read, starred, or one label on/off. */
export interface ItemChange {
  k: 'item';
  id: string;
  item: string;
  field: 'read' | 'star' | 'label';
  /** The label, for field 'label'. */
  name?: string;
  value: boolean;
  /** When the change was made (ISO). */
  at: string;
}

/** A change of a synced feed: unsubscribed, renamed or moved in Kabar. */
export interface FeedChange {
  k: 'feed';
  id: string;
  stream: string;
  op: 'unsubscribe' | 'edit';
  title?: string;
  /** New folder label ('' for none) and the old one (to remove). */
  folder?: string;
  from?: string;
  at: string;
}

/** A pending change. */
export type Change = ItemChange | FeedChange;

type Line = Change | { k: 'done'; id: string };

/** The pending-changes journal of one data folder. */
export class PendingJournal {
  private readonly path: string;
  private readonly dir: string;
  private changes = new Map<string, Change>();

  constructor(dataDir: string) {
    this.dir = syncDir(dataDir);
    this.path = join(this.dir, 'pending.jsonl');
    this.load();
  }

  private load(): void {
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // A line torn by a crash was never confirmed; the diff at the next sync finds the change again.
      }
      if (line.k === 'done') this.changes.delete(line.id);
      else this.changes.set(line.id, line);
    }
  }

  /** Changes not yet confirmed by the server, oldest first. */
  list(): Change[] {
    return [...this.changes.values()];
  }

  /** How many changes wait. */
  get size(): number {
    return this.changes.size;
  }

  /** Records changes durably (fsync) before returning; ids are given here. */
  add(changes: (Omit<ItemChange, 'id'> | Omit<FeedChange, 'id'>)[]): Change[] {
    const made = changes.map((c) => ({ ...c, id: randomUUID() }) as Change);
    this.append(made);
    for (const c of made) this.changes.set(c.id, c);
    return made;
  }

  /** Marks changes as confirmed by the server. */
  done(ids: string[]): void {
    if (ids.length === 0) return;
    this.append(ids.map((id) => ({ k: 'done', id })));
    for (const id of ids) this.changes.delete(id);
  }

  /** Rewrites the file with only the waiting changes (atomic: a crash leaves the old or the new file). */
  async compact(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const text = this.list().map((c) => JSON.stringify(c)).join('\n');
    await writeFileAtomic(this.path, text ? `${text}\n` : '');
  }

  private append(lines: Line[]): void {
    const bytes = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    mkdirSync(this.dir, { recursive: true });
    // A crash may have left a torn last line: start on a fresh one so this one parses.
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, '\n');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
