/**
 * Batch adds with one durable commit per batch. A feed refresh or a bulk import stores dozens of
 * articles at once; fsync'ing every article file cost one disk flush per story. Instead each body
 * file is written atomically (temp + rename) without an fsync (synchronously, see writeNewArticleFiles), and the batch's one fsync'ed journal
 * append carries the bodies too. So once addMany returns, every body is durable in the journal:
 * - a crash before compaction: the next open rewrites any body file that is missing or torn from
 *   its journal line (restoreBatchBodies);
 * - compaction fsyncs those files before it drops the journal lines that carried them (syncBodies).
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, ExtractedArticle } from '../types';
import { fsyncDir, mapLimit, syncFileSystem } from '../util';
import { articlePath, blocksText, readArticleFile, writeArticleFile, writeNewArticleFiles } from './article-files';
import { articleId } from './identity';
import type { JournalEntry } from './journal';
import { indexAdd } from './library-index';
import type { LibraryState } from './library-state';

/** Files written at once; more only queues in libuv's 4 threads. */
const WRITE_CONCURRENCY = 8;

/** Stores many new articles in one durable commit, skipping known ids (see Library.addMany). */
export async function addBatchNow<I extends { extracted: ExtractedArticle; id?: string; highlights?: unknown[] }>(
  state: LibraryState,
  items: I[],
  newMeta: (id: string, extracted: ExtractedArticle, item: I) => ArticleMeta,
): Promise<ArticleMeta[]> {
  state.assertWritable();
  const fresh = new Map<string, { meta: ArticleMeta; blocks: ExtractedArticle['blocks']; highlights?: unknown[] }>();
  for (const item of items) {
    const id = item.id ?? articleId(item.extracted);
    if (state.byId.has(id) || fresh.has(id)) continue;
    fresh.set(id, { meta: newMeta(id, item.extracted, item), blocks: item.extracted.blocks, highlights: item.highlights });
  }
  const list = [...fresh.values()];
  if (list.length === 0) return [];
  await writeNewArticleFiles(state.dir, list);
  // Concurrent adds share the index log's group commit: one fsync for the batch, not one each.
  await Promise.all(list.map(({ meta, blocks }) => indexAdd(state, meta.id, { title: meta.title, body: blocksText(blocks) })));
  // Imported highlights travel in the journal line too, so a crash before compaction loses none.
  const entries: JournalEntry[] = list.map(({ meta, blocks, highlights }) => (highlights?.length ? { t: 'put', meta, blocks, highlights } : { t: 'put', meta, blocks }));
  // Memory changes only once the journal holds the batch (a full disk leaves memory as the disk has it).
  await state.commitDurably(entries, () => {
    for (const { meta } of list) {
      state.byId.set(meta.id, meta);
      state.unsyncedBodies.add(meta.id);
    }
    state.invalidate();
  });
  return list.map((x) => x.meta);
}

/** Bodies above which one file-system flush is cheaper than an fsync each (a few ms either way). */
const SYNC_WHOLE_FS_FROM = 64;

/** fsyncs the article files of these ids (and the articles folder); files purged since are skipped. */
export async function syncBodies(dir: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // A feed refresh or an import leaves thousands: one syncfs flushes them all (and the folder).
  if (ids.length >= SYNC_WHOLE_FS_FROM && (await syncFileSystem(join(dir, 'articles')))) return;
  await mapLimit(ids, WRITE_CONCURRENCY, async (id) => {
    let handle;
    try {
      handle = await open(articlePath(dir, id), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // Purged since: nothing to keep.
      throw error;
    }
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  fsyncDir(join(dir, 'articles'));
}

/**
 * After a crash, at a writable open (after replay): every body a batch journalled whose file is
 * missing, torn or from another import is written again from the journal, durably; the others are
 * left for the next compaction to fsync (after a SIGKILL they may still be only in the page cache).
 */
export async function restoreBatchBodies(state: LibraryState, entries: JournalEntry[]): Promise<number> {
  const last = new Map<string, Extract<JournalEntry, { t: 'put' }>>();
  for (const entry of entries) if (entry.t === 'put' && entry.blocks) last.set(entry.meta.id, entry);
  let restored = 0;
  for (const [id, entry] of last) {
    const meta = state.byId.get(id);
    // Gone, or imported again since by a single add (which writes its body durably): nothing to do.
    if (!meta || meta.savedAt !== entry.meta.savedAt) continue;
    const intact = await readArticleFile(state.dir, id).then(
      (file) => file.meta?.savedAt === meta.savedAt,
      () => false,
    );
    if (intact) {
      state.unsyncedBodies.add(id);
      continue;
    }
    await writeArticleFile(state.dir, meta, entry.blocks ?? [], {}, { highlights: entry.highlights });
    restored += 1;
  }
  return restored;
}
