/** Tag names for suggestions, and the library-wide tag operations (rename, merge). */
import { useMemo } from 'react';
import { api } from '../api';
import { useLibrary } from './library';

/** Every tag name in the library (from the sidebar counts), for autocomplete. */
export function useKnownTags(): string[] {
  const tags = useLibrary((s) => s.counts?.tags);
  return useMemo(() => (tags ?? []).map((t) => t.name), [tags]);
}

/** Renames a tag everywhere and keeps an active filter on it pointing at the new name. */
export async function renameTag(from: string, to: string): Promise<void> {
  await api.tags.rename(from, to);
  const { filter, removeTag, toggleTag } = useLibrary.getState();
  if (filter.tags.some((t) => t.toLocaleLowerCase() === from.toLocaleLowerCase())) {
    removeTag(from);
    toggleTag(to);
  }
}

/** Merges tags into one (every article with any of `from` gets `to`). */
export async function mergeTags(from: string[], to: string): Promise<void> {
  await api.tags.merge(from, to);
  const { filter, removeTag } = useLibrary.getState();
  for (const tag of from) if (filter.tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) removeTag(tag);
}
