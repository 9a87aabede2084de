/** OPML import and export from the feeds section or the File menu: native dialogs, then a notice or an error. */
import type { TFunction } from 'i18next';
import { api } from '../../api';
import { useFeeds } from '../../stores/feeds';

/** Asks for an OPML file and subscribes to its feeds (they refresh at once). */
export async function importOpmlFile(t: TFunction): Promise<void> {
  const { setNotice } = useFeeds.getState();
  try {
    const result = await api.importOpml({ title: t('feeds.opmlImportTitle'), button: t('feeds.opmlImportButton'), filterName: t('feeds.opmlFilter') });
    if (!result) return;
    setNotice({ key: 'opmlImported', params: { added: result.added, existing: result.existing } });
    useFeeds.getState().reload();
  } catch (error) {
    useFeeds.setState({ error });
  }
}

/** Asks where to save and writes every subscription as OPML. */
export async function exportOpmlFile(t: TFunction): Promise<void> {
  const { setNotice } = useFeeds.getState();
  try {
    const result = await api.exportOpml({ title: t('feeds.opmlExportTitle'), button: t('feeds.opmlExportButton'), filterName: t('feeds.opmlFilter') });
    if (result) setNotice({ key: 'opmlExported', params: { count: result.feeds, path: result.path } });
  } catch (error) {
    useFeeds.setState({ error });
  }
}
