// @vitest-environment jsdom
/** Reading progress: restored on open, saved while scrolling at most once a second. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '../../renderer/src/features/reader/Reader';
import { SAVE_EVERY_MS } from '../../renderer/src/features/reader/useReadingProgress';
import { openArticle } from '../../renderer/src/stores/actions';
import { useReader } from '../../renderer/src/stores/reader';
import { FakeKabar, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;
let scrollTop = 0;

beforeEach(async () => {
  await setupDom(500);
  scrollTop = 0;
  // A 2,500 px article in a 500 px pane: 2,000 px of travel.
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 2500 });
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get: () => scrollTop,
    set: (v: number) => {
      scrollTop = v;
    },
  });
  fake = new FakeKabar().install();
  fake.articles.push(makeMeta(1, { progress: 0.5, readAt: '2026-01-01T00:00:00Z' }), makeMeta(2));
  useReader.getState().close();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('reading progress', () => {
  it('restores the saved position when the article opens', async () => {
    render(<Reader />);
    await act(() => openArticle('a00001'));
    await screen.findByTestId('reader');
    expect(scrollTop).toBe(1000);
    expect(fake.callsTo('article:setRead')).toEqual([]);
  });

  it('saves while scrolling, throttled, and flushes when another article opens', async () => {
    render(<Reader />);
    await act(() => openArticle('a00002'));
    const scroller = (await screen.findByTestId('reader')).parentElement as HTMLElement;
    vi.useFakeTimers();
    scrollTop = 400;
    fireEvent.scroll(scroller);
    scrollTop = 800;
    fireEvent.scroll(scroller);
    scrollTop = 1200;
    fireEvent.scroll(scroller);
    expect(fake.callsTo('article:setProgress')).toEqual([['a00002', 0.2]]);
    act(() => vi.advanceTimersByTime(SAVE_EVERY_MS));
    expect(fake.callsTo('article:setProgress')).toEqual([
      ['a00002', 0.2],
      ['a00002', 0.6],
    ]);
    scrollTop = 1600;
    fireEvent.scroll(scroller);
    vi.useRealTimers();
    await act(() => openArticle('a00001'));
    expect(fake.callsTo('article:setProgress').at(-1)).toEqual(['a00002', 0.8]);
  });
});
