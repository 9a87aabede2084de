/** One line per imported source: saved, already saved, or why it failed (translated). */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { openArticle } from '../../stores/actions';
import { useImport } from '../../stores/importer';
import { useUi } from '../../stores/ui';

/** The result list of the last import batch. */
export function ImportResults() {
  const { t } = useTranslation();
  const { results, summary } = useImport();
  if (results.length === 0) return null;
  return (
    <section aria-labelledby="import-results-title" className="import-results">
      <h3 id="import-results-title">{t('import.results')}</h3>
      {summary && (
        <p role="status">
          {t('import.summary', { imported: summary.imported, duplicates: summary.duplicates, failed: summary.failed + results.length - summary.results.length })}
        </p>
      )}
      <ul data-testid="import-results">
        {results.map((r, i) => (
          <li key={i} className={r.ok ? 'result-ok' : 'result-failed'} data-status={r.ok ? (r.created ? 'imported' : 'duplicate') : 'failed'}>
            <span className="result-status">{r.ok ? (r.created ? t('import.imported') : t('import.duplicate')) : t('import.failed')}</span>
            <span className="result-source" dir="auto">
              {r.ok ? r.title : r.source}
            </span>
            {r.ok ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  useUi.getState().closeDialog();
                  void openArticle(r.id);
                }}
              >
                {t('import.openArticle')}
              </button>
            ) : (
              <span className="result-error">{errorMessage(t, r.error)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
