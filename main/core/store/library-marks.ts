/** The store hooks highlights, smart views and rules use (issue 13): index stamps, id-only search, bulk edits, data lists. */
import type { ArticleMeta } from '../types';
import type { JournalEntry } from './journal';
import { rememberTags } from './library-tags';
import type { LibraryState } from './library-state';
import type { DataListKey, LibraryData } from './schema';

/** What runs after each add with the articles it created (rules: store/smart.ts). */
export type AddedHook = (created: ArticleMeta[]) => Promise<void> | void;

/** Changes whenever the full-text index does (an add, removal or translation): query caches key on it. */
export function indexStamp(state: LibraryState): string {
  const stats = state.index.stats();
  return `${stats.gen}/${stats.docs}/${stats.deltaDocs}/${stats.logBytes}`;
}

/** Ids of every live article whose text matches all words of `words` (no snippets: for query filters). */
export function searchIds(state: LibraryState, words: string): string[] {
  const live = (id: string): boolean => {
    const meta = state.byId.get(id);
    return meta !== undefined && !meta.deletedAt;
  };
  return state.index.search(words, { limit: Math.max(1, state.index.size()), filter: live }).map((m) => m.id);
}

/** Runs a read-modify-write of article files after the ones already queued (translations, marks), one at a time. */
export function withBody<T>(state: LibraryState, task: () => Promise<T>): Promise<T> {
  state.assertWritable();
  const run = state.bodyWrites.then(task);
  state.bodyWrites = run.catch(() => undefined);
  return run;
}

/** Edits many articles' metadata in one journal write (rules, highlight counts); returns the changed ids. */
export function changeMany(state: LibraryState, edits: Map<string, (meta: ArticleMeta) => void>): string[] {
  const next: ArticleMeta[] = [];
  // Callers pass only real changes (comparing 10,000 metadata records here would cost more than the change).
  for (const [id, edit] of edits) {
    const meta = state.meta(id);
    const copy: ArticleMeta = { ...meta, tags: [...meta.tags] };
    edit(copy);
    next.push(copy);
  }
  state.commit(
    next.map((meta) => ({ t: 'put', meta })),
    false,
    () => {
      for (const meta of next) {
        // In place (sorted lists hold these objects); fields an edit deleted go too.
        const target = state.byId.get(meta.id) as ArticleMeta & Record<string, unknown>;
        for (const key of Object.keys(target)) if (!(key in meta)) delete target[key];
        Object.assign(target, meta);
      }
      rememberTags(state, next.flatMap((m) => m.tags));
    },
  );
  return next.map((m) => m.id);
}

/** A list kept in library.json beside the articles (smart views, rules). */
export function dataList(state: LibraryState, key: DataListKey): unknown[] {
  return [...(state.db.data[key] ?? [])];
}

/** Replaces a library.json list (journaled like any other change). */
export function saveDataList(state: LibraryState, key: DataListKey, value: unknown[]): void {
  state.commit([{ t: 'list', key, value }]);
}

/** Applies a journaled list entry to library.json data; other entries are left alone. */
export function applyListEntry(data: LibraryData, entry: JournalEntry): void {
  if (entry.t === 'list') data[entry.key] = entry.value;
}
