/**
 * A library's writes for imports from other apps (issue 12): merging an export's state into
 * articles already there, and giving a link entry the page fetched for it.
 */
import type { ArticleMeta, ExtractedArticle } from '../types';
import { blocksText, readArticleFile, writeArticleFile } from './article-files';
import { fetchedMeta, mergeState, type ImportState } from './bulk';
import type { JournalEntry } from './journal';
import { indexAdd } from './library-index';
import type { LibraryState } from './library-state';
import { canonicalTag, rememberTags } from './library-tags';
import { queueAdd } from './library-writes';
import { mapLimit } from '../util';

const EXCERPT_CHARS = 240;

/** Merges imported state into existing articles in one journal write (see Library.mergeImported). */
export function mergeImported(state: LibraryState, states: Map<string, ImportState>): string[] {
  state.assertWritable();
  const now = state.now().toISOString();
  const changed: JournalEntry[] = [];
  for (const [id, given] of states) {
    const meta = state.byId.get(id);
    if (!meta) continue;
    const next: ArticleMeta = { ...meta, tags: [...meta.tags] };
    const imported = given.tags ? { ...given, tags: given.tags.map((t) => canonicalTag(state, t)) } : given;
    if (imported.link !== undefined && meta.link) next.link = imported.link;
    if (mergeState(next, imported, now) || next.link !== meta.link) changed.push({ t: 'put', meta: next });
  }
  state.commit(changed, false, () => {
    for (const entry of changed) if (entry.t === 'put') Object.assign(state.byId.get(entry.meta.id) as ArticleMeta, entry.meta);
  });
  for (const entry of changed) if (entry.t === 'put') rememberTags(state, entry.meta.tags);
  return changed.flatMap((e) => (e.t === 'put' ? [e.meta.id] : []));
}

/** Body files read and written at once in a batch of fetched pages. */
const FILL_CONCURRENCY = 8;

/** Gives a link entry its fetched page, keeping the user's title, tags and state (see Library.fillLink). */
export async function fillLink(state: LibraryState, id: string, extracted: ExtractedArticle): Promise<ArticleMeta> {
  const [meta] = await fillLinks(state, [{ id, extracted }]);
  if (!meta) state.meta(id); // Gone meanwhile: throws NOT_FOUND as a single fill always did.
  return meta as ArticleMeta;
}

/**
 * Gives many link entries their fetched pages in one journal write (see Library.fillLinks): each
 * body file is written durably first (in parallel), the batch's index adds share one group commit,
 * then one journal append marks them all filled. A crash before that append leaves every link
 * waiting (fetched again), never a link marked filled without its body. Ids no longer in the
 * library are skipped.
 */
export function fillLinks(state: LibraryState, items: { id: string; extracted: ExtractedArticle }[]): Promise<ArticleMeta[]> {
  return queueAdd(state, async () => {
    state.assertWritable();
    const live = items.filter(({ id }) => state.byId.has(id));
    const filled = await mapLimit(live, FILL_CONCURRENCY, async ({ id, extracted }) => {
      const meta = state.meta(id);
      const file = await readArticleFile(state.dir, id).catch(() => null);
      const next = fetchedMeta(meta, extracted, extracted.blocks, EXCERPT_CHARS);
      await writeArticleFile(state.dir, next, extracted.blocks, file?.translations ?? {}, { highlights: file?.highlights, marks: file?.marks });
      return { meta, next, body: blocksText(extracted.blocks) };
    });
    await Promise.all(filled.filter((f) => !f.next.deletedAt).map((f) => indexAdd(state, f.next.id, { title: f.next.title, body: f.body })));
    state.invalidate();
    state.commit(
      filled.map((f) => ({ t: 'put', meta: f.next })),
      false,
      () => {
        for (const { meta, next } of filled) {
          Object.assign(meta, next);
          delete meta.link;
        }
      },
    );
    return filled.map((f) => f.meta);
  });
}
