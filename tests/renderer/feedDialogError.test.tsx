// @vitest-environment jsdom
/** Issue 11, walk item 2: the ⋯ dialog of a feed whose last refresh failed names the error, not "Not updated yet.". */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedDialog } from '../../renderer/src/features/feeds/FeedDialog';
import { useFeeds } from '../../renderer/src/stores/feeds';
import { i18n } from '../../renderer/src/i18n';
import type { FeedView } from '../../preload/contract';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

const feed = (over: Partial<FeedView>): FeedView => ({ id: 'f1', url: 'http://127.0.0.1:9/feed.xml', title: 'Harbour Times', folder: [], unread: 0, error: null, fullText: false, keepDays: null, ...over });
const show = (f: FeedView): void => {
  useFeeds.setState({ list: { feeds: [f], folders: {}, refresh: { running: false, done: 0, total: 0, added: 0, states: {} } } });
  render(<FeedDialog id={f.id} />);
};

beforeEach(async () => {
  await setupDom();
  new FakeKabar(0).install();
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

describe('feed dialog', () => {
  it('a feed that failed with 404 and never worked shows the error, not "Not updated yet."', () => {
    show(feed({ error: { code: 'HTTP_ERROR', message: 'HTTP 404', params: { status: 404 } } }));
    const error = screen.getByTestId('feed-last-error');
    expect(error.textContent).toBe('The last update failed: The website answered with error 404. Check the address, or try again later.');
    expect(screen.queryByText('Not updated yet.')).toBeNull();
  });

  it('a truncated feed that worked before shows both the error and when it last worked', () => {
    show(feed({ error: { code: 'FEED_TRUNCATED', message: 'cut', params: { url: 'x' } }, lastSuccessAt: '2026-01-02T10:00:00.000Z' }));
    expect(screen.getByTestId('feed-last-error').textContent).toContain("This feed's file stops in the middle");
    expect(screen.getByText(/Last updated/)).toBeTruthy();
  });

  it('is translated (Arabic)', async () => {
    await i18n.changeLanguage('ar');
    show(feed({ error: { code: 'FEED_TRUNCATED', message: 'cut', params: { url: 'x' } } }));
    expect(screen.getByTestId('feed-last-error').textContent).toContain('فشل التحديث الأخير');
    expect(screen.getByTestId('feed-last-error').textContent).toContain('قُطع أثناء النقل');
  });

  it('a feed with no error keeps "Not updated yet." until its first refresh', () => {
    show(feed({}));
    expect(screen.queryByTestId('feed-last-error')).toBeNull();
    expect(screen.getByText('Not updated yet.')).toBeTruthy();
  });
});
