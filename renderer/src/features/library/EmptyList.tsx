/** What the list says when a view has no articles. */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { useLibrary } from '../../stores/library';

/** The empty-list message for the current view and filters. */
export function EmptyList() {
  const { t } = useTranslation();
  const filter = useLibrary((s) => s.filter);
  const filtered = filter.tags.length > 0 || filter.lang !== null;
  let message: string;
  if (filtered) message = t('list.emptyFiltered');
  else if (filter.view === 'unread') message = t('list.emptyUnread');
  else if (filter.view === 'bookmarked') message = t('list.emptyBookmarked');
  else if (filter.view === 'trash') message = t('list.emptyTrash');
  else message = t('list.empty');
  return (
    <div className="list-empty" data-testid="article-list-empty">
      <p>{message}</p>
    </div>
  );
}

/** Why the list could not load, with a way to try again. */
export function ListError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="list-empty" role="alert">
      <p>
        {t('list.loadFailed')} {errorMessage(t, error)}
      </p>
      <button type="button" className="btn" onClick={() => void useLibrary.getState().refresh()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
