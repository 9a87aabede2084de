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

/** Gives a link entry its fetched page, keeping the user's title, tags and state (see Library.fillLink). */
export function fillLink(state: LibraryState, id: string, extracted: ExtractedArticle): Promise<ArticleMeta> {
  return queueAdd(state, async () => {
    state.assertWritable();
    const meta = state.meta(id);
    const file = await readArticleFile(state.dir, id).catch(() => null);
    const next = fetchedMeta(meta, extracted, extracted.blocks, EXCERPT_CHARS);
    await writeArticleFile(state.dir, next, extracted.blocks, file?.translations ?? {}, { highlights: file?.highlights, marks: file?.marks });
    if (!next.deletedAt) await indexAdd(state, id, { title: next.title, body: blocksText(extracted.blocks) });
    state.invalidate();
    state.commit([{ t: 'put', meta: next }], false, () => {
      Object.assign(meta, next);
      delete meta.link;
    });
    return meta;
  });
}
