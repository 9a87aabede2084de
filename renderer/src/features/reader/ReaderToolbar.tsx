/**
 * One row of icon buttons above the article: Back (one-column layout), bookmark, read state,
 * trash, text settings (popover), translation, the Listen slot, and ⋯ for the rest. Every button
 * is a fixed-size icon with a translated name and tooltip, so state changes never move the row.
 */
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ArticleMeta } from '../../../../preload/contract';
import { Icon } from '../../components/Icon';
import { Popover } from '../../components/Popover';
import { setBookmarked, setRead, setTrashed } from '../../stores/actions';
import { useLayout } from '../../stores/layout';
import { openExternalLink } from '../../stores/system';
import { useUi } from '../../stores/ui';
import { TextSettings } from './TextSettings';

/** Props of ReaderToolbar. */
export interface ReaderToolbarProps {
  meta: ArticleMeta;
  /** Whether the translation bar is showing. */
  translateShown: boolean;
  onToggleTranslate: () => void;
  /** Show Back (the one-column layout). */
  back: boolean;
  /** What sits in the Listen slot (features/listen: the Listen button, its player controls while playing). */
  listen?: ReactNode;
}

/** Where the Listen button goes, in the row with the other controls (empty when the article has no text to read). */
function ListenSlot({ children }: { children?: ReactNode }) {
  return (
    <span className="toolbar-slot" data-slot="listen">
      {children}
    </span>
  );
}

/** Toolbar above the article. */
export function ReaderToolbar({ meta, translateShown, onToggleTranslate, back, listen }: ReaderToolbarProps) {
  const { t } = useTranslation();
  const trashed = Boolean(meta.deletedAt);
  const showColumn = useLayout((s) => s.showColumn);
  const openDialog = useUi((s) => s.openDialog);
  const bookmark = meta.bookmarked ? t('reader.bookmarked') : t('reader.bookmark');
  const read = meta.readAt ? t('reader.markUnread') : t('reader.markRead');
  const trash = trashed ? t('reader.restore') : t('reader.delete');
  return (
    <div className="reader-toolbar" role="group" aria-label={t('reader.actions')} data-testid="reader-toolbar">
      {back && (
        <button type="button" className="btn btn-icon" aria-label={t('layout.back')} title={t('layout.back')} data-testid="reader-back" onClick={() => showColumn('list')}>
          <Icon name="back" />
        </button>
      )}
      <button
        type="button"
        className="btn btn-icon"
        aria-label={t('reader.bookmark')}
        title={bookmark}
        aria-pressed={meta.bookmarked}
        aria-keyshortcuts="B"
        data-testid="reader-bookmark"
        onClick={() => void setBookmarked(meta.id, !meta.bookmarked)}
      >
        <Icon name={meta.bookmarked ? 'bookmarkFilled' : 'bookmark'} />
      </button>
      <button type="button" className="btn btn-icon" aria-label={read} title={read} aria-keyshortcuts="M" data-testid="reader-read" onClick={() => void setRead(meta.id, !meta.readAt)}>
        <Icon name={meta.readAt ? 'unread' : 'read'} />
      </button>
      <button type="button" className="btn btn-icon" aria-label={trash} title={trash} data-testid="reader-trash" onClick={() => void setTrashed(meta.id, !trashed)}>
        <Icon name={trashed ? 'restore' : 'trash'} />
      </button>
      <span className="toolbar-gap" />
      <Popover label={t('reader.textSettings')} face={<Icon name="text" />} testId="text-settings">
        {() => <TextSettings />}
      </Popover>
      <button
        type="button"
        className="btn btn-icon"
        aria-label={t('translate.label')}
        title={t('translate.label')}
        aria-pressed={translateShown}
        data-testid="reader-translate"
        onClick={onToggleTranslate}
      >
        <Icon name="translate" />
      </button>
      <ListenSlot>{listen}</ListenSlot>
      <span className="spacer" />
      <Popover label={t('reader.more')} face={<Icon name="more" />} testId="reader-more" alignEnd>
        {(close) => (
          <div className="menu-list">
            {meta.url && (
              <button
                type="button"
                className="btn btn-menu"
                title={t('reader.openOriginalTitle')}
                onClick={() => {
                  close();
                  openExternalLink(meta.url as string);
                }}
              >
                {t('reader.openOriginal')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-menu"
              aria-keyshortcuts="T"
              onClick={() => {
                close();
                openDialog({ kind: 'tags', id: meta.id });
              }}
            >
              {t('reader.editTags')}
            </button>
          </div>
        )}
      </Popover>
    </div>
  );
}
