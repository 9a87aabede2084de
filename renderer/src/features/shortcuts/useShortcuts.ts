/** The global single-key shortcuts (DESIGN §6), silent while typing and while a dialog is open. */
import { useEffect } from 'react';
import { openArticle, setBookmarked, setRead, knownMeta } from '../../stores/actions';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSearch } from '../../stores/search';
import { useUi } from '../../stores/ui';
import { requestRowFocus } from '../library/ArticleList';
import { openActiveHit } from '../search/SearchBox';
import { cycleReadingMode } from '../translate/cycleMode';
import { commandFor, type Command } from './keymap';

/** The article a command acts on: the list selection, else the open article. */
export function targetId(): string | null {
  return useLibrary.getState().selectedId ?? useReader.getState().openId;
}

/** Runs one command; returns whether it did something (so the key's default is prevented). */
export function runCommand(command: Command): boolean {
  const ui = useUi.getState();
  const searching = useSearch.getState().query !== '';
  const id = targetId();
  switch (command) {
    case 'next':
    case 'previous': {
      const delta = command === 'next' ? 1 : -1;
      if (searching) {
        const { hits, active, setActive } = useSearch.getState();
        setActive(Math.min(Math.max(0, hits.length - 1), Math.max(0, active + delta)));
      } else {
        requestRowFocus();
        useLibrary.getState().move(delta);
      }
      return true;
    }
    case 'open':
      if (searching) return openActiveHit();
      if (!id) return false;
      void openArticle(id);
      return true;
    case 'bookmark': {
      const meta = id ? knownMeta(id) : undefined;
      if (!meta) return false;
      void setBookmarked(meta.id, !meta.bookmarked);
      return true;
    }
    case 'read': {
      const meta = id ? knownMeta(id) : undefined;
      if (!meta) return false;
      void setRead(meta.id, !meta.readAt);
      return true;
    }
    case 'translation':
      return cycleReadingMode();
    case 'tag':
      if (!id) return false;
      ui.openDialog({ kind: 'tags', id });
      return true;
    case 'search':
      ui.focusSearch();
      return true;
    case 'help':
      ui.openDialog({ kind: 'shortcuts' });
      return true;
    case 'escape':
      if (!searching) return false;
      useSearch.getState().clear();
      return true;
  }
}

/** Installs the keydown listener on the window. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || useUi.getState().dialog) return;
      const command = commandFor(e);
      if (command && runCommand(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
