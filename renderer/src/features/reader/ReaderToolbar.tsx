/** The reader's actions: bookmark, read state, tags, text size and typeface, original page, trash. */
import { useTranslation } from 'react-i18next';
import type { ArticleMeta } from '../../../../preload/contract';
import { setBookmarked, setRead, setTrashed } from '../../stores/actions';
import { stepFontSize, useSettings, FONT_MAX, FONT_MIN } from '../../stores/settings';
import { openExternalLink } from '../../stores/system';

/** Toolbar above the article. */
export function ReaderToolbar({ meta }: { meta: ArticleMeta }) {
  const { t } = useTranslation();
  const { fontSize, fontFamily } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const trashed = Boolean(meta.deletedAt);
  return (
    <div className="reader-toolbar" role="group" aria-label={t('reader.actions')}>
      <button type="button" className="btn" aria-pressed={meta.bookmarked} onClick={() => void setBookmarked(meta.id, !meta.bookmarked)}>
        <span aria-hidden="true">{meta.bookmarked ? '★' : '☆'}</span>
        {meta.bookmarked ? t('reader.bookmarked') : t('reader.bookmark')}
      </button>
      <button type="button" className="btn" onClick={() => void setRead(meta.id, !meta.readAt)}>
        {meta.readAt ? t('reader.markUnread') : t('reader.markRead')}
      </button>
      <span className="toolbar-gap" />
      <button
        type="button"
        className="btn btn-icon"
        aria-label={t('reader.fontSmaller')}
        title={t('reader.fontSmaller')}
        disabled={fontSize <= FONT_MIN}
        onClick={() => void update({ fontSize: stepFontSize(fontSize, -1) })}
      >
        <span aria-hidden="true" className="a-small">A</span>
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label={t('reader.fontLarger')}
        title={t('reader.fontLarger')}
        disabled={fontSize >= FONT_MAX}
        onClick={() => void update({ fontSize: stepFontSize(fontSize, 1) })}
      >
        <span aria-hidden="true" className="a-large">A</span>
      </button>
      <div className="segmented" role="group" aria-label={t('reader.fontFamily')}>
        <button type="button" className="btn" aria-pressed={fontFamily === 'serif'} onClick={() => void update({ fontFamily: 'serif' })}>
          {t('reader.fontSerif')}
        </button>
        <button type="button" className="btn" aria-pressed={fontFamily === 'sans'} onClick={() => void update({ fontFamily: 'sans' })}>
          {t('reader.fontSans')}
        </button>
      </div>
      <span className="toolbar-gap" />
      {meta.url && (
        <button
          type="button"
          className="btn"
          title={t('reader.openOriginalTitle')}
          onClick={() => openExternalLink(meta.url as string)}
        >
          {t('reader.openOriginal')}
        </button>
      )}
      <button type="button" className="btn" onClick={() => void setTrashed(meta.id, !trashed)}>
        {trashed ? t('reader.restore') : t('reader.delete')}
      </button>
    </div>
  );
}
