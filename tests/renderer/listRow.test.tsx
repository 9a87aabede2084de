// @vitest-environment jsdom
/** Walk item 5: a feed item's row shows when the story was published, not the day it was fetched. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleRow } from '../../renderer/src/features/library/ArticleRow';
import { makeMeta } from './fakeKabar';
import { setupDom } from './setup';

beforeEach(async () => {
  await setupDom();
});
afterEach(cleanup);

const today = new Date().toISOString();

describe('list row date', () => {
  it('shows the published date for a feed item, and the saved date for an article saved by hand', () => {
    const feedItem = makeMeta(1, { feedId: 'f1', savedAt: today, publishedAt: '2018-03-01T10:00:00Z' });
    const { container, unmount } = render(<ArticleRow meta={feedItem} selected={false} current={false} sortByPublished={false} onOpen={() => undefined} />);
    expect(container.textContent).toContain('2018');
    expect(container.textContent).not.toContain('today');
    unmount();
    const saved = makeMeta(2, { savedAt: today, publishedAt: '2018-03-01T10:00:00Z' });
    const other = render(<ArticleRow meta={saved} selected={false} current={false} sortByPublished={false} onOpen={() => undefined} />);
    expect(other.container.textContent).toContain('today');
  });
});
