/** Search results in the list pane: highlighted title and snippet, click or Enter opens. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatListDate, languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { openArticle } from '../../stores/actions';
import { useReader } from '../../stores/reader';
import { useSearch } from '../../stores/search';
import { errorMessage } from '../../i18n/errors';
import { SearchExtras } from '../marks/SearchExtras';
import { Highlight } from './Highlight';
import { optionId, RESULTS_ID } from './SearchBox';
import '../../styles/search.css';

/** The results pane. */
export function SearchResults() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { hits, answered, active, query, error } = useSearch();
  const openId = useReader((s) => s.openId);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pending = answered !== query;
  return (
    <section className="search-results" aria-labelledby="search-results-title" data-testid="search-results">
      <div className="list-header">
        <h2 id="search-results-title" className="search-title">
          {t('search.results')}
        </h2>
        <span className="list-total" role="status">
          {pending ? '' : t('search.count', { count: hits.length })}
        </span>
      </div>
      {!pending && hits.length === 0 && <p className="list-empty">{error ? errorMessage(t, error) : t('search.noResults', { query: answered })}</p>}
      {hits.length > 0 && (
      <ul
        id={RESULTS_ID}
        role="listbox"
        aria-label={t('search.results')}
        className="hit-list"
        // Focusable so the keyboard can scroll and walk the results (j/k/Enter come from the global shortcuts).
        tabIndex={0}
        aria-activedescendant={optionId(active)}
        onKeyDown={(e) => {
          const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          useSearch.getState().setActive(Math.min(hits.length - 1, Math.max(0, active + step)));
        }}
      >
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            aria-current={hit.id === openId ? 'true' : undefined}
            className="hit"
            data-id={hit.id}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              useSearch.getState().setActive(i);
              void openArticle(hit.id);
            }}
          >
            <span className="hit-title" lang={hit.meta.lang === 'und' ? undefined : hit.meta.lang} dir="auto">
              <Highlight parts={hit.title} />
            </span>
            <span className="hit-meta">
              {[hit.meta.siteName, formatListDate(hit.meta.savedAt, locale)].filter(Boolean).join(' · ')}
            </span>
            {hit.snippetLang && (
              <span className="hit-from" data-testid="hit-from-translation">
                {t('reading.inTranslation', { language: languageName(hit.snippetLang, locale) || hit.snippetLang })}
              </span>
            )}
            <span className="hit-snippet" lang={hit.snippetLang ?? (hit.meta.lang === 'und' ? undefined : hit.meta.lang)} dir="auto">
              <Highlight parts={hit.snippet} />
            </span>
          </li>
        ))}
      </ul>
      )}
      {!pending && <SearchExtras query={answered} />}
    </section>
  );
}
