/** Events from main: library changes (coalesced refresh), import progress, native menu commands. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { bestLocale } from '../../i18n';
import { coalesce } from '../../stores/coalesce';
import { useImport } from '../../stores/importer';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';
import { exportOpmlFile, importOpmlFile } from '../feeds/opml';
import { chooseAndImport } from '../import/chooseFiles';
import type { MenuCommand } from '../../../../preload/contract';

/** How long changes are gathered before one refresh (an import emits one per article); at most one refresh runs at a time. */
export const REFRESH_DELAY_MS = 120;

/** Acts on one native menu command. */
export function runMenuCommand(command: MenuCommand, t: Parameters<typeof chooseAndImport>[0]): void {
  const ui = useUi.getState();
  if (command === 'import-files') void chooseAndImport(t);
  else if (command === 'import-url') ui.openDialog({ kind: 'import' });
  else if (command === 'import-opml') void importOpmlFile(t);
  else if (command === 'export-opml') void exportOpmlFile(t);
  else if (command === 'search') {
    ui.closeDialog();
    ui.focusSearch();
  } else if (command === 'settings') ui.openDialog({ kind: 'settings' });
  else if (command === 'shortcuts') ui.openDialog({ kind: 'shortcuts' });
  else if (command.startsWith('locale:')) void useSettings.getState().update({ locale: bestLocale(command.slice('locale:'.length)) });
}

/** While changes keep coming (a feed refresh), the list re-reads at most this often. */
export const FLOOD_GAP_MS = 500;

/** Subscribes to main's events for the app's lifetime. */
export function useAppEvents(): void {
  const { t } = useTranslation();
  useEffect(() => {
    // Coalesced, not debounced: during a feed refresh changes never stop arriving, and the
    // list must keep up without re-reading once per article.
    const refresher = coalesce(
      () =>
        useLibrary
          .getState()
          .refresh()
          .then(() => {
            // Tags renamed or merged from the sidebar: the reader takes the listed metadata (never re-reads the body).
            const open = useReader.getState().openId;
            const { pages } = useLibrary.getState();
            const meta = open ? Object.values(pages).flat().find((m) => m.id === open) : undefined;
            if (meta) useReader.getState().patch(meta);
          }),
      REFRESH_DELAY_MS,
      FLOOD_GAP_MS,
    );
    const offChanged = api.on('library:changed', ({ ids, progressOnly }) => {
      // Saving the reading position changes nothing the list or the counts show; neither do
      // changes without article ids (settings, feed records: the feeds store follows those).
      if (!progressOnly && ids.length > 0) refresher.request();
    });
    const offProgress = api.on('import:progress', ({ done, total }) => useImport.getState().onProgress(done, total));
    const offMenu = api.on('menu:command', ({ command }) => runMenuCommand(command, t));
    // A change main made between the first list read and this subscription would be missed:
    // one re-read now closes that window (cheap, and coalesced with any change arriving).
    refresher.request();
    return () => {
      refresher.cancel();
      offChanged();
      offProgress();
      offMenu();
    };
  }, [t]);
}
