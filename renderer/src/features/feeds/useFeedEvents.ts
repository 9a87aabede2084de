/** Loads the feed list once and follows main's feed events (progress, changes) and library changes (unread counts). */
import { useEffect } from 'react';
import { api } from '../../api';
import { useFeeds } from '../../stores/feeds';

/** Subscribes the feeds store to main's events for the component's lifetime. */
export function useFeedEvents(): void {
  useEffect(() => {
    const feeds = useFeeds.getState();
    void feeds.load();
    const offProgress = api.on('feeds:progress', (status) => useFeeds.getState().onProgress(status));
    const offChanged = api.on('feeds:changed', () => useFeeds.getState().reload());
    // Kabar was opened with an .opml file: say what its import did, as the menu's import does.
    const offOpened = api.on('feeds:opmlOpened', ({ result, error }) => {
      if (error) useFeeds.setState({ error });
      else if (result) useFeeds.getState().setNotice({ key: 'opmlImported', params: { added: result.added, existing: result.existing } });
    });
    // Reading, marking read or deleting changes unread counts; reading position does not, and
    // feed-record changes (no article ids) arrive as feeds:changed.
    const offLibrary = api.on('library:changed', ({ ids, progressOnly }) => {
      if (!progressOnly && ids.length > 0) useFeeds.getState().reload();
    });
    return () => {
      offProgress();
      offChanged();
      offOpened();
      offLibrary();
    };
  }, []);
}
