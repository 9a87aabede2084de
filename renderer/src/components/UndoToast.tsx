/** The Undo toast: what was just done, Undo (also Ctrl+Z), and a close button. */
import { useTranslation } from 'react-i18next';
import { useUndo } from '../stores/undo';

/** Shows the last undoable action for a while. */
export function UndoToast() {
  const { t } = useTranslation();
  const last = useUndo((s) => s.last);
  return (
    <div className="toast-region" role="status" data-testid="undo-region">
      {last && (
        <div className="toast" data-testid="undo-toast">
          <span dir="auto">{t(last.message.key.includes('.') ? last.message.key : `undo.${last.message.key}`, last.message.params)}</span>
          <button type="button" className="btn btn-link" aria-keyshortcuts="Control+Z" title={t('undo.undoTitle')} onClick={() => useUndo.getState().undo()}>
            {t('undo.undo')}
          </button>
          <button type="button" className="btn btn-icon toast-close" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={() => useUndo.getState().dismiss()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
