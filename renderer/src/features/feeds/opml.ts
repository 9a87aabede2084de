/** OPML import and export from the feeds section or the File menu: the native dialogs' labels, then the store's action. */
import type { TFunction } from 'i18next';
import { exportOpml, importOpml } from '../../stores/feed-actions';

/** Asks for an OPML file and subscribes to its feeds (they refresh at once). */
export async function importOpmlFile(t: TFunction): Promise<void> {
  await importOpml({ title: t('feeds.opmlImportTitle'), button: t('feeds.opmlImportButton'), filterName: t('feeds.opmlFilter') });
}

/** Asks where to save and writes every subscription as OPML. */
export async function exportOpmlFile(t: TFunction): Promise<void> {
  await exportOpml({ title: t('feeds.opmlExportTitle'), button: t('feeds.opmlExportButton'), filterName: t('feeds.opmlFilter') });
}
