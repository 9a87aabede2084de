/** "Problems (n)": the feeds whose last update failed, each with its reason and a way to its dialog. */
import { useTranslation } from 'react-i18next';
import type { FeedView } from '../../../../preload/contract';
import { errorMessage } from '../../i18n/errors';
import { useUi } from '../../stores/ui';

/** Props of FeedProblems. */
export interface FeedProblemsProps {
  feeds: FeedView[];
  open: boolean;
  onToggle: () => void;
}

/** The Problems entry of the Feeds section (nothing when every feed is fine). */
export function FeedProblems({ feeds, open, onToggle }: FeedProblemsProps) {
  const { t } = useTranslation();
  const failing = feeds.filter((f) => f.error);
  if (!failing.length) return null;
  return (
    <div className="feed-problems" data-testid="feed-problems">
      <button type="button" className="side-item problems-toggle" aria-expanded={open} aria-controls="feed-problems-list" onClick={onToggle}>
        <span className="feed-warn" aria-hidden="true">
          !
        </span>
        <span className="side-label">{t('feeds.problems', { count: failing.length })}</span>
      </button>
      <ul className="problems-list" id="feed-problems-list" hidden={!open} aria-label={t('feeds.problemsLabel')}>
        {failing.map((feed) => (
          <li key={feed.id}>
            <button type="button" className="btn btn-link problem-feed" dir="auto" onClick={() => useUi.getState().openDialog({ kind: 'feed', id: feed.id })}>
              {feed.title}
            </button>
            <p className="problem-reason">{errorMessage(t, feed.error)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
