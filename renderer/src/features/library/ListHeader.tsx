/** Above the list: the count, sort order, and chips for the active tag/language filters. */
import { useTranslation } from 'react-i18next';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useLibrary } from '../../stores/library';
import { useSettings } from '../../stores/settings';
import type { Settings } from '../../../../preload/contract';
import { EmptyTrash } from './EmptyTrash';

/** The list header. */
export function ListHeader() {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = useLibrary((s) => s.total);
  const sort = useLibrary((s) => s.sort);
  const filter = useLibrary((s) => s.filter);
  const { removeTag, setLang, clearFilters, setSort } = useLibrary.getState();
  const hasFilters = filter.tags.length > 0 || filter.lang !== null;
  const langName = filter.lang ? (languageName(filter.lang, locale) ?? t('common.unknownLanguage')) : '';
  return (
    <div className="list-header">
      <div className="list-header-row">
        <span className="list-total" role="status">
          {total === null ? '' : t('list.total', { count: total })}
        </span>
        <label className="sort">
          <span>{t('list.sortLabel')}</span>
          <select
            className="select"
            value={sort}
            onChange={(e) => {
              const next = e.target.value as Settings['sort'];
              setSort(next);
              void useSettings.getState().update({ sort: next });
            }}
          >
            <option value="savedAt">{t('list.sortSaved')}</option>
            <option value="publishedAt">{t('list.sortPublished')}</option>
          </select>
        </label>
      </div>
      {filter.view === 'trash' && total !== null && total > 0 && <EmptyTrash count={total} />}
      {hasFilters && (
        <div className="filters" role="group" aria-label={t('list.filters')}>
          {filter.tags.map((tag) => (
            <span key={tag} className="filter-chip" data-testid="filter-chip">
              <span dir="auto">{t('list.tagFilter', { tag })}</span>
              <button type="button" className="chip-remove" aria-label={t('list.removeFilter', { name: tag })} onClick={() => removeTag(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </span>
          ))}
          {filter.lang && (
            <span className="filter-chip" data-testid="filter-chip">
              <span>{t('list.languageFilter', { language: langName })}</span>
              <button type="button" className="chip-remove" aria-label={t('list.removeFilter', { name: langName })} onClick={() => setLang(null)}>
                <span aria-hidden="true">×</span>
              </button>
            </span>
          )}
          <button type="button" className="btn btn-link" onClick={clearFilters}>
            {t('list.clearFilters')}
          </button>
        </div>
      )}
    </div>
  );
}
