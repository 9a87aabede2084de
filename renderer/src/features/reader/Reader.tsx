/** The reader pane: one row of controls, the translation bar when useful, and the article (title, tags, text). */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { addTags, removeTags } from '../../stores/actions';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSettings } from '../../stores/settings';
import { useKnownTags } from '../../stores/tags';
import { isRtl } from '../../i18n';
import { useLocale } from '../../i18n/useLocale';
import { primary, useTranslate } from '../../stores/translate';
import { TagEditor } from '../tags/TagEditor';
import { Welcome } from './Welcome';
import { ArticleText } from '../translate/ArticleText';
import { Listen } from '../listen/Listen';
import { ReaderTitle } from '../translate/ReaderTitle';
import { TranslateBar } from '../translate/TranslateBar';
import { useReadingView } from '../translate/useReadingView';
import { ArticleNote } from '../marks/ArticleNote';
import { DetachedMarks } from '../marks/DetachedMarks';
import { MarksLayer } from '../marks/MarksLayer';
import { MetaLine } from './MetaLine';
import { ReaderToolbar } from './ReaderToolbar';
import { useReadingProgress } from './useReadingProgress';
import '../../styles/reader.css';
import '../../styles/translate.css';

/**
 * Whether the translation bar shows on its own: the article is in another language than the
 * interface, or a translation or job exists. The toolbar's button overrides it per article.
 */
function useTranslateShown(article: { id: string; lang: string; translations: object } | null, locale: string): [boolean, () => void] {
  const job = useTranslate((s) => (article ? Boolean(s.jobs[article.id]) : false));
  const [override, setOverride] = useState<{ id: string; shown: boolean } | null>(null);
  if (!article) return [false, () => undefined];
  const automatic = job || Object.keys(article.translations).length > 0 || (article.lang !== 'und' && primary(article.lang) !== primary(locale));
  const shown = override?.id === article.id ? override.shown : automatic;
  return [shown, () => setOverride({ id: article.id, shown: !shown })];
}

/** The reader pane (a placeholder or the welcome screen when nothing is open). */
export function Reader({ back = false }: { back?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { article, status, error } = useReader();
  const libraryEmpty = useLibrary((s) => s.counts?.all === 0 && s.counts.trash === 0);
  const { fontSize, fontFamily } = useSettings((s) => s.settings);
  const known = useKnownTags();
  const scroller = useRef<HTMLDivElement>(null);
  const shown = status === 'ready' ? article : null;
  const { progress, onScroll } = useReadingProgress(scroller, shown?.id ?? null, shown?.progress ?? 0);
  const view = useReadingView(shown);
  const [translateShown, toggleTranslate] = useTranslateShown(shown, locale);

  if (!shown) {
    if (status === 'idle' && libraryEmpty) return <Welcome />;
    return (
      <div className="placeholder" data-testid="reader-placeholder">
        {status === 'loading' && <p role="status">{t('reader.loading')}</p>}
        {status === 'error' && (
          <p role="alert" className="error-text">
            {t('reader.loadFailed')} {errorMessage(t, error)}
          </p>
        )}
        {status === 'idle' && (
          <>
            <p>{t('reader.placeholder')}</p>
            <p>{t('reader.placeholderHint')}</p>
          </>
        )}
      </div>
    );
  }

  return (
    <>
      <div className="reader-head">
        <ReaderToolbar
          meta={shown}
          translateShown={translateShown}
          onToggleTranslate={toggleTranslate}
          back={back}
          listen={<Listen article={shown} translation={view?.translation} mode={view?.mode ?? 'original'} />}
        />
        {view && translateShown && <TranslateBar article={shown} to={view.to} translation={view.translation} mode={view.mode} />}
        <div className="reader-progress" aria-hidden="true">
          <div className="reader-progress-bar" style={{ inlineSize: `${Math.round(progress * 100)}%` }} />
        </div>
      </div>
      {shown.deletedAt && <p className="reader-trashed">{t('reader.inTrash')}</p>}
      {/* Focusable so the keyboard can scroll the article (arrows, Page Down, Space). */}
      <div className="reader-scroll" ref={scroller} onScroll={onScroll} tabIndex={0}>
        <article
          className={`reader font-${fontFamily}${view?.mode === 'bilingual' ? ' reader-bilingual' : ''}`}
          data-testid="reader"
          data-article-id={shown.id}
          lang={view?.lang ?? (shown.lang === 'und' ? undefined : shown.lang)}
          dir={view?.dir ?? shown.dir}
          aria-labelledby="reader-title"
          style={{ fontSize: `${fontSize}px` }}
        >
          <header className="reader-header">
            {shown.section && <p className="reader-section">{shown.section}</p>}
            <ReaderTitle article={shown} view={view} untitled={t('list.untitled')} />
            <MetaLine meta={shown} />
            {/* Interface controls inside the article element: they carry the interface language. */}
            <div className="reader-tags" lang={locale} dir={isRtl(locale) ? 'rtl' : 'ltr'} data-article-dir={shown.dir}>
              <TagEditor tags={shown.tags} known={known} onAdd={(tag) => void addTags(shown.id, [tag])} onRemove={(tag) => void removeTags(shown.id, [tag])} />
              <ArticleNote articleId={shown.id} />
            </div>
          </header>
          <div className="reader-body" data-testid="reader-body">
            {shown.blocks.length ? (
              <MarksLayer article={shown} translation={view?.translation} mode={view?.mode ?? 'original'}>
                <ArticleText blocks={shown.blocks} translation={view?.translation} mode={view?.mode ?? 'original'} from={shown.lang} fromDir={shown.dir} />
              </MarksLayer>
            ) : (
              <p>{t('reader.emptyBody')}</p>
            )}
          </div>
          <div lang={locale} dir={isRtl(locale) ? 'rtl' : 'ltr'}>
            <DetachedMarks articleId={shown.id} />
          </div>
        </article>
      </div>
    </>
  );
}
