// @vitest-environment jsdom
/** The feeds sidebar: tree and counts, per-feed errors in words, progress with Cancel, folder filtering, and the pure helpers. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { buildTree, feedsUnder, parseFolder } from '../../renderer/src/features/feeds/tree';
import { coalesce } from '../../renderer/src/stores/coalesce';
import { useFeeds } from '../../renderer/src/stores/feeds';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useUi } from '../../renderer/src/stores/ui';
import type { FeedView, ListQuery } from '../../preload/contract';
import { FakeKabar, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

const feed = (id: string, title: string, folder: string[], unread: number, error: FeedView['error'] = null): FeedView => ({
  id,
  url: `https://${id}.example/feed`,
  title,
  folder,
  unread,
  error,
  fullText: false,
  keepDays: null,
});

const FEEDS = [
  feed('f1', 'Harbour Times', ['News', 'Local'], 2),
  feed('f2', 'Daily Wire', ['News'], 1, { code: 'HTTP_ERROR', message: 'HTTP 500', params: { status: 500 } }),
  feed('f3', 'Apple blog', [], 0, { code: 'NOT_A_FEED', message: 'html' }),
];

describe('feed tree helpers', () => {
  it('nests folders, sorts by name in the locale, and counts folders from the core', () => {
    const root = buildTree(FEEDS, { News: 3, 'News / Local': 2 }, 'en');
    expect(root.unread).toBe(3);
    expect(root.feeds.map((f) => f.title)).toEqual(['Apple blog']);
    const news = root.folders[0]!;
    expect([news.name, news.unread, news.feeds.map((f) => f.id)]).toEqual(['News', 3, ['f2']]);
    expect(news.folders.map((f) => [f.key, f.unread, f.feeds.length])).toEqual([['News / Local', 2, 1]]);
  });

  it('finds the feeds under a folder and parses typed folder paths', () => {
    expect(feedsUnder(FEEDS, ['News']).sort()).toEqual(['f1', 'f2']);
    expect(feedsUnder(FEEDS, ['News', 'Local'])).toEqual(['f1']);
    expect(parseFolder(' News /  Local  news / ')).toEqual(['News', 'Local news']);
    expect(parseFolder('   ')).toEqual([]);
  });

  it('coalesces a flood of requests into few runs, and keeps running while the flood lasts', async () => {
    let runs = 0;
    const c = coalesce(async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 30));
    }, 10);
    for (let i = 0; i < 50; i++) c.request();
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 50; i++) c.request();
    await new Promise((r) => setTimeout(r, 150));
    expect(runs).toBe(2);
    c.cancel();
    c.request();
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(2);
  });
});

describe('feeds section', () => {
  let fake: FakeKabar;
  beforeEach(async () => {
    await setupDom();
    useUi.setState({ dialog: null, notice: null });
    useLibrary.setState({ filter: { view: 'all', tags: [], lang: null, feeds: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
    useFeeds.setState({ list: null, progress: { running: false, done: 0, total: 0, added: 0, states: {} }, collapsed: {}, error: null, notice: null });
    useReader.getState().close();
    fake = new FakeKabar(0);
    fake.articles = [makeMeta(0, { feedId: 'f1' }), makeMeta(1, { feedId: 'f1' }), makeMeta(2, { feedId: 'f2' }), makeMeta(3)];
    fake.feedList = { feeds: structuredClone(FEEDS), folders: { News: 3, 'News / Local': 2 }, refresh: { running: false, done: 0, total: 0, added: 0, states: {} } };
    fake.install();
    render(<App />);
    await screen.findAllByTestId('feed-item');
  });
  afterEach(cleanup);

  it('shows folders and feeds with unread counts, and each error beside its feed in words', () => {
    const section = screen.getByTestId('feeds-section');
    expect(within(section).getAllByTestId('feed-folder').map((f) => f.querySelector('.folder-name')?.textContent)).toEqual(['News', 'Local']);
    const items = within(section).getAllByTestId('feed-item');
    const harbour = items.find((i) => i.textContent?.includes('Harbour Times'))!;
    expect(harbour.querySelector('.count')?.textContent).toBe('2');
    expect(within(harbour).queryByTestId('feed-error')).toBeNull();
    const wire = items.find((i) => i.textContent?.includes('Daily Wire'))!;
    expect(within(wire).getByTestId('feed-error').textContent).toBe('The website answered with error 500. Check the address, or try again later.');
    const apple = items.find((i) => i.textContent?.includes('Apple blog'))!;
    expect(within(apple).getByTestId('feed-error').textContent).toMatch(/web page, not a news feed/);
  });

  it('filters the list by feed and by folder, and All articles clears it', async () => {
    fireEvent.click(screen.getByRole('button', { name: /^Harbour Times/ }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    expect((fake.callsTo('library:list').at(-1)?.[0] as ListQuery).feedIds).toEqual(['f1']);
    fireEvent.click(screen.getByRole('button', { name: /^News/ }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
    expect(((fake.callsTo('library:list').at(-1)?.[0] as ListQuery).feedIds ?? []).sort()).toEqual(['f1', 'f2']);
    fireEvent.click(screen.getByRole('button', { name: /^All articles/ }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(4));
  });

  it('collapses a folder from its toggle', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Collapse folder News' }));
    expect(screen.queryByText('Harbour Times')).toBeNull();
    expect(screen.getByRole('button', { name: 'Expand folder News' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('shows n of m with per-feed state while a refresh runs, cancels, and announces the end', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all feeds' }));
    expect(fake.callsTo('feeds:refresh')).toEqual([[null]]);
    act(() => fake.emit('feeds:progress', { running: true, done: 1, total: 3, added: 4, states: { f1: 'ok', f2: 'fetching', f3: 'queued' } }));
    const progress = await screen.findByTestId('feeds-progress');
    expect(progress.textContent).toContain('1 of 3');
    expect(screen.getAllByTestId('feed-state').map((s) => s.textContent)).toEqual(['updating…', 'waiting']);
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.callsTo('feeds:cancelRefresh')).toHaveLength(1));
    act(() => fake.emit('feeds:progress', { running: false, done: 3, total: 3, added: 4, states: { f1: 'ok', f2: 'cancelled', f3: 'cancelled' } }));
    await waitFor(() => expect(screen.queryByTestId('feeds-progress')).toBeNull());
    expect(screen.getByTestId('feeds-status').textContent).toBe('Refresh finished. 4 new articles.');
    expect(screen.queryAllByTestId('feed-state')).toHaveLength(0);
  });

  it('names failures in the refresh summary, and "show" opens Problems (n) listing each failing feed with its reason', async () => {
    const problems = screen.getByTestId('feed-problems');
    const toggle = within(problems).getByRole('button', { name: 'Problems (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all feeds' }));
    act(() => fake.emit('feeds:progress', { running: true, done: 0, total: 3, added: 0, states: { f1: 'fetching', f2: 'queued', f3: 'queued' } }));
    act(() => fake.emit('feeds:progress', { running: false, done: 3, total: 3, added: 2, states: { f1: 'ok', f2: 'error', f3: 'error' } }));
    await waitFor(() => expect(screen.getByTestId('feeds-status').textContent).toBe('Refresh finished: 2 new · 2 feeds failed — show'));
    fireEvent.click(screen.getByTestId('feeds-show-problems'));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = problems.querySelector('#feed-problems-list') as HTMLElement;
    expect(list.hidden).toBe(false);
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'Daily WireThe website answered with error 500. Check the address, or try again later.',
      expect.stringMatching(/^Apple blog.*web page, not a news feed/),
    ]);
    fireEvent.click(within(list).getByRole('button', { name: 'Daily Wire' }));
    expect(useUi.getState().dialog).toEqual({ kind: 'feed', id: 'f2' });
    act(() => useUi.getState().closeDialog());
  });

  it('warns in the Subscribe dialog while offline (walk item 8), and the address box follows its text direction', async () => {
    act(() => useUi.setState({ online: false }));
    act(() => useUi.getState().openDialog({ kind: 'subscribe' }));
    expect((await screen.findByTestId('subscribe-offline')).textContent).toMatch(/You are offline/);
    expect(screen.getByLabelText('Feed or website address').getAttribute('dir')).toBe('auto');
    act(() => useUi.setState({ online: true }));
    expect(screen.queryByTestId('subscribe-offline')).toBeNull();
    act(() => useUi.getState().closeDialog());
  });

  it('re-reads the feed list a few times, not once per event, during a flood of changes', async () => {
    const before = fake.callsTo('feeds:list').length;
    for (let i = 0; i < 200; i++) act(() => fake.emit('library:changed', { ids: [`a${i}`] }));
    await new Promise((r) => setTimeout(r, 800));
    const reads = fake.callsTo('feeds:list').length - before;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(2);
  });
});
