/** Events from main for the app's lifetime (the stores follow them), and what each native menu command does. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { bestLocale } from '../../i18n';
import { followLibraryEvents } from '../../stores/events';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';
import { exportOpmlFile, importOpmlFile } from '../feeds/opml';
import { chooseAndImport } from '../import/chooseFiles';
import type { MenuCommand } from '../../../../preload/contract';

/** Acts on one native menu command. */
export function runMenuCommand(command: MenuCommand, t: Parameters<typeof chooseAndImport>[0]): void {
  const ui = useUi.getState();
  if (command === 'import-files') void chooseAndImport(t);
  else if (command === 'import-url') ui.openDialog({ kind: 'import' });
  else if (command === 'import-opml') void importOpmlFile(t);
  else if (command === 'export-opml') void exportOpmlFile(t);
  else if (command === 'export-library') ui.openDialog({ kind: 'export' });
  else if (command === 'search') {
    ui.closeDialog();
    ui.focusSearch();
  } else if (command === 'settings') ui.openDialog({ kind: 'settings' });
  else if (command === 'shortcuts') ui.openDialog({ kind: 'shortcuts' });
  else if (command.startsWith('locale:')) void useSettings.getState().update({ locale: bestLocale(command.slice('locale:'.length)) });
}

/** Subscribes to main's events for the app's lifetime. */
export function useAppEvents(): void {
  const { t } = useTranslation();
  useEffect(() => followLibraryEvents((command) => runMenuCommand(command, t)), [t]);
}
