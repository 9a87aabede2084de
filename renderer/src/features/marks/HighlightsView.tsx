/**
 * The Highlights view in the list pane: every highlight and note in the library, newest first,
 * filtered by colour, tag, language and the open article. An entry opens its article scrolled to
 * the highlight, flashed.
 */
import { useTranslation } from 'react-i18next';
import type { HighlightEntry } from '../../../../preload/contract';
import { formatListDate, languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { openHighlight, useHighlights, type HighlightsFilter } from '../../stores/highlights';
import { useLibrary } from '../../stores/library';
import { COLORS } from '../../stores/marks';
import { useReader } from '../../stores/reader';
import '../../styles/marks.css';

function Entry({ entry }: { entry: HighlightEntry }) {
  const locale = useLocale();
  const h = entry.highlight;
  return (
    <li className="hl-entry" data-testid="highlight-entry" data-id={h.id}>
      <button type="button" className="hl-entry-open" onClick={() => void openHighlight(entry)}>
        <span className={`hl-quote hl-${h.color}`} lang={entry.lang === 'und' ? undefined : entry.lang} dir="auto">
          {h.quote.exact}
        </span>
        {h.note && (
          <span className="hl-note" dir="auto">
            {h.note}
          </span>
        )}
        <span className="hl-entry-meta" dir="auto">
          {[entry.title, formatListDate(h.createdAt, locale)].filter(Boolean).join(' · ')}
        </span>
      </button>
    </li>
  );
}

function Filters() {
  const { t } = useTranslation();
  const locale = useLocale();
  const filter = useHighlights((s) => s.filter);
  const counts = useLibrary((s) => s.counts);
  const openId = useReader((s) => s.openId);
  const set = (patch: Partial<HighlightsFilter>) => useHighlights.getState().setFilter(patch);
  return (
    <div className="hl-filters" role="group" aria-label={t('list.filters')}>
      <label>
        {t('marks.view.color')}
        <select className="select" value={filter.color ?? ''} onChange={(e) => set({ color: (e.target.value || undefined) as HighlightsFilter['color'] })}>
          <option value="">{t('marks.view.any')}</option>
          {COLORS.map((c) => (
            <option key={c} value={c}>
              {t(`marks.color.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('marks.view.tag')}
        <select className="select" value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
          <option value="">{t('marks.view.any')}</option>
          {counts?.tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('marks.view.language')}
        <select className="select" value={filter.lang ?? ''} onChange={(e) => set({ lang: e.target.value || undefined })}>
          <option value="">{t('marks.view.any')}</option>
          {counts?.langs.map(({ lang }) => (
            <option key={lang} value={lang}>
              {languageName(lang, locale) ?? t('common.unknownLanguage')}
            </option>
          ))}
        </select>
      </label>
      <label className="hl-filter-article">
        <input type="checkbox" checked={Boolean(filter.articleId)} disabled={!openId && !filter.articleId} onChange={(e) => set({ articleId: e.target.checked ? (openId ?? undefined) : undefined })} />
        {t('marks.view.thisArticle')}
      </label>
    </div>
  );
}

/** The Highlights view. */
export function HighlightsView() {
  const { t } = useTranslation();
  const { items, total, error } = useHighlights();
  return (
    <section className="highlights-view" aria-labelledby="highlights-title" data-testid="highlights-view">
      <div className="list-header">
        <div className="list-header-row">
          <h2 id="highlights-title" className="search-title">
            {t('marks.view.title')}
          </h2>
          <span className="list-total" role="status">
            {total === null ? '' : t('marks.view.count', { count: total })}
          </span>
        </div>
        <Filters />
      </div>
      {error ? <p className="list-empty">{t('errors.GENERIC')}</p> : null}
      {total === 0 && !error && <p className="list-empty">{t('marks.view.empty')}</p>}
      <ul className="hl-list" aria-labelledby="highlights-title">
        {items.map((entry) => (
          <Entry key={`${entry.articleId}/${entry.highlight.id}`} entry={entry} />
        ))}
      </ul>
      {total !== null && items.length < total && (
        <button type="button" className="btn hl-more" onClick={() => void useHighlights.getState().loadMore()}>
          {t('marks.view.more')}
        </button>
      )}
    </section>
  );
}
