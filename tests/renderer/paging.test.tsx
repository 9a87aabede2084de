// @vitest-environment jsdom
/** The article list fetches pages lazily: 10,000 articles never mean 10,000 rows fetched or rendered. */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleList, FIXED_ROW_HEIGHT, ROW_HEIGHT } from '../../renderer/src/features/library/ArticleList';
import { PAGE_SIZE, rowAt, startLibrary, useLibrary } from '../../renderer/src/stores/library';
import { FakeKabar, deferred } from './fakeKabar';
import { setupDom } from './setup';
import type { ListQuery } from '../../preload/contract';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar(10_000).install();
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null });
});
afterEach(cleanup);

const listed = (): ListQuery[] => fake.callsTo('library:list').map((args) => args[0] as ListQuery);

describe('library paging', () => {
  it('fetches the first page only, and learns the total from it', async () => {
    startLibrary('savedAt');
    await waitFor(() => expect(useLibrary.getState().total).toBe(10_000));
    expect(listed()).toEqual([{ sort: 'savedAt', offset: 0, limit: PAGE_SIZE }]);
    expect(Object.keys(useLibrary.getState().pages)).toEqual(['0']);
  });

  it('fetches just the pages a visible range needs, once each', async () => {
    startLibrary('savedAt');
    await waitFor(() => expect(useLibrary.getState().total).toBe(10_000));
    useLibrary.getState().ensureRange(5_010, 5_040);
    useLibrary.getState().ensureRange(5_010, 5_040);
    await waitFor(() => expect(useLibrary.getState().pages[50]).toBeDefined());
    expect(listed().map((q) => q.offset)).toEqual([0, 5_000]);
    expect(rowAt(useLibrary.getState().pages, 5_010)?.id).toBe('a05010');
    expect(listed().every((q) => (q.limit ?? 0) <= PAGE_SIZE)).toBe(true);
  });

  it('drops a page that answers after the filter changed', async () => {
    const slow = deferred<void>();
    const list = fake.handlers['library:list'];
    let first = true;
    fake.handlers['library:list'] = async (q) => {
      if (first) {
        first = false;
        await slow.promise;
      }
      return list!(q);
    };
    startLibrary('savedAt');
    useLibrary.getState().setView('bookmarked');
    await waitFor(() => expect(useLibrary.getState().total).toBe(0));
    slow.resolve();
    await new Promise((r) => setTimeout(r, 10));
    expect(useLibrary.getState().total).toBe(0);
    expect(useLibrary.getState().pages[0]).toEqual([]);
  });

  it('refresh re-reads the loaded range and keeps the selection on the same article', async () => {
    startLibrary('savedAt');
    await waitFor(() => expect(useLibrary.getState().total).toBe(10_000));
    useLibrary.getState().select(3);
    expect(useLibrary.getState().selectedId).toBe('a00003');
    fake.articles.splice(0, 1);
    await act(() => useLibrary.getState().refresh());
    const state = useLibrary.getState();
    expect(state.total).toBe(9_999);
    expect(state.selectedId).toBe('a00003');
    expect(state.selectedIndex).toBe(2);
    expect(state.counts?.all).toBe(9_999);
  });

  it('renders only the rows in view, with positions in the set', async () => {
    startLibrary('savedAt');
    render(<ArticleList />);
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
    const rows = screen.getAllByTestId('article-row');
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]?.getAttribute('data-id')).toBe('a00000');
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByRole('list', { name: 'Articles' })).toBe(screen.getByTestId('article-list'));
    expect(listed()).toHaveLength(1);
  });

  it('gives every row one height above 20,000 rows (no per-row measuring), and measures rows below', async () => {
    for (const [count, fixed] of [[10_000, false], [25_000, true]] as const) {
      fake = new FakeKabar(count).install();
      useLibrary.setState({ pages: {}, total: null, selectedIndex: 0, selectedId: null });
      startLibrary('savedAt');
      await waitFor(() => expect(useLibrary.getState().total).toBe(count));
      const { unmount } = render(<ArticleList />);
      await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
      expect(screen.getByTestId('article-list').classList.contains('has-fixed-rows'), `${count} rows`).toBe(fixed);
      // Fixed: rows step by the fixed height. Measured: by the first row's measured box (the test
      // DOM's layout), neither the fixed height nor the estimate.
      const second = screen.getAllByTestId('article-row')[1] as HTMLElement;
      if (fixed) expect(second.style.transform).toBe(`translateY(${FIXED_ROW_HEIGHT}px)`);
      else expect([`translateY(${FIXED_ROW_HEIGHT}px)`, `translateY(${ROW_HEIGHT}px)`]).not.toContain(second.style.transform);
      unmount();
    }
  });

  it('moves the selection with j/k semantics and clamps at the ends', async () => {
    startLibrary('savedAt');
    await waitFor(() => expect(useLibrary.getState().total).toBe(10_000));
    const { move } = useLibrary.getState();
    move(-1);
    expect(useLibrary.getState().selectedIndex).toBe(0);
    move(1);
    move(1);
    expect(useLibrary.getState().selectedId).toBe('a00002');
  });
});

describe('list errors', () => {
  it('says why the list could not load and retries', async () => {
    fake.failNext.set('library:list', { code: 'IO', message: 'disk' });
    startLibrary('savedAt');
    render(<ArticleList />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The article list could not be loaded.');
    expect(alert.textContent).toContain('Check free disk space');
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
  });
});
