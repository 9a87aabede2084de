/** Subscribe: a feed or site address and an optional folder; when the site offers several feeds, the user picks one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredFeed } from '../../../../preload/contract';
import { subscribeFeed } from '../../stores/feed-actions';
import { Dialog } from '../../components/Dialog';
import { feedFilterKey, useFeeds } from '../../stores/feeds';
import { useLibrary } from '../../stores/library';
import { useUi } from '../../stores/ui';
import { parseFolder } from './tree';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The subscribe dialog. */
export function SubscribeDialog() {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const online = useUi((s) => s.online);
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [candidates, setCandidates] = useState<DiscoveredFeed[] | null>(null);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (address: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await subscribeFeed(address.trim(), parseFolder(folder));
      if (result.kind === 'choose') {
        setCandidates(result.candidates);
        setPicked(result.candidates[0]?.url ?? '');
        return;
      }
      const feeds = useFeeds.getState();
      feeds.setNotice({ key: result.created ? 'subscribed' : 'alreadySubscribed', params: { feed: result.feed.title, count: result.added } });
      await feeds.load();
      useLibrary.getState().setFeeds({ key: feedFilterKey(result.feed.id), ids: [result.feed.id] });
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('feeds.subscribeTitle')} onClose={close} testId="subscribe-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const address = candidates ? picked : url;
          if (address.trim()) void run(address);
        }}
      >
        {!online && (
          <p className="offline-warning" role="status" data-testid="subscribe-offline">
            {t('feeds.offlineWarning')}
          </p>
        )}
        <div className="field">
          <label htmlFor="feed-url">{t('feeds.urlLabel')}</label>
          <input
            id="feed-url"
            className="input"
            type="url"
            value={url}
            dir="auto"
            spellCheck={false}
            aria-describedby="feed-url-hint"
            onChange={(e) => {
              setUrl(e.target.value);
              setCandidates(null);
            }}
          />
          <p id="feed-url-hint" className="field-hint">
            {t('feeds.urlHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="feed-folder">{t('feeds.folderLabel')}</label>
          <input id="feed-folder" className="input" type="text" value={folder} aria-describedby="feed-folder-hint" onChange={(e) => setFolder(e.target.value)} />
          <p id="feed-folder-hint" className="field-hint">
            {t('feeds.folderHint')}
          </p>
        </div>
        {candidates && (
          <fieldset className="field" data-testid="feed-candidates">
            <legend>{t('feeds.chooseFeed')}</legend>
            {candidates.map((c) => (
              <label key={c.url} className="candidate">
                <input type="radio" name="feed-candidate" value={c.url} checked={picked === c.url} onChange={() => setPicked(c.url)} />
                <span dir="auto">{c.title || c.url}</span>
                <span className="field-hint candidate-url">{c.url}</span>
              </label>
            ))}
          </fieldset>
        )}
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="button" className="btn" onClick={close}>
            {t('feeds.close')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !(candidates ? picked : url.trim())}>
            {busy ? t('feeds.subscribing') : t('feeds.subscribeButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
