/** Banners under the top bar: library recovery (dismissible) and the last failed action. */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import { useSettings } from '../stores/settings';
import { useUi } from '../stores/ui';

/** The notice area. */
export function Notices() {
  const { t } = useTranslation();
  const recovery = useSettings((s) => s.appInfo?.recovery ?? null);
  const dismissed = useUi((s) => s.recoveryDismissed);
  const notice = useUi((s) => s.notice);
  return (
    <div className="notices">
      {recovery && !dismissed && (
        <section className="notice" aria-labelledby="recovery-title" data-testid="recovery-notice">
          <div className="grow">
            <p id="recovery-title">
              <strong>{t('recovery.title')}</strong>
            </p>
            <p>{recovery.cause === 'journal' ? t('recovery.journal') : recovery.restoredFrom ? t('recovery.restored') : t('recovery.rebuilt')}</p>
            {recovery.movedAsideTo && <p>{t('recovery.keptAt', { path: recovery.movedAsideTo })}</p>}
            {recovery.articlesRecovered > 0 && <p>{t('recovery.recovered', { count: recovery.articlesRecovered })}</p>}
            <p>{t('recovery.check')}</p>
          </div>
          <button type="button" className="btn" onClick={() => useUi.setState({ recoveryDismissed: true })}>
            {t('common.dismiss')}
          </button>
        </section>
      )}
      <div role="alert" className={notice ? 'notice' : undefined}>
        {Boolean(notice) && (
          <>
            <p className="grow">{errorMessage(t, notice)}</p>
            <button type="button" className="btn" onClick={() => useUi.getState().setNotice(null)}>
              {t('common.dismiss')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
