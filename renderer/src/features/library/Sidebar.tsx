/** The sidebar: views, tags (filter, rename/merge) and languages, each with its count. */
import { useTranslation } from 'react-i18next';
import { formatNumber, languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { FeedsSection } from '../feeds/FeedsSection';
import { HighlightsEntry, SmartViews } from '../marks/MarksSidebar';
import { useHighlights } from '../../stores/highlights';
import { useLibrary, type View } from '../../stores/library';
import { useUi } from '../../stores/ui';
import '../../styles/sidebar.css';

function Count({ n }: { n: number | undefined }) {
  const locale = useLocale();
  return <span className="count">{n === undefined ? '' : formatNumber(n, locale)}</span>;
}

/** The navigation sidebar. */
export function Sidebar() {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = useLibrary((s) => s.counts);
  const filter = useLibrary((s) => s.filter);
  const { setView, toggleTag, setLang } = useLibrary.getState();
  const views: { view: View; label: string; n: number | undefined }[] = [
    { view: 'all', label: t('sidebar.all'), n: counts?.all },
    { view: 'unread', label: t('sidebar.unread'), n: counts?.unread },
    { view: 'bookmarked', label: t('sidebar.bookmarked'), n: counts?.bookmarked },
    { view: 'trash', label: t('sidebar.trash'), n: counts?.trash },
  ];
  const activeTags = new Set(filter.tags.map((x) => x.toLocaleLowerCase()));
  const highlightsOpen = useHighlights((s) => s.open);
  const elsewhere = Boolean(filter.feeds || filter.smart) || highlightsOpen;
  return (
    <nav className="sidebar" aria-label={t('sidebar.label')} data-testid="sidebar">
      <h2 className="visually-hidden">{t('sidebar.views')}</h2>
      <ul className="side-list">
        {views.map(({ view, label, n }) => (
          <li key={view}>
            <button type="button" className="side-item" aria-current={filter.view === view && !elsewhere ? 'page' : undefined} onClick={() => setView(view)}>
              <span className="side-label">{label}</span>
              <Count n={n} />
            </button>
          </li>
        ))}
        <HighlightsEntry />
      </ul>
      <SmartViews />
      <FeedsSection />
      <h2 className="side-heading">{t('sidebar.tags')}</h2>
      {counts && counts.tags.length === 0 && <p className="side-empty">{t('sidebar.noTags')}</p>}
      <ul className="side-list">
        {counts?.tags.map((tag) => (
          <li key={tag.name} className="side-tag">
            <button
              type="button"
              className="side-item"
              aria-pressed={activeTags.has(tag.name.toLocaleLowerCase())}
              title={t('sidebar.tagFilter', { tag: tag.name })}
              onClick={() => toggleTag(tag.name)}
            >
              <span className="side-label" dir="auto">
                {tag.name}
              </span>
              <Count n={tag.count} />
            </button>
            <button
              type="button"
              className="side-menu"
              aria-label={t('sidebar.tagMenu', { tag: tag.name })}
              title={t('sidebar.tagMenu', { tag: tag.name })}
              onClick={() => useUi.getState().openDialog({ kind: 'tag', name: tag.name })}
            >
              <span aria-hidden="true">⋯</span>
            </button>
          </li>
        ))}
      </ul>
      {counts && counts.langs.length > 0 && (
        <>
          <h2 className="side-heading">{t('sidebar.languages')}</h2>
          <ul className="side-list">
            {counts.langs.map(({ lang, count }) => {
              const name = languageName(lang, locale) ?? t('common.unknownLanguage');
              return (
                <li key={lang}>
                  <button
                    type="button"
                    className="side-item"
                    aria-pressed={filter.lang === lang}
                    title={t('sidebar.languageFilter', { language: name })}
                    onClick={() => setLang(filter.lang === lang ? null : lang)}
                  >
                    <span className="side-label">{name}</span>
                    <Count n={count} />
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </nav>
  );
}
