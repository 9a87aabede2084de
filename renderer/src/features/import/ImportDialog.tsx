/** The Add dialog: web addresses, files, optional tags; then progress and a result per source. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { prepareImport } from '../../stores/system';
import { Dialog } from '../../components/Dialog';
import { useImport } from '../../stores/importer';
import { useUi } from '../../stores/ui';
import { chooseAndImport, parseTags, parseUrls } from './chooseFiles';
import { ImportResults } from './ImportResults';
import '../../styles/import.css';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The Add dialog. */
export function ImportDialog() {
  const { t } = useTranslation();
  const { urlsText, tagsText, running, progress, error } = useImport();
  const close = useUi((s) => s.closeDialog);
  const openDialog = useUi((s) => s.openDialog);
  const urls = parseUrls(urlsText);
  // While the user pastes addresses, main starts its import workers (a warm batch runs faster).
  useEffect(() => {
    prepareImport();
  }, []);

  const results = useImport((s) => s.results);
  // Addresses that failed stay in the box (walk item 3), so they can be fixed or retried.
  const failed = results.filter((r) => !r.ok && /^https?:/i.test(r.source)).map((r) => r.source);
  const submit = (batch: string[] = urls): void => {
    if (batch.length === 0) return;
    void useImport.getState().run({ kind: 'urls', urls: batch }, parseTags(tagsText)).then(() => {
      const { error, results: done } = useImport.getState();
      if (error) return;
      const left = done.filter((r) => !r.ok && batch.includes(r.source)).map((r) => r.source);
      useImport.setState({ urlsText: left.join('\n') });
    });
  };

  return (
    <Dialog title={t('import.title')} onClose={close} testId="import-dialog" wide>
      <p className="field-hint">{t('import.intro')}</p>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor="import-urls">{t('import.urlsLabel')}</label>
          <textarea
            id="import-urls"
            className="textarea"
            rows={4}
            value={urlsText}
            placeholder={t('import.urlsPlaceholder')}
            spellCheck={false}
            dir="auto"
            data-autofocus=""
            onChange={(e) => useImport.setState({ urlsText: e.target.value })}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter saves, Enter alone starts a new line for the next address.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-tags">{t('import.tagsLabel')}</label>
          <input
            id="import-tags"
            className="input"
            type="text"
            value={tagsText}
            aria-describedby="import-tags-hint"
            onChange={(e) => useImport.setState({ tagsText: e.target.value })}
          />
          <p id="import-tags-hint" className="field-hint">
            {t('import.tagsHint')}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="btn" disabled={running} onClick={() => void chooseAndImport(t, parseTags(tagsText))}>
            {t('import.chooseFiles')}
          </button>
          {failed.length > 0 && !running && (
            <button type="button" className="btn" data-testid="import-retry-failed" onClick={() => submit(failed)}>
              {t('import.retryFailed', { count: failed.length })}
            </button>
          )}
          <button type="button" className="btn" disabled={running} onClick={() => openDialog({ kind: 'migrate' })}>
            {t('migrate.open')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={running || urls.length === 0}>
            {running ? t('import.working') : t('import.submit')}
          </button>
        </div>
      </form>
      {progress && (
        <div className="import-progress">
          <label htmlFor="import-progress-bar">{t('import.progressLabel')}</label>
          <progress id="import-progress-bar" data-testid="import-progress" max={Math.max(1, progress.total)} value={progress.done} aria-valuetext={t('import.progress', { done: progress.done, total: progress.total })} />
          <span aria-live="polite">{t('import.progress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      <ErrorAlert error={error} />
      <ImportResults />
    </Dialog>
  );
}
