/** A library's tag edits: add, remove, merge and rename, keeping one spelling per tag library-wide. */
import type { ArticleMeta } from '../types';
import type { JournalEntry } from './journal';
import type { LibraryState } from './library-state';
import { cleanTag, tagKey, withoutTags, withTags } from './tags';

/** The library's spelling of a tag (the first one seen), or the tag itself when it is new. */
export function canonicalTag(state: LibraryState, tag: string): string {
  return state.db.data.tags.find((t) => tagKey(t) === tagKey(tag)) ?? tag;
}

/** Adds tags to the library's registry of spellings. */
export function rememberTags(state: LibraryState, tags: string[]): void {
  state.db.data.tags = withTags(state.db.data.tags, tags);
}

/** Adds tags to an article (case-insensitively unique, first spelling wins library-wide). */
export function addTags(state: LibraryState, id: string, tags: string[]): ArticleMeta {
  const cleaned = tags.map(cleanTag).map((t) => canonicalTag(state, t));
  const meta = state.change(id, (m) => {
    m.tags = withTags(m.tags, cleaned);
  });
  rememberTags(state, cleaned);
  return meta;
}

/** Removes tags from an article. */
export function removeTags(state: LibraryState, id: string, tags: string[]): ArticleMeta {
  return state.change(id, (m) => {
    m.tags = withoutTags(m.tags, tags.map(cleanTag));
  });
}

/** Replaces every tag in `from` by `to` on every article. Returns how many articles changed. */
export function mergeTags(state: LibraryState, from: string[], to: string): number {
  state.assertWritable();
  const target = cleanTag(to);
  const fromKeys = new Set(from.map(cleanTag).map(tagKey));
  const changed: JournalEntry[] = [];
  for (const meta of state.byId.values()) {
    if (!meta.tags.some((t) => fromKeys.has(tagKey(t)))) continue;
    const kept = meta.tags.filter((t) => !fromKeys.has(tagKey(t)) && tagKey(t) !== tagKey(target));
    const at = meta.tags.findIndex((t) => fromKeys.has(tagKey(t)) || tagKey(t) === tagKey(target));
    kept.splice(Math.min(at, kept.length), 0, target);
    meta.tags = kept;
    changed.push({ t: 'put', meta });
  }
  state.db.data.tags = withTags(
    state.db.data.tags.filter((t) => !fromKeys.has(tagKey(t)) || tagKey(t) === tagKey(target)).map((t) =>
      tagKey(t) === tagKey(target) ? target : t,
    ),
    [target],
  );
  state.commit(changed);
  state.scheduleCompaction(0);
  return changed.length;
}
