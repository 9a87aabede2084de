/** A library's settings: read, changed through the journal, applied when a settings entry is replayed. */
import type { Settings } from '../types';
import type { JournalEntry } from './journal';
import type { LibraryState } from './library-state';
import type { LibraryData } from './schema';

/** Current settings (a copy). */
export function readSettings(state: LibraryState): Settings {
  return { ...state.db.data.settings };
}

/** Changes settings (journaled) and returns them. */
export function updateSettings(state: LibraryState, patch: Partial<Settings>): Settings {
  const settings = { ...state.db.data.settings, ...patch };
  state.commit([{ t: 'settings', settings }]);
  return { ...settings };
}

/** Applies a journaled settings entry to library.json data; other entries are left alone. */
export function applySettingsEntry(data: LibraryData, entry: JournalEntry): void {
  if (entry.t === 'settings') data.settings = entry.settings;
}
