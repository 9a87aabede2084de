/** One folder's actions: rename it (its subfolders follow) and mark everything in it read. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markFeedsRead, renameFeedFolder } from '../../stores/feed-actions';
import { Dialog } from '../../components/Dialog';
import { useFeeds } from '../../stores/feeds';
import { useUi } from '../../stores/ui';
import { folderKey, parseFolder } from './tree';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The dialog for the folder at `path`. */
export function FolderDialog({ path }: { path: string[] }) {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const [name, setName] = useState(folderKey(path));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const unread = useFeeds((s) => s.list?.folders[folderKey(path)] ?? 0);
  const run = (action: () => Promise<unknown>): void => {
    if (busy) return;
    setBusy(true);
    setError(null);
    action().then(
      () => {
        void useFeeds.getState().load();
        close();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const to = parseFolder(name);
  return (
    <Dialog title={t('feeds.folderTitle', { folder: folderKey(path) })} onClose={close} testId="folder-dialog">
      <form className="field" onSubmit={(e) => (e.preventDefault(), to.length > 0 && run(() => renameFeedFolder(path, to)))}>
        <label htmlFor="folder-name">{t('feeds.folderNameLabel')}</label>
        <div className="radio-row">
          <input id="folder-name" className="input" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn" disabled={to.length === 0 || folderKey(to) === folderKey(path)}>
            {t('feeds.rename')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="btn" disabled={unread === 0} onClick={() => run(() => markFeedsRead({ folder: path }))}>
          {t('feeds.markAllRead')}
        </button>
      </div>
    </Dialog>
  );
}
