/** A library's search-index upkeep: what is indexed for an article, adding with storage errors, reconciling. */
import type { SearchDoc } from '../search';
import type { ArticleMeta } from '../types';
import { blocksText, readArticleFile, type ArticleFile } from './article-files';
import { storageError } from './atomic';
import type { LibraryState } from './library-state';

/** What the index holds for an article: title, body, and its translations (title and text) as extra. */
export function searchDoc(meta: ArticleMeta, file: Pick<ArticleFile, 'blocks' | 'translations'>): SearchDoc {
  const translations = Object.values(file.translations ?? {});
  const extra = translations.map((t) => `${t.title}\n${blocksText(t.blocks)}`).join('\n');
  return extra ? { title: meta.title, body: blocksText(file.blocks), extra } : { title: meta.title, body: blocksText(file.blocks) };
}

/** Indexes a document; a full disk or read-only folder becomes the user's error code. */
export async function indexAdd(state: LibraryState, id: string, doc: SearchDoc): Promise<void> {
  try {
    await state.index.add(id, doc);
  } catch (error) {
    throw storageError(error, 'index');
  }
}

/** Takes an article out of the index, with the same error mapping as indexAdd. */
export async function indexRemove(state: LibraryState, id: string): Promise<void> {
  await state.index.remove(id).catch((error: unknown) => {
    throw storageError(error, 'index');
  });
}

/** Makes the search index hold exactly the live articles (after a crash or a lost index). */
export async function reconcileIndex(state: LibraryState): Promise<number> {
  let added = 0;
  for (const meta of state.byId.values()) {
    if (meta.deletedAt || state.index.has(meta.id)) continue;
    try {
      const file = await readArticleFile(state.dir, meta.id);
      await state.index.add(meta.id, searchDoc(meta, file));
      added += 1;
    } catch {
      // A missing body is reported when the article is opened; search just skips it.
    }
  }
  return added;
}
