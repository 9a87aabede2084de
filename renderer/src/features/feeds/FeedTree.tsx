/** The folders and feeds of the sidebar: collapsible folders, unread counts, per-feed refresh state and errors. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedState, FeedView } from '../../../../preload/contract';
import { formatNumber } from '../../i18n/format';
import { errorMessage } from '../../i18n/errors';
import { useLocale } from '../../i18n/useLocale';
import { feedFilterKey, folderFilterKey, useFeeds } from '../../stores/feeds';
import { useLibrary } from '../../stores/library';
import { useUi } from '../../stores/ui';
import type { FolderNode } from './tree';
import { feedsUnder } from './tree';

function Count({ n }: { n: number }) {
  const locale = useLocale();
  return <span className="count">{n > 0 ? formatNumber(n, locale) : ''}</span>;
}

/** What a feed is doing while a refresh runs (nothing shown once it is done). */
function StateMark({ state }: { state: FeedState | undefined }) {
  const { t } = useTranslation();
  if (state !== 'queued' && state !== 'fetching') return null;
  return (
    <span className={`feed-state is-${state}`} data-testid="feed-state">
      {state === 'fetching' ? t('feeds.stateFetching') : t('feeds.stateQueued')}
    </span>
  );
}

/** One feed: choose it to list its articles; its menu; its error beside it. */
const FeedItem = memo(function FeedItem({ feed, state, active }: { feed: FeedView; state: FeedState | undefined; active: boolean }) {
  const { t } = useTranslation();
  const errorId = `feed-error-${feed.id}`;
  return (
    <li className="feed-item" data-testid="feed-item" data-feed-id={feed.id}>
      <div className="side-row">
        <button
          type="button"
          className="side-item"
          aria-pressed={active}
          aria-describedby={feed.error ? errorId : undefined}
          title={feed.error ? `${feed.url}\n${errorMessage(t, feed.error)}` : feed.url}
          onClick={() => useLibrary.getState().setFeeds(active ? null : { key: feedFilterKey(feed.id), ids: [feed.id] })}
        >
          {feed.error && (
            <span className="feed-warn" aria-hidden="true" title={errorMessage(t, feed.error)}>
              !
            </span>
          )}
          <span className="side-label" dir="auto">
            {feed.title}
          </span>
          {feed.synced && (
            <span className="feed-synced" title={t('sync.syncedFeed')} aria-label={t('sync.syncedFeed')} data-testid="feed-synced">
              ⇅
            </span>
          )}
          <StateMark state={state} />
          <Count n={feed.unread} />
        </button>
        <button
          type="button"
          className="side-menu"
          aria-label={t('feeds.feedMenu', { feed: feed.title })}
          title={t('feeds.feedMenu', { feed: feed.title })}
          onClick={() => useUi.getState().openDialog({ kind: 'feed', id: feed.id })}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      {/* The reason shows on hover or focus (CSS), never as a paragraph pushing the sidebar down. */}
      {feed.error && (
        <p className="feed-error" id={errorId} data-testid="feed-error" role="tooltip">
          {errorMessage(t, feed.error)}
        </p>
      )}
    </li>
  );
});

/** One folder: collapse toggle, choose it to list every feed inside, its menu, then its contents. */
function FolderItem({ node, feeds }: { node: FolderNode; feeds: FeedView[] }) {
  const { t } = useTranslation();
  const collapsed = useFeeds((s) => Boolean(s.collapsed[node.key]));
  const key = folderFilterKey(node.path);
  const active = useLibrary((s) => s.filter.feeds?.key === key);
  const listId = `folder-${node.key.replace(/[^\p{L}\p{N}]+/gu, '-')}-${node.path.length}`;
  return (
    <li className="folder-item" data-testid="feed-folder">
      <div className="side-row">
        <button
          type="button"
          className="folder-toggle"
          aria-expanded={!collapsed}
          aria-controls={listId}
          aria-label={collapsed ? t('feeds.expand', { folder: node.name }) : t('feeds.collapse', { folder: node.name })}
          onClick={() => useFeeds.getState().toggleFolder(node.key)}
        >
          <span aria-hidden="true" className="folder-chevron">
            ▸
          </span>
        </button>
        <button
          type="button"
          className="side-item"
          aria-pressed={active}
          onClick={() => useLibrary.getState().setFeeds(active ? null : { key, ids: feedsUnder(feeds, node.path) })}
        >
          <span className="side-label folder-name" dir="auto">
            {node.name}
          </span>
          <Count n={node.unread} />
        </button>
        <button
          type="button"
          className="side-menu"
          aria-label={t('feeds.folderMenu', { folder: node.name })}
          title={t('feeds.folderMenu', { folder: node.name })}
          onClick={() => useUi.getState().openDialog({ kind: 'folder', path: node.path })}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      {!collapsed && <Nodes node={node} feeds={feeds} id={listId} />}
    </li>
  );
}

/** A folder's subfolders, then its feeds. */
export function Nodes({ node, feeds, id }: { node: FolderNode; feeds: FeedView[]; id?: string }) {
  const states = useFeeds((s) => (s.progress.running ? s.progress.states : null));
  const chosen = useLibrary((s) => s.filter.feeds?.key);
  return (
    <ul className="side-list feed-list" id={id}>
      {node.folders.map((child) => (
        <FolderItem key={child.key} node={child} feeds={feeds} />
      ))}
      {node.feeds.map((feed) => (
        <FeedItem key={feed.id} feed={feed} state={states?.[feed.id]} active={chosen === feedFilterKey(feed.id)} />
      ))}
    </ul>
  );
}
