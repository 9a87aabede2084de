/**
 * The search field in the top bar. Results replace the article list while it has text;
 * ↑/↓ move through them, Enter opens, Esc clears. It stays a searchbox (not a combobox)
 * and points at the active result with aria-activedescendant.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openArticle } from '../../stores/actions';
import { useSearch } from '../../stores/search';
import { useUi } from '../../stores/ui';

/** The id of the results listbox and of one option. */
export const RESULTS_ID = 'search-results';
/** The DOM id of a result option. */
export const optionId = (i: number): string => `search-result-${i}`;

/** Opens the active search hit; returns whether there was one. */
export function openActiveHit(): boolean {
  const { hits, active } = useSearch.getState();
  const hit = hits[active] ?? hits[0];
  if (!hit) return false;
  void openArticle(hit.id);
  return true;
}

/** The search input. */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const hits = useSearch((s) => s.hits);
  const active = useSearch((s) => s.active);
  const focusToken = useUi((s) => s.searchFocus);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusToken > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [focusToken]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const { setActive, clear } = useSearch.getState();
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive(Math.min(hits.length - 1, active + 1));
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive(Math.max(0, active - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openActiveHit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (query) clear();
      else input.current?.blur();
    }
  };

  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        className="input search-input"
        data-testid="search-input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-controls={query && hits.length ? RESULTS_ID : undefined}
        aria-activedescendant={query && hits.length ? optionId(active) : undefined}
        aria-describedby="search-hint"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => useSearch.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id="search-hint" className="visually-hidden">
        {t('search.hint')}
      </span>
    </div>
  );
}
