/**
 * Actions that touch several stores: each calls the API once, then patches the list and
 * the reader with the metadata main returns, so the screen updates before `library:changed`.
 */
import { api } from '../api';
import type { ArticleMeta } from '../../../preload/contract';
import { useLibrary } from './library';
import { useReader } from './reader';
import { useUi } from './ui';
import { useUndo } from './undo';

function apply(meta: ArticleMeta): void {
  useLibrary.getState().patch(meta);
  useReader.getState().patch(meta);
}

/** Runs one API call and applies its answer; a failure goes to the notice. Returns whether it worked. */
async function attempt(run: () => Promise<ArticleMeta | void>): Promise<boolean> {
  try {
    const meta = await run();
    if (meta) apply(meta);
    return true;
  } catch (error) {
    useUi.getState().setNotice(error);
    return false;
  }
}

/** Opens an article in the reader, selects it in the list, and marks it read. */
export async function openArticle(id: string): Promise<void> {
  useLibrary.getState().selectId(id);
  await useReader.getState().open(id);
  const article = useReader.getState().article;
  if (article && article.id === id && !article.readAt && !article.deletedAt) await attempt(() => api.article.setRead(id, true));
}

const done = async (p: Promise<boolean>): Promise<void> => void (await p);

/** Bookmarks or unbookmarks an article. */
export function setBookmarked(id: string, on: boolean): Promise<void> {
  return done(attempt(() => api.article.setBookmarked(id, on)));
}

/** Marks an article read or unread. */
export function setRead(id: string, read: boolean): Promise<void> {
  return done(attempt(() => api.article.setRead(id, read)));
}

/** Adds tags to an article. */
export function addTags(id: string, tags: string[]): Promise<void> {
  return done(attempt(() => api.tags.add(id, tags)));
}

/** Removes tags from an article; the toast (and Ctrl+Z) can put them back. */
export async function removeTags(id: string, tags: string[]): Promise<void> {
  if (await attempt(() => api.tags.remove(id, tags))) useUndo.getState().push({ key: 'tagRemoved', params: { tag: tags.join(', ') } }, () => addTags(id, tags));
}

/** Moves an article to the trash (with Undo) or restores it. */
export async function setTrashed(id: string, trashed: boolean): Promise<void> {
  const title = knownMeta(id)?.title ?? '';
  const wasOpen = useReader.getState().openId === id;
  const ok = await attempt(() => (trashed ? api.article.delete(id) : api.article.restore(id)));
  if (wasOpen) useReader.getState().close();
  if (ok && trashed) {
    useUndo.getState().push({ key: 'trashed', params: { title } }, async () => {
      await setTrashed(id, false);
      // Undo puts the reader back as it was, too.
      if (wasOpen) await openArticle(id);
    });
  }
}

/** The metadata of an article the list or reader has loaded. */
export function knownMeta(id: string): ArticleMeta | undefined {
  const open = useReader.getState().article;
  if (open?.id === id) return open;
  for (const items of Object.values(useLibrary.getState().pages)) {
    const found = items.find((m) => m.id === id);
    if (found) return found;
  }
  return undefined;
}

/** Saves how far the article has been read (0..1); best effort: a lost save only costs the position. */
export function saveReadingProgress(id: string, progress: number): void {
  api.article.setProgress(id, progress).catch(() => undefined);
}

/** Deletes every article in the trash for good; the list follows from `library:changed`. A failure goes to the notice. */
export async function emptyTrash(): Promise<void> {
  try {
    await api.trash.empty();
  } catch (error) {
    useUi.getState().setNotice(error);
  }
}
