/** "Empty trash…" above the trash view, confirmed in place (no modal) because nothing can bring the articles back. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyTrash } from '../../stores/actions';

/** The button and its inline confirmation, for `count` articles in the trash. */
export function EmptyTrash({ count }: { count: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn btn-link" data-testid="empty-trash" onClick={() => setConfirming(true)}>
        {t('list.emptyTrashButton')}
      </button>
    );
  }
  return (
    <div className="empty-trash-confirm" role="group" aria-label={t('list.emptyTrashConfirm', { count })}>
      <span>{t('list.emptyTrashConfirm', { count })}</span>
      <button
        type="button"
        className="btn btn-danger"
        data-testid="empty-trash-confirm"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void emptyTrash().finally(() => {
            setBusy(false);
            setConfirming(false);
          });
        }}
      >
        {t('list.emptyTrashYes')}
      </button>
      <button type="button" className="btn" autoFocus onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
