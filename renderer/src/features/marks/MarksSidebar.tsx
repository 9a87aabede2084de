/**
 * The sidebar's part for issue 13: the Highlights view, and the smart views (saved searches) with
 * their live counts. A view whose query no longer parses shows its error in place; the rest still count.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useHighlights } from '../../stores/highlights';
import { useLibrary } from '../../stores/library';
import { removeView, useViews } from '../../stores/views';

/** The Highlights entry, placed with the fixed views. */
export function HighlightsEntry() {
  const { t } = useTranslation();
  const open = useHighlights((s) => s.open);
  return (
    <li>
      <button type="button" className="side-item" data-testid="side-highlights" aria-current={open ? 'page' : undefined}
        onPointerEnter={() => useHighlights.getState().prefetch()}
        onFocus={() => useHighlights.getState().prefetch()}
        onClick={() => useHighlights.getState().show()}
      >
        <span className="side-label">{t('marks.view.title')}</span>
      </button>
    </li>
  );
}

/** The smart views section. */
export function SmartViews() {
  const { t } = useTranslation();
  const locale = useLocale();
  const views = useViews((s) => s.views);
  const active = useLibrary((s) => s.filter.smart?.id ?? null);
  const highlightsOpen = useHighlights((s) => s.open);
  useEffect(() => {
    void useViews.getState().load();
  }, []);
  return (
    <section aria-labelledby="smart-views-title" data-testid="smart-views">
      <h2 className="side-heading" id="smart-views-title">
        {t('smartViews.title')}
      </h2>
      {views && views.length === 0 && <p className="side-empty">{t('smartViews.empty')}</p>}
      <ul className="side-list">
        {views?.map((view) => (
          <li key={view.id} className="side-tag" data-testid="smart-view">
            <button
              type="button"
              className="side-item"
              aria-current={active === view.id && !highlightsOpen ? 'page' : undefined}
              title={view.query}
              onClick={() => useLibrary.getState().setSmart({ id: view.id, query: view.query })}
            >
              <span className="side-label" dir="auto">
                {view.name}
              </span>
              <span className="count">{view.count === null ? '!' : formatNumber(view.count, locale)}</span>
            </button>
            <button
              type="button"
              className="side-menu"
              aria-label={t('smartViews.remove', { name: view.name })}
              title={t('smartViews.remove', { name: view.name })}
              onClick={() => void removeView(view.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
            {view.error && (
              <p className="smart-error" role="note" data-testid="smart-view-error">
                {errorMessage(t, { code: view.error, params: view.errorParams ?? {} })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
