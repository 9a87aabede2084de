/**
 * Main's events, wired into the stores: library changes (a coalesced list re-read), import
 * progress, the feeds' progress and changes, and the native menu's commands (handed to the
 * caller, which owns the dialogs). Components subscribe through these, never to the bridge.
 */
import { onEvent } from '../api';
import type { MenuCommand } from '../../../preload/contract';
import { coalesce } from './coalesce';
import { useFeeds } from './feeds';
import { useImport } from './importer';
import { useLibrary } from './library';
import { useReader } from './reader';

/** How long changes are gathered before one refresh (an import emits one per article); at most one refresh runs at a time. */
export const REFRESH_DELAY_MS = 120;
/** While changes keep coming (a feed refresh), the list re-reads at most this often. */
export const FLOOD_GAP_MS = 500;

/** Re-reads the list, then gives the open article the listed metadata (tags renamed from the sidebar). */
async function refreshList(): Promise<void> {
  await useLibrary.getState().refresh();
  const open = useReader.getState().openId;
  const { pages } = useLibrary.getState();
  const meta = open ? Object.values(pages).flat().find((m) => m.id === open) : undefined;
  if (meta) useReader.getState().patch(meta);
}

/** Follows library changes, import progress and menu commands; returns the unsubscribe function. */
export function followLibraryEvents(onMenuCommand: (command: MenuCommand) => void): () => void {
  // Coalesced, not debounced: during a feed refresh changes never stop arriving, and the
  // list must keep up without re-reading once per article.
  const refresher = coalesce(refreshList, REFRESH_DELAY_MS, FLOOD_GAP_MS);
  const offChanged = onEvent('library:changed', ({ ids, progressOnly }) => {
    // Saving the reading position changes nothing the list or the counts show; neither do
    // changes without article ids (settings, feed records: the feeds store follows those).
    if (!progressOnly && ids.length > 0) refresher.request();
  });
  const offProgress = onEvent('import:progress', ({ done, total }) => useImport.getState().onProgress(done, total));
  const offMenu = onEvent('menu:command', ({ command }) => onMenuCommand(command));
  // A change main made between the first list read and this subscription would be missed:
  // one re-read now closes that window (cheap, and coalesced with any change arriving).
  refresher.request();
  return () => {
    refresher.cancel();
    offChanged();
    offProgress();
    offMenu();
  };
}

/** Loads the feed list and follows refresh progress, feed changes and unread-count changes; returns the unsubscribe function. */
export function followFeedEvents(): () => void {
  void useFeeds.getState().load();
  const offProgress = onEvent('feeds:progress', (status) => useFeeds.getState().onProgress(status));
  const offChanged = onEvent('feeds:changed', () => useFeeds.getState().reload());
  // Kabar was opened with an .opml file: say what its import did, as the menu's import does.
  const offOpened = onEvent('feeds:opmlOpened', ({ result, error }) => {
    if (error) useFeeds.setState({ error });
    else if (result) useFeeds.getState().setNotice({ key: 'opmlImported', params: { added: result.added, existing: result.existing } });
  });
  // Reading, marking read or deleting changes unread counts; reading position does not, and
  // feed-record changes (no article ids) arrive as feeds:changed.
  const offLibrary = onEvent('library:changed', ({ ids, progressOnly }) => {
    if (!progressOnly && ids.length > 0) useFeeds.getState().reload();
  });
  return () => {
    offProgress();
    offChanged();
    offOpened();
    offLibrary();
  };
}
