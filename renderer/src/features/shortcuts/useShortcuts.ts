/** The global single-key shortcuts (DESIGN §6), silent while typing and while a dialog is open. */
import { useEffect } from 'react';
import { openArticle, setBookmarked, setRead, knownMeta } from '../../stores/actions';
import { DRAWER_BELOW, useLayout } from '../../stores/layout';
import { indexOfId, useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSearch } from '../../stores/search';
import { useUi } from '../../stores/ui';
import { requestRowFocus, requestRowReveal } from '../library/ArticleList';
import { openActiveHit } from '../search/SearchBox';
import { cycleReadingMode } from '../translate/cycleMode';
import { useUndo } from '../../stores/undo';
import { commandFor, isTypingTarget, type Command } from './keymap';

/** The article a command acts on: the list selection, else the open article. */
export function targetId(): string | null {
  return useLibrary.getState().selectedId ?? useReader.getState().openId;
}

/** Whether the user is reading: an article is open (or still opening) and the keyboard is not in the list. */
function reading(): boolean {
  // Not only when 'ready': j pressed while the last article still loads must open the next one too.
  if (useReader.getState().openId === null) return false;
  const list = document.getElementById('list-pane');
  return !list?.contains(document.activeElement);
}

/** Moves the list selection; while reading, opens the article it lands on (as every reader does). */
function step(delta: number): void {
  if (!reading()) {
    requestRowFocus();
    useLibrary.getState().move(delta);
    return;
  }
  void stepReading(delta);
}

/**
 * j/k while reading: select the next row, fetch its page when the list has not loaded it yet,
 * then open it, with the list scrolled so the open article's row stays in view.
 */
async function stepReading(delta: number): Promise<void> {
  const library = useLibrary.getState();
  const { total, selectedIndex } = library;
  if (!total) return;
  const base = selectedIndex >= 0 ? selectedIndex : (indexOfId(library.pages, useReader.getState().openId) ?? 0);
  const index = Math.min(total - 1, Math.max(0, base + delta));
  requestRowReveal();
  library.select(index);
  const meta = await library.loadRow(index);
  // A later j/k (or a click) moved on while the page loaded: that one wins.
  if (!meta || useLibrary.getState().selectedIndex !== index) return;
  if (useLibrary.getState().selectedId !== meta.id) useLibrary.getState().select(index);
  if (meta.id !== useReader.getState().openId) void openArticle(meta.id);
}

/** Escape leaves, in order: search, the drawer, focus mode. */
function escape(searching: boolean): boolean {
  const layout = useLayout.getState();
  if (searching) useSearch.getState().clear();
  else if (layout.drawerOpen) layout.toggleDrawer(false);
  else if (layout.focus) layout.toggleFocus(false);
  else return false;
  return true;
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
      } else step(delta);
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
      return escape(searching);
    case 'focus':
      useLayout.getState().toggleFocus();
      return true;
    case 'sidebar':
      // Only the drawer layouts have a sidebar to show or hide.
      if (window.innerWidth >= DRAWER_BELOW) return false;
      useLayout.getState().toggleDrawer();
      return true;
  }
}

/** Installs the keydown listener on the window. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || useUi.getState().dialog) return;
      // Ctrl+Z (⌘Z) undoes the last trash or tag removal; in a text field it stays the field's own undo.
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !isTypingTarget(e.target)) {
        if (useUndo.getState().undo()) e.preventDefault();
        return;
      }
      const command = commandFor(e);
      if (command && runCommand(command)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
