/** A library's recovery: replaying the journal at open, adopting orphaned article files, repairing damaged bodies. */
import { KabarError } from '../errors';
import type { ArticleMeta, ExtractedArticle } from '../types';
import { blocksText, keepDamaged, readArticleFile, writeArticleFile, type ArticleFile } from './article-files';
import { storageError } from './atomic';
import type { JournalEntry } from './journal';
import { indexAdd, searchDoc } from './library-index';
import type { LibraryState } from './library-state';
import { withTags } from './tags';

/** Applies journal entries read at open (they are already durable on disk). */
export function replay(state: LibraryState, entries: JournalEntry[]): void {
  for (const entry of entries) state.apply(entry);
  // Nothing replayed: the order sorted while loading (LibraryState) still holds.
  if (entries.length > 0) state.invalidate();
  state.db.data.tags = withTags(state.db.data.tags, [...state.byId.values()].flatMap((m) => m.tags));
  if (entries.length > 0) state.markDirty();
}

/** Re-adds articles whose files exist but whose metadata was lost; returns how many. */
export async function adoptOrphans(state: LibraryState, fileIds: string[]): Promise<number> {
  let adopted = 0;
  for (const id of fileIds) {
    if (state.byId.has(id)) continue;
    let file: ArticleFile;
    try {
      file = await readArticleFile(state.dir, id);
    } catch {
      continue; // A damaged body cannot be adopted; it stays on disk for a later look.
    }
    state.byId.set(id, file.meta);
    await state.index.add(id, searchDoc(file.meta, file));
    // Read-only: adopted in memory for this session; the next writable open adopts them for good.
    if (!state.readOnly) state.commit([{ t: 'put', meta: file.meta }]);
    adopted += 1;
  }
  state.invalidate();
  return adopted;
}

/**
 * Importing an article again is how a user repairs one whose body file is damaged or missing (the
 * ARTICLE_DAMAGED message says so): the damaged file is moved to `damaged/`, the new body written.
 */
export async function replaceDamagedBody(state: LibraryState, meta: ArticleMeta, extracted: ExtractedArticle): Promise<void> {
  try {
    await readArticleFile(state.dir, meta.id);
    return;
  } catch (error) {
    if (!(error instanceof KabarError) || error.code !== 'ARTICLE_DAMAGED') throw error;
  }
  await keepDamaged(state.dir, meta.id, state.now(), { move: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error, meta.id);
  });
  await writeArticleFile(state.dir, meta, extracted.blocks, {});
  if (!meta.deletedAt) await indexAdd(state, meta.id, { title: meta.title, body: blocksText(extracted.blocks) });
}
