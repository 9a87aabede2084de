/** The reader pane: toolbar, tags, and the article in its own language and direction. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { addTags, removeTags } from '../../stores/actions';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useSettings } from '../../stores/settings';
import { useKnownTags } from '../../stores/tags';
import { TagEditor } from '../tags/TagEditor';
import { Welcome } from './Welcome';
import { ArticleText } from '../translate/ArticleText';
import { Listen } from '../listen/Listen';
import { ReaderTitle } from '../translate/ReaderTitle';
import { TranslateBar } from '../translate/TranslateBar';
import { useReadingView } from '../translate/useReadingView';
import { MetaLine } from './MetaLine';
import { ReaderToolbar } from './ReaderToolbar';
import { useReadingProgress } from './useReadingProgress';
import '../../styles/reader.css';
import '../../styles/translate.css';

/** The reader pane (a placeholder or the welcome screen when nothing is open). */
export function Reader() {
  const { t } = useTranslation();
  const { article, status, error } = useReader();
  const libraryEmpty = useLibrary((s) => s.counts?.all === 0 && s.counts.trash === 0);
  const { fontSize, fontFamily } = useSettings((s) => s.settings);
  const known = useKnownTags();
  const scroller = useRef<HTMLDivElement>(null);
  const shown = status === 'ready' ? article : null;
  const { progress, onScroll } = useReadingProgress(scroller, shown?.id ?? null, shown?.progress ?? 0);
  const view = useReadingView(shown);

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
        <ReaderToolbar meta={shown} />
        {view && <TranslateBar article={shown} to={view.to} translation={view.translation} mode={view.mode} />}
        <Listen article={shown} translation={view?.translation} mode={view?.mode ?? 'original'} />
        <TagEditor tags={shown.tags} known={known} onAdd={(tag) => void addTags(shown.id, [tag])} onRemove={(tag) => void removeTags(shown.id, [tag])} />
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
          lang={view?.lang ?? (shown.lang === 'und' ? undefined : shown.lang)}
          dir={view?.dir ?? shown.dir}
          aria-labelledby="reader-title"
          style={{ fontSize: `${fontSize}px` }}
        >
          <header className="reader-header">
            {shown.section && <p className="reader-section">{shown.section}</p>}
            <ReaderTitle article={shown} view={view} untitled={t('list.untitled')} />
            <MetaLine meta={shown} />
          </header>
          <div className="reader-body" data-testid="reader-body">
            {shown.blocks.length ? (
              <ArticleText blocks={shown.blocks} translation={view?.translation} mode={view?.mode ?? 'original'} from={shown.lang} fromDir={shown.dir} />
            ) : (
              <p>{t('reader.emptyBody')}</p>
            )}
          </div>
        </article>
      </div>
    </>
  );
}
