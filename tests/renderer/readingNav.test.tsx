// @vitest-environment jsdom
/**
 * j/k while reading, in a library larger than one page: the next article opens even where its
 * page of the virtual list is not loaded yet, and the list scrolls so the open article's row is
 * rendered and selected (issue 11, the `j` regression found when merging).
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArticleList } from '../../renderer/src/features/library/ArticleList';
import { useShortcuts } from '../../renderer/src/features/shortcuts/useShortcuts';
import { PAGE_SIZE, startLibrary, useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useSearch } from '../../renderer/src/stores/search';
import { useUi } from '../../renderer/src/stores/ui';
import type { ListQuery } from '../../preload/contract';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

function Screen() {
  useShortcuts();
  return (
    <div>
      <div id="list-pane">
        <ArticleList />
      </div>
      <article data-testid="reader-pane" tabIndex={-1}>
        reader
      </article>
    </div>
  );
}

const press = (key: string): void => void fireEvent.keyDown(screen.getByTestId('reader-pane'), { key, bubbles: true, cancelable: true });
const offsets = (): number[] => fake.callsTo('library:list').map((args) => (args[0] as ListQuery).offset ?? 0);
const selectedRow = (): HTMLElement | null => document.querySelector<HTMLElement>('[data-testid="article-row"].is-selected');

beforeEach(async () => {
  await setupDom();
  // jsdom has no layout (scrollTop stays 0): let scrollTo move the scroller and tell the
  // virtualizer, as a browser does.
  const tops = new WeakMap<Element, number>();
  Object.defineProperty(Element.prototype, 'scrollTop', { configurable: true, get(this: Element) { return tops.get(this) ?? 0; }, set(this: Element, v: number) { tops.set(this, v); } });
  // The scroller's content height is the list's block size (the virtualizer clamps scrolls to it).
  Object.defineProperty(Element.prototype, 'scrollHeight', {
    configurable: true,
    get(this: Element) {
      return parseFloat((this.firstElementChild as HTMLElement | null)?.style.blockSize ?? '0') || 0;
    },
  });
  Element.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    this.scrollTop = typeof options === 'number' ? options : (options?.top ?? this.scrollTop);
    this.dispatchEvent(new Event('scroll'));
  };
  fake = new FakeKabar(2.5 * PAGE_SIZE).install();
  useUi.setState({ dialog: null });
  useSearch.getState().clear();
  useReader.getState().close();
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null });
  startLibrary('savedAt');
  await waitFor(() => expect(useLibrary.getState().total).toBe(2.5 * PAGE_SIZE));
});
afterEach(cleanup);

describe('j/k while reading across an unloaded page', () => {
  it('opens the next article from a page not loaded yet and keeps its row selected and rendered', async () => {
    render(<Screen />);
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
    // Reading the last article of the first page; the second page has never been fetched.
    const last = PAGE_SIZE - 1;
    act(() => useLibrary.getState().select(last));
    await act(() => useReader.getState().open('a00099'));
    expect(useLibrary.getState().pages[1]).toBeUndefined();
    screen.getByTestId('reader-pane').focus();

    press('j');
    await waitFor(() => expect(useReader.getState().article?.id).toBe('a00100'));
    expect(offsets()).toContain(PAGE_SIZE);
    expect(useLibrary.getState().selectedIndex).toBe(PAGE_SIZE);
    expect(useLibrary.getState().selectedId).toBe('a00100');
    // The list followed: the open article's row exists in the DOM, selected and current.
    await waitFor(() => expect(selectedRow()?.getAttribute('data-id')).toBe('a00100'));
    expect(selectedRow()?.classList.contains('is-current')).toBe(true);
    // The keyboard stays in the reader: j keeps working there.
    expect(document.activeElement).toBe(screen.getByTestId('reader-pane'));

    press('j');
    await waitFor(() => expect(useReader.getState().article?.id).toBe('a00101'));
    press('k');
    press('k');
    await waitFor(() => expect(useReader.getState().article?.id).toBe('a00099'));
    await waitFor(() => expect(selectedRow()?.getAttribute('data-id')).toBe('a00099'));
  });

  it('a far jump (selection moved to an unloaded page) opens the row there, fetching only that page', async () => {
    render(<Screen />);
    await waitFor(() => expect(screen.getAllByTestId('article-row').length).toBeGreaterThan(0));
    act(() => useLibrary.getState().select(2 * PAGE_SIZE + 9));
    await act(() => useReader.getState().open('a00209'));
    screen.getByTestId('reader-pane').focus();
    press('j');
    await waitFor(() => expect(useReader.getState().article?.id).toBe('a00210'));
    expect(offsets()).toContain(2 * PAGE_SIZE);
    await waitFor(() => expect(selectedRow()?.getAttribute('data-id')).toBe('a00210'));
  });

  it('stops at the last article instead of wrapping or closing', async () => {
    render(<Screen />);
    const end = 2.5 * PAGE_SIZE - 1;
    act(() => useLibrary.getState().select(end));
    await act(() => useReader.getState().open(`a00${end}`));
    screen.getByTestId('reader-pane').focus();
    press('j');
    await new Promise((r) => setTimeout(r, 20));
    expect(useReader.getState().article?.id).toBe(`a00${end}`);
    expect(useLibrary.getState().selectedIndex).toBe(end);
  });
});

describe('the shortcut sheet', () => {
  it('lists f (focus mode) and s (the library panel) with the other keys', async () => {
    const { ShortcutSheet } = await import('../../renderer/src/features/shortcuts/ShortcutSheet');
    render(<ShortcutSheet />);
    const rows = Array.from(screen.getByTestId('shortcuts-dialog').querySelectorAll('tbody tr')).map((tr) => tr.textContent);
    expect(rows).toContain('FFocus mode: hide the panels and keep the article');
    expect(rows).toContain('SShow or hide the library panel (narrow windows)');
    expect(rows[0]).toBe('JNext article');
  });
});
