/** File → Export…: a format, a scope (this article, the selected tags, the search, the whole library), bilingual for EPUB, and the outcome. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest, LibraryExportResult } from '../../../../preload/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { exportLibrary, onExportProgress } from '../../stores/export';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSearch } from '../../stores/search';
import { useUi } from '../../stores/ui';

const FORMATS: ExportRequest['format'][] = ['epub', 'wallabag-json', 'pocket-csv', 'netscape'];
type Scope = 'article' | 'tag' | 'search' | 'library';

/** The export dialog. */
export function ExportDialog() {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const article = useReader((s) => s.article);
  const tags = useLibrary((s) => s.filter.tags);
  const query = useSearch((s) => s.query.trim());
  const scopes: Scope[] = [...(article ? (['article'] as const) : []), ...(tags.length ? (['tag'] as const) : []), ...(query ? (['search'] as const) : []), 'library'];
  const [format, setFormat] = useState<ExportRequest['format']>('epub');
  const [scope, setScope] = useState<Scope>(scopes[0] ?? 'library');
  const [bilingual, setBilingual] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<[number, number] | null>(null);
  const [result, setResult] = useState<LibraryExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => onExportProgress((done, total) => setProgress([done, total])), []);

  const run = (): void => {
    const request: ExportRequest = { format };
    if (scope === 'article' && article) request.ids = [article.id];
    if (scope === 'tag') request.tags = tags;
    if (scope === 'search') request.search = query;
    if (format === 'epub') {
      request.labels = { contents: t('export.contents'), subtitle: t('export.subtitle') };
      if (bilingual) request.bilingual = true;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    exportLibrary(request, { title: t('export.saveTitle'), button: t('export.saveButton'), filterName: t(`export.formats.${format}`) }).then(
      (done) => {
        setBusy(false);
        setResult(done);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  return (
    <Dialog title={t('export.title')} onClose={close} testId="export-dialog">
      <fieldset className="field" disabled={busy}>
        <legend>{t('export.format')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="radio-row">
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(`export.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field" disabled={busy}>
        <legend>{t('export.scope')}</legend>
        {scopes.map((s) => (
          <label key={s} className="radio-row">
            <input type="radio" name="export-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            {t(`export.scopes.${s}`, { title: article?.title ?? '', tags: tags.join(', '), query })}
          </label>
        ))}
      </fieldset>
      {format === 'epub' ? (
        <label className="radio-row">
          <input type="checkbox" checked={bilingual} disabled={busy} onChange={(e) => setBilingual(e.target.checked)} />
          {t('export.bilingual')}
        </label>
      ) : null}
      {busy ? <p role="status">{progress ? t('export.progress', { done: progress[0], total: progress[1] }) : t('export.working')}</p> : null}
      {result ? (
        <p role="status" data-testid="export-result">
          {t('export.done', { count: result.articles, path: result.path })}
          {result.skipped ? ` ${t('export.skipped', { count: result.skipped })}` : ''}
        </p>
      ) : null}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={close}>
          {t('common.close')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={run} data-autofocus>
          {t('export.run')}
        </button>
      </div>
    </Dialog>
  );
}
