/** A library's article writes: adding (one or many), trash and restore, read state, progress, translations, language. */
import { KabarError } from '../errors';
import type { ArticleMeta, ExtractedArticle, Translation } from '../types';
import { blocksText, keepDamaged, readArticleFile, removeArticleFile, writeArticleFile } from './article-files';
import { applyNewState, type ImportState } from './bulk';
import { articleId, countWords, readingMinutes } from './identity';
import type { JournalEntry } from './journal';
import { addBatchNow } from './library-batch';
import { indexAdd, indexRemove, searchDoc } from './library-index';
import { replaceDamagedBody } from './library-recovery';
import type { LibraryState } from './library-state';
import { addTags, canonicalTag, rememberTags } from './library-tags';
import { countPendingImages } from './pending-images';
import { cleanTag, withTags } from './tags';

const EXCERPT_CHARS = 240;

/** The outcome of adding an article. */
export interface AddResult {
  meta: ArticleMeta;
  created: boolean;
}

/** How an article is added (see Library.add). */
export interface AddOptions {
  tags?: string[];
  id?: string;
  keepTrashed?: boolean;
}

/** Runs an add after the ones before it, so two imports of the same article cannot both create it. */
export function queueAdd<T>(state: LibraryState, task: () => Promise<T>): Promise<T> {
  const result = state.adding.then(task);
  state.adding = result.catch(() => undefined);
  return result;
}

/** Stores an imported article, or returns the existing one (see Library.add). */
export async function addNow(state: LibraryState, extracted: ExtractedArticle, options: AddOptions): Promise<AddResult> {
  state.assertWritable();
  const id = options.id ?? articleId(extracted);
  const tags = (options.tags ?? []).map(cleanTag);
  const existing = state.byId.get(id);
  if (existing) {
    if (existing.deletedAt && options.keepTrashed) return { meta: existing, created: false };
    await replaceDamagedBody(state, existing, extracted);
    if (existing.deletedAt) await restore(state, id);
    if (tags.length > 0) addTags(state, id, tags);
    return { meta: existing, created: false };
  }
  const meta = newMeta(state, id, extracted, tags);
  await writeArticleFile(state.dir, meta, extracted.blocks, {});
  await indexAdd(state, id, { title: meta.title, body: blocksText(extracted.blocks) });
  state.byId.set(id, meta);
  state.invalidate();
  rememberTags(state, tags);
  state.commit([{ t: 'put', meta }]);
  await state.addedHook?.([meta]);
  return { meta, created: true };
}

/** One article of a bulk add: the extracted article, its id if not derived, imported state and highlights. */
export interface BulkItem {
  extracted: ExtractedArticle;
  id?: string;
  state?: ImportState;
  highlights?: unknown[];
}

/** Stores many new articles in one durable commit, skipping known ids (see Library.addMany and library-batch.ts). */
export async function addManyNow(state: LibraryState, items: BulkItem[]): Promise<ArticleMeta[]> {
  const now = state.now().toISOString();
  const created = await addBatchNow(state, items, (id, extracted, item) => {
    const meta = newMeta(state, id, extracted, item.state?.tags ?? []);
    applyNewState(meta, item.state, now);
    // Imported highlights count like made ones (is:highlighted, the highlight catalog reads files with a marksRev).
    if (item.highlights?.length) Object.assign(meta, { highlights: item.highlights.length, marksRev: `${now}~import` });
    rememberTags(state, meta.tags);
    return meta;
  });
  // Rules run once over the whole batch, after it is durable.
  if (created.length > 0) await state.addedHook?.(created);
  return created;
}

/** Moves an article to the trash (restorable); it leaves search and the lists. */
export async function trash(state: LibraryState, id: string): Promise<void> {
  const meta = state.meta(id);
  if (meta.deletedAt) return;
  state.assertWritable();
  await indexRemove(state, id);
  state.change(id, (m) => {
    m.deletedAt = state.now().toISOString();
  });
}

/** Brings an article back from the trash. */
export async function restore(state: LibraryState, id: string): Promise<void> {
  const meta = state.meta(id);
  if (!meta.deletedAt) return;
  state.assertWritable();
  const file = await readArticleFile(state.dir, id);
  await indexAdd(state, id, searchDoc(meta, file));
  state.change(id, (m) => {
    m.deletedAt = null;
  });
}

/** Deletes every trashed article for good, files included. Returns how many. */
export async function emptyTrash(state: LibraryState): Promise<number> {
  state.assertWritable();
  const trashed = [...state.byId.values()].filter((m) => m.deletedAt);
  for (const meta of trashed) {
    state.byId.delete(meta.id);
    await removeArticleFile(state.dir, meta.id);
  }
  state.invalidate();
  state.commit(trashed.map((m) => ({ t: 'purge', id: m.id })));
  return trashed.length;
}

/** Bookmarks or unbookmarks an article. Bookmarked articles are never pruned. */
export function setBookmarked(state: LibraryState, id: string, on: boolean): ArticleMeta {
  return state.change(id, (m) => {
    m.bookmarked = on;
  });
}

/** Marks an article read (now) or unread. */
export function setRead(state: LibraryState, id: string, read: boolean): ArticleMeta {
  return state.change(id, (m) => {
    m.readAt = read ? (m.readAt ?? state.now().toISOString()) : null;
  });
}

/** Marks many articles read (now) or unread in one journal write; returns how many changed. */
export function setReadMany(state: LibraryState, ids: string[], read: boolean): number {
  state.assertWritable();
  const at = state.now().toISOString();
  const changed: JournalEntry[] = [];
  for (const id of ids) {
    const meta = state.byId.get(id);
    if (!meta || Boolean(meta.readAt) === read) continue;
    meta.readAt = read ? at : null;
    changed.push({ t: 'put', meta });
  }
  state.commit(changed);
  return changed.length;
}

/** Saves reading progress (0..1). */
export function setProgress(state: LibraryState, id: string, progress: number): ArticleMeta {
  if (!Number.isFinite(progress)) throw new KabarError('INVALID_ARGUMENT', 'Progress must be a number.', { field: 'progress' });
  return state.change(
    id,
    (m) => {
      m.progress = Math.min(1, Math.max(0, progress));
    },
    true,
  );
}

/** Stores a translation in the article file and the index (see Library.saveTranslation). */
export function saveTranslation(state: LibraryState, id: string, translation: Translation): Promise<void> {
  const meta = state.meta(id);
  state.assertWritable();
  const write = state.bodyWrites.then(async () => {
    const file = await readArticleFile(state.dir, id);
    const damaged = { ...file.damagedTranslations };
    // Replacing a damaged entry: the file as it was is kept in damaged/ first. Other damaged
    // entries are written back untouched.
    if (translation.lang in damaged || '*' in damaged) await keepDamaged(state.dir, id, state.now());
    delete damaged[translation.lang];
    delete damaged['*'];
    const whole = { ...file.translations, [translation.lang]: translation };
    await writeArticleFile(state.dir, meta, file.blocks, { ...(damaged as Record<string, Translation>), ...whole }, { highlights: file.highlights, marks: file.marks });
    if (!meta.deletedAt) await indexAdd(state, id, searchDoc(meta, { blocks: file.blocks, translations: whole }));
    // The list shows translated titles without reading article files: keep them in the metadata
    // (journalled like any edit, which also tells listeners).
    state.change(id, (m) => {
      m.translatedTitles = { ...m.translatedTitles, [translation.lang]: translation.title };
    });
  });
  state.bodyWrites = write.catch(() => undefined);
  return write;
}

/** Records the user's correction of an article's language (the source language of translations). */
export function setSourceLang(state: LibraryState, id: string, lang: string): ArticleMeta {
  const cleaned = lang.trim().toLowerCase();
  if (!/^[a-z]{2,3}$/.test(cleaned)) throw new KabarError('INVALID_ARGUMENT', `"${lang}" is not a language code.`, { field: 'lang' });
  const meta = state.change(id, (m) => {
    m.lang = cleaned;
  });
  state.invalidate();
  return meta;
}

function newMeta(state: LibraryState, id: string, extracted: ExtractedArticle, tags: string[]): ArticleMeta {
  const words = countWords(extracted.blocks);
  const { blocks: _blocks, ...fields } = extracted;
  const imagesPending = countPendingImages(extracted.blocks);
  return {
    ...fields,
    ...(imagesPending > 0 ? { imagesPending } : {}),
    id,
    excerpt: [...extracted.excerpt].slice(0, EXCERPT_CHARS).join(''),
    savedAt: state.now().toISOString(),
    wordCount: words,
    readingMinutes: readingMinutes(extracted.blocks, words),
    tags: withTags([], tags.map((t) => canonicalTag(state, t))),
    bookmarked: false,
    readAt: null,
    progress: 0,
    deletedAt: null,
  };
}
