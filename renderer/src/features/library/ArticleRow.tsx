/** One row of the article list: title, site, date, language, reading time, tags, unread dot, bookmark star. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleMeta } from '../../../../preload/contract';
import { formatListDate, languageName } from '../../i18n/format';
import { isRtl } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { setBookmarked } from '../../stores/actions';
import { useSettings } from '../../stores/settings';
import { listTitle } from '../translate/listTitle';

type Translate = ReturnType<typeof useTranslation>['t'];

// t() with ICU plurals formats a message on every call, and every row asks for the same few
// labels ("Unread", "5 min read"): keep them per translation function (a new one per language).
const labels = new WeakMap<Translate, Map<string, string>>();

function label(t: Translate, key: 'list.unread' | 'list.readingTime' | 'list.languageBadge', params: Record<string, string | number> = {}): string {
  let known = labels.get(t);
  if (!known) labels.set(t, (known = new Map()));
  const id = `${key}|${JSON.stringify(params)}`;
  let text = known.get(id);
  if (text === undefined) known.set(id, (text = t(key, params)));
  return text;
}

/** Props of ArticleRow. */
export interface ArticleRowProps {
  meta: ArticleMeta;
  selected: boolean;
  /** The row the list's single Tab stop is on (the selected one, else the first). */
  tabStop?: boolean;
  current: boolean;
  sortByPublished: boolean;
  onOpen: (meta: ArticleMeta) => void;
}

/** The content of a loaded row (the list positions it). */
export const ArticleRow = memo(function ArticleRow({ meta, selected, tabStop, current, sortByPublished, onOpen }: ArticleRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const translateTo = useSettings((s) => s.settings.translateTo);
  const shown = listTitle(meta, translateTo ?? locale);
  const title = shown.text || t('list.untitled');
  // Feed items show when the story was published (a 2018 story fetched today is not "today").
  const date = formatListDate(sortByPublished || meta.feedId ? (meta.publishedAt ?? meta.savedAt) : meta.savedAt, locale);
  const language = languageName(meta.lang, locale);
  const tabIndex = (tabStop ?? selected) ? 0 : -1;
  const badge = language ? label(t, 'list.languageBadge', { language }) : '';
  const starLabel = meta.bookmarked ? t('list.unbookmark', { title }) : t('list.bookmark', { title });
  return (
    <>
      <button
        type="button"
        className="row-main"
        aria-current={current ? 'true' : undefined}
        tabIndex={tabIndex}
        data-row-button=""
        onClick={() => onOpen(meta)}
      >
        {/* The title block takes the title's direction: an English title in an Arabic list starts at the
            left and its "…" falls at its end, not before its first word. */}
        <span className="row-title" dir={shown.translated ? (isRtl(shown.lang ?? '') ? 'rtl' : 'ltr') : meta.dir}>
          {!meta.readAt && (
            <span className="unread-dot">
              <span className="visually-hidden">{label(t, 'list.unread')}: </span>
            </span>
          )}
          {/* Its own element: the direction comes from the title, not from the "Unread" label before it. */}
          <span lang={shown.lang} dir="auto" title={shown.translated ? meta.title : undefined} data-translated={shown.translated ? '' : undefined}>
            {title}
          </span>
        </span>
        <span className="row-meta">
          {meta.siteName && <span dir="auto">{meta.siteName}</span>}
          {date && <span>{date}</span>}
          {language && (
            <span className="lang-badge" title={badge}>
              <span aria-hidden="true">{meta.lang.toUpperCase()}</span>
              <span className="visually-hidden">{badge}</span>
            </span>
          )}
          <span>{label(t, 'list.readingTime', { count: Math.max(1, meta.readingMinutes) })}</span>
        </span>
        {meta.tags.length > 0 && (
          <span className="row-tags">
            <span className="visually-hidden">{t('list.tagsLabel', { tags: meta.tags.join(', ') })}</span>
            {meta.tags.map((tag) => (
              <span key={tag} className="row-tag" aria-hidden="true">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
      <button
        type="button"
        className="star"
        aria-pressed={meta.bookmarked}
        aria-label={starLabel}
        title={starLabel}
        tabIndex={tabIndex}
        onClick={() => void setBookmarked(meta.id, !meta.bookmarked)}
      >
        <span aria-hidden="true">{meta.bookmarked ? '★' : '☆'}</span>
      </button>
    </>
  );
});
