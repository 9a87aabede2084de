/** The Feeds part of the sidebar: actions, refresh progress with Cancel, the last outcome, and the feed tree. */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/errors';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useFeeds } from '../../stores/feeds';
import { useUi } from '../../stores/ui';
import { FeedProblems } from './FeedProblems';
import { Nodes } from './FeedTree';
import { exportOpmlFile, importOpmlFile } from './opml';
import { buildTree } from './tree';
import { useFeedEvents } from './useFeedEvents';
import '../../styles/feeds.css';

/** The refresh bar: "n of m" and Cancel while a refresh runs. */
function RefreshProgress() {
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = useFeeds((s) => s.progress);
  if (!progress.running) return null;
  const text = t('feeds.progress', { done: formatNumber(progress.done, locale), total: formatNumber(progress.total, locale) });
  return (
    <div className="feeds-progress" data-testid="feeds-progress">
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('feeds.progressLabel')} aria-valuetext={text} />
      <span className="feeds-progress-text">{text}</span>
      <button type="button" className="btn btn-small" onClick={() => void useFeeds.getState().cancel()}>
        {t('feeds.cancel')}
      </button>
    </div>
  );
}

/** The latest outcome (refresh finished, OPML done) or error, announced politely; failures link to Problems. */
function FeedsStatus({ onShowProblems }: { onShowProblems: () => void }) {
  const { t } = useTranslation();
  const notice = useFeeds((s) => s.notice);
  const error = useFeeds((s) => s.error);
  return (
    <div className="feeds-status" role="status" data-testid="feeds-status">
      {error ? <span className="error-text">{errorMessage(t, error)}</span> : notice ? t(`feeds.${notice.key}`, notice.params ?? {}) : ''}
      {!error && notice?.key === 'refreshDoneFailed' && (
        <>
          {' — '}
          <button type="button" className="btn btn-link" data-testid="feeds-show-problems" onClick={onShowProblems}>
            {t('feeds.showProblems')}
          </button>
        </>
      )}
    </div>
  );
}

/** The feeds section (memoized: the sidebar re-renders on every count change; this follows its own store). */
export const FeedsSection = memo(function FeedsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  useFeedEvents();
  const list = useFeeds((s) => s.list);
  const running = useFeeds((s) => s.progress.running);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const tree = useMemo(() => (list ? buildTree(list.feeds, list.folders, locale) : null), [list, locale]);
  const actions: { label: string; icon: string; run: () => void; disabled?: boolean; testId: string }[] = [
    { label: t('feeds.subscribe'), icon: '+', run: () => useUi.getState().openDialog({ kind: 'subscribe' }), testId: 'feeds-subscribe' },
    { label: t('feeds.refreshAll'), icon: '↻', run: () => void useFeeds.getState().refresh(null), disabled: running || !list?.feeds.length, testId: 'feeds-refresh-all' },
    { label: t('feeds.importOpml'), icon: '⤓', run: () => void importOpmlFile(t), testId: 'feeds-import-opml' },
    { label: t('feeds.exportOpml'), icon: '⤒', run: () => void exportOpmlFile(t), disabled: !list?.feeds.length, testId: 'feeds-export-opml' },
  ];
  return (
    <section className="feeds-section" aria-labelledby="feeds-heading" data-testid="feeds-section">
      <div className="feeds-head">
        <h2 className="side-heading" id="feeds-heading">
          {t('feeds.title')}
        </h2>
        <div className="feeds-actions">
          {actions.map((a) => (
            <button key={a.testId} type="button" className="side-menu" aria-label={a.label} title={a.label} disabled={a.disabled} onClick={a.run} data-testid={a.testId}>
              <span aria-hidden="true">{a.icon}</span>
            </button>
          ))}
        </div>
      </div>
      <RefreshProgress />
      <FeedsStatus onShowProblems={() => setProblemsOpen(true)} />
      {list && <FeedProblems feeds={list.feeds} open={problemsOpen} onToggle={() => setProblemsOpen(!problemsOpen)} />}
      {list && list.feeds.length === 0 && <p className="side-empty">{t('feeds.empty')}</p>}
      {tree && list && <Nodes node={tree} feeds={list.feeds} />}
    </section>
  );
});
