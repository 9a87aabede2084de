/**
 * The first page of the Highlights view without loading the whole catalog. Loading 50,000
 * highlights (a 15 MB cache) costs ~0.4 s, which is most of the view's first opening
 * (`highlights_view_ms`, budget 500). Beside the cache, `highlights.head.json` keeps the newest
 * rows of the unfiltered list and a fingerprint of every article's marks revision and trash
 * state: while the fingerprint still matches, the first page is served from it and the full
 * catalog loads behind it. Any change to any article's highlights, or a trashed, restored or
 * removed article, changes the fingerprint, and the head is simply not used.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Highlight } from '../highlights';
import type { ArticleMeta } from '../types';
import { writeFileAtomic } from '../util';

/** The derived file in the data folder. */
export const CATALOG_HEAD = 'highlights.head.json';
const HEAD_VERSION = 1;
/** Rows kept: a few pages of the view. */
export const HEAD_ROWS = 200;

/** One row of the unfiltered list. */
export interface HeadRow {
  articleId: string;
  highlight: Highlight;
}

interface HeadFile {
  v: number;
  fingerprint: string;
  total: number;
  rows: HeadRow[];
}

/**
 * A digest of what the unfiltered list depends on: each article's marks revision (`revOf`: the
 * library's, or the one the catalog holds when the head is written) and whether it is in the trash.
 * Sorted by id, so it does not depend on the order the library lists its articles in.
 */
export function marksFingerprint(metas: Iterable<ArticleMeta>, revOf: (meta: ArticleMeta) => string | undefined = (m) => m.marksRev): string {
  const lines: string[] = [];
  for (const meta of metas) if (meta.marksRev !== undefined) lines.push(`${meta.id}:${revOf(meta) ?? '?'}:${meta.deletedAt ? 1 : 0}`);
  const hash = createHash('sha256');
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** Writes the head: the newest rows of the unfiltered list and its total. */
export async function writeHead(dir: string, fingerprint: string, total: number, rows: HeadRow[]): Promise<void> {
  const file: HeadFile = { v: HEAD_VERSION, fingerprint, total, rows: rows.slice(0, HEAD_ROWS) };
  await writeFileAtomic(join(dir, CATALOG_HEAD), JSON.stringify(file), { durable: false });
}

/** The head when it still describes the library (same fingerprint), else null. */
export async function readHead(dir: string, fingerprint: string): Promise<{ total: number; rows: HeadRow[] } | null> {
  try {
    const raw = JSON.parse(await readFile(join(dir, CATALOG_HEAD), 'utf8')) as Partial<HeadFile>;
    if (raw.v !== HEAD_VERSION || raw.fingerprint !== fingerprint || typeof raw.total !== 'number' || !Array.isArray(raw.rows)) return null;
    return { total: raw.total, rows: raw.rows };
  } catch {
    return null; // Missing or unreadable: it is only a shortcut.
  }
}
