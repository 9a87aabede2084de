/**
 * What issue 13 adds under the search results: the Highlights group (highlights whose text or note
 * holds the words) and "Save this search as a view". A malformed query's QUERY_* error is shown
 * inline in the form, translated; nothing is saved then.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { openHighlight, useHighlights } from '../../stores/highlights';
import { saveView } from '../../stores/views';
import { Highlight } from '../search/Highlight';
import '../../styles/marks.css';

function SaveView({ query }: { query: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setName(null);
    setError(null);
    setSaved(false);
  }, [query]);
  if (saved) return <p className="save-view" role="status">{t('smartViews.saved')}</p>;
  if (name === null) {
    return (
      <div className="save-view">
        <button type="button" className="btn btn-link" data-testid="save-view" onClick={() => setName(query)}>
          {t('smartViews.save')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="save-view"
      onSubmit={(e) => {
        e.preventDefault();
        saveView(name.trim() || query, query).then(
          () => setSaved(true),
          (err: unknown) => setError(err),
        );
      }}
    >
      <label>
        {t('smartViews.name')}
        <input className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={error ? true : undefined} aria-describedby={error ? 'save-view-error' : undefined} />
      </label>
      <button type="submit" className="btn">
        {t('smartViews.saveButton')}
      </button>
      {Boolean(error) && (
        <p id="save-view-error" className="error-text" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </form>
  );
}

/** The Highlights group and the save form, for the answered query. */
export function SearchExtras({ query }: { query: string }) {
  const { t } = useTranslation();
  const hits = useHighlights((s) => s.hits);
  useEffect(() => {
    void useHighlights.getState().searchHits(query);
  }, [query]);
  if (query.trim() === '') return null;
  return (
    <>
      {hits.length > 0 && (
        <section className="hl-hits" aria-labelledby="hl-hits-title" data-testid="highlight-hits">
          <h3 id="hl-hits-title" className="search-title">
            {t('marks.view.title')}
          </h3>
          <ul className="hl-list">
            {hits.map((hit) => (
              <li key={`${hit.articleId}/${hit.highlight.id}`} className="hl-entry">
                <button type="button" className="hl-entry-open" onClick={() => void openHighlight(hit)}>
                  <span className={`hl-quote hl-${hit.highlight.color}`} lang={hit.lang === 'und' ? undefined : hit.lang} dir="auto">
                    <Highlight parts={hit.text} />
                  </span>
                  {hit.note && (
                    <span className="hl-note" dir="auto">
                      <Highlight parts={hit.note} />
                    </span>
                  )}
                  <span className="hl-entry-meta" dir="auto">
                    {hit.title}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SaveView query={query} />
    </>
  );
}
