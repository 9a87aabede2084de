/** The reader's metadata line: site, place, credit, byline, date, reading time. */
import { useTranslation } from 'react-i18next';
import type { ArticleMeta } from '../../../../preload/contract';
import { formatLongDate } from '../../i18n/format';
import { isRtl } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';

/** Metadata under the title, in the interface language. */
export function MetaLine({ meta }: { meta: ArticleMeta }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts: string[] = [];
  if (meta.siteName) parts.push(meta.siteName);
  if (meta.place) parts.push(meta.place);
  if (meta.credit) parts.push(meta.credit);
  // "BBC News · By BBC News": a byline that only repeats the site is said once.
  const same = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
  if (meta.byline && !(meta.siteName && same(meta.byline, meta.siteName))) parts.push(t('reader.byline', { name: meta.byline }));
  const date = meta.publishedAt
    ? t('reader.published', { date: formatLongDate(meta.publishedAt, locale) })
    : t('reader.saved', { date: formatLongDate(meta.savedAt, locale) });
  parts.push(date);
  parts.push(t('reader.readingTime', { count: Math.max(1, meta.readingMinutes) }));
  return (
    // Interface text inside the article's element: it carries the interface language, not the article's.
    // data-article-dir: the line starts on the article's side, whatever the interface's direction.
    <p className="reader-meta" lang={locale} dir={isRtl(locale) ? 'rtl' : 'ltr'} data-article-dir={meta.dir}>
      {parts.map((part, i) => (
        <span key={i}>{part}</span>
      ))}
    </p>
  );
}
