/** One feed's actions: rename, move to a folder, full article on/off, keep N days, refresh, mark all read, unsubscribe. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedView } from '../../../../preload/contract';
import { markFeedsRead, moveFeed, renameFeed, setFeedOptions, unsubscribeFeed } from '../../stores/feed-actions';
import { Dialog } from '../../components/Dialog';
import { formatLongDate } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useFeeds } from '../../stores/feeds';
import { useUi } from '../../stores/ui';
import { KeepDaysSelect } from './KeepDaysSelect';
import { folderKey, parseFolder } from './tree';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../i18n/errors';

/** Runs one action, re-reads the feeds, and reports a failure in the dialog. */
function useAction(): { error: unknown; run: (action: () => Promise<unknown>, then?: () => void) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Buttons stay enabled while busy (a disabled button drops the focus out of the dialog); a second press is ignored.
  const run = (action: () => Promise<unknown>, then?: () => void): void => {
    if (busy) return;
    setBusy(true);
    setError(null);
    action().then(
      () => {
        setBusy(false);
        void useFeeds.getState().load();
        then?.();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  return { error, run };
}

function FeedForm({ feed }: { feed: FeedView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const close = useUi((s) => s.closeDialog);
  const [title, setTitle] = useState(feed.title);
  const [folder, setFolder] = useState(folderKey(feed.folder));
  const [confirming, setConfirming] = useState(false);
  // Shown at once; the store catches up after the save.
  const [fullText, setFullText] = useState(feed.fullText);
  const [keepDays, setKeepDays] = useState(feed.keepDays);
  const { error, run } = useAction();
  const notice = useFeeds.getState().setNotice;
  return (
    <>
      <p className="field-hint feed-url" dir="ltr">
        {feed.url}
      </p>
      {feed.error && (
        <p className="feed-last-error" role="status" data-testid="feed-last-error">
          {t('reading.feedLastFailed', { reason: errorMessage(t, feed.error) })}
        </p>
      )}
      {(feed.lastSuccessAt || !feed.error) && (
        <p className="field-hint">{feed.lastSuccessAt ? t('feeds.lastUpdated', { date: formatLongDate(feed.lastSuccessAt, locale) }) : t('feeds.neverUpdated')}</p>
      )}
      <form className="field" onSubmit={(e) => (e.preventDefault(), title.trim() && run(() => renameFeed(feed.id, title.trim())))}>
        <label htmlFor="feed-title">{t('feeds.nameLabel')}</label>
        <div className="radio-row">
          <input id="feed-title" className="input" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" className="btn" disabled={!title.trim() || title.trim() === feed.title}>
            {t('feeds.rename')}
          </button>
        </div>
      </form>
      <form className="field" onSubmit={(e) => (e.preventDefault(), run(() => moveFeed(feed.id, parseFolder(folder))))}>
        <label htmlFor="feed-move">{t('feeds.folderLabel')}</label>
        <div className="radio-row">
          <input id="feed-move" className="input" type="text" value={folder} aria-describedby="feed-move-hint" onChange={(e) => setFolder(e.target.value)} />
          <button type="submit" className="btn" disabled={folderKey(parseFolder(folder)) === folderKey(feed.folder)}>
            {t('feeds.move')}
          </button>
        </div>
        <p id="feed-move-hint" className="field-hint">
          {t('feeds.folderHint')}
        </p>
      </form>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={fullText}
            onChange={(e) => {
              const on = e.target.checked;
              setFullText(on);
              run(() => setFeedOptions(feed.id, { fullText: on }));
            }}
          />
          {t('feeds.fullText')}
        </label>
        <p className="field-hint">{t('feeds.fullTextHint')}</p>
      </div>
      <div className="field">
        <label htmlFor="feed-keep">{t('feeds.keepLabel')}</label>
        <KeepDaysSelect
          id="feed-keep"
          value={keepDays}
          inherit
          onChange={(days) => {
            setKeepDays(days);
            run(() => setFeedOptions(feed.id, { keepDays: days }));
          }}
        />
        <p className="field-hint">{t('feeds.keepHint')}</p>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={() => run(() => useFeeds.getState().refresh([feed.id]), close)}>
          {t('feeds.refreshOne')}
        </button>
        <button type="button" className="btn" onClick={() => run(() => markFeedsRead({ feedId: feed.id }))}>
          {t('feeds.markAllRead')}
        </button>
        {confirming ? (
          <button
            type="button"
            className="btn btn-danger"
            data-autofocus=""
            onClick={() => run(() => unsubscribeFeed(feed.id).then((r) => notice({ key: 'unsubscribed', params: { feed: feed.title, kept: r.kept } })), close)}
          >
            {t('feeds.unsubscribeConfirm')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => setConfirming(true)}>
            {t('feeds.unsubscribe')}
          </button>
        )}
      </div>
      {confirming && <p className="field-hint">{t('feeds.unsubscribeHint')}</p>}
    </>
  );
}

/** The dialog for feed `id`. */
export function FeedDialog({ id }: { id: string }) {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const feed = useFeeds((s) => s.list?.feeds.find((f) => f.id === id));
  return (
    <Dialog title={feed ? t('feeds.feedTitle', { feed: feed.title }) : t('feeds.title')} onClose={close} testId="feed-dialog">
      {feed ? <FeedForm feed={feed} /> : <p>{t('feeds.gone')}</p>}
    </Dialog>
  );
}
