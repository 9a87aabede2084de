/** File → "Import from another app…": choose an export, see "n of m", the summary, and the link fetch with Pause / Retry failed. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../i18n/errors';
import { useMigrate } from '../../stores/migrate';
import { useUi } from '../../stores/ui';
import type { FetchStatus, MigrateSummary } from '../../../../preload/contract';

function Summary({ summary }: { summary: MigrateSummary }) {
  const { t } = useTranslation();
  return (
    <div data-testid="migrate-summary" aria-live="polite">
      <p>{t('migrate.summary', { imported: summary.imported, already: summary.alreadyThere, waiting: summary.linksWaiting, failed: summary.failed })}</p>
      {summary.imported === 0 && summary.alreadyThere > 0 ? <p className="field-hint">{t('migrate.nothingNew')}</p> : null}
      {summary.failures.length > 0 ? (
        <ul className="import-results">
          {summary.failures.slice(0, 50).map((f, i) => (
            <li key={i}>
              {f.label}: {errorMessage(t, { code: f.code, message: f.message, params: { url: f.url, scheme: f.url.split(':')[0] ?? '' } })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FetchPanel({ fetch }: { fetch: FetchStatus }) {
  const { t } = useTranslation();
  const { pause, resume, retryFailed } = useMigrate();
  const text = fetch.offline ? t('migrate.offline') : fetch.paused ? t('migrate.paused') : t('migrate.fetching', { done: fetch.done, total: fetch.total });
  return (
    <div className="import-progress migrate-fetch" data-testid="migrate-fetch">
      <label htmlFor="migrate-fetch-bar">{t('migrate.fetchLabel')}</label>
      <progress id="migrate-fetch-bar" max={Math.max(1, fetch.total)} value={fetch.done} aria-valuetext={text} />
      <span aria-live="polite">{text}</span>
      <p className="field-hint">{t('migrate.fetchCounts', { fetched: fetch.fetched, failed: fetch.failed, waiting: fetch.waiting })}</p>
      <div className="actions">
        {fetch.paused ? (
          <button type="button" className="btn" onClick={() => void resume()}>
            {t('migrate.resume')}
          </button>
        ) : (
          <button type="button" className="btn" disabled={fetch.waiting === 0} onClick={() => void pause()}>
            {t('migrate.pause')}
          </button>
        )}
        <button type="button" className="btn" disabled={fetch.failed === 0} onClick={() => void retryFailed()}>
          {t('migrate.retryFailed')}
        </button>
      </div>
    </div>
  );
}

/** The import-from-another-app dialog. */
export function MigrateDialog() {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const { running, progress, summary, fetch, error, choose, listen, refreshFetch } = useMigrate();
  useEffect(() => {
    const off = listen();
    void refreshFetch().catch(() => undefined);
    return off;
  }, [listen, refreshFetch]);
  const strings = { title: t('migrate.title'), button: t('migrate.choose'), filterName: t('migrate.filterName') };
  return (
    <Dialog title={t('migrate.title')} onClose={close} testId="migrate-dialog" wide>
      <p className="field-hint">{t('migrate.intro')}</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={running} onClick={() => void choose(strings, [])}>
          {running ? t('migrate.working') : t('migrate.choose')}
        </button>
      </div>
      {running && progress ? (
        <div className="import-progress">
          <label htmlFor="migrate-progress-bar">{t('migrate.progressLabel')}</label>
          <progress id="migrate-progress-bar" data-testid="migrate-progress" max={Math.max(1, progress.total)} value={progress.entries} />
          <span aria-live="polite">{t('migrate.progress', { done: progress.entries, total: progress.total })}</span>
        </div>
      ) : null}
      {summary && !running ? <Summary summary={summary} /> : null}
      {fetch && (fetch.total > 0 || fetch.waiting > 0 || fetch.failed > 0) ? <FetchPanel fetch={fetch} /> : null}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
