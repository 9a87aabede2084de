// @vitest-environment jsdom
/** Single-key shortcuts: dispatched from the window, silent while typing or while a dialog is open. */
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget } from '../../renderer/src/features/shortcuts/keymap';
import { useShortcuts } from '../../renderer/src/features/shortcuts/useShortcuts';
import { rowAt, startLibrary, useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useSearch } from '../../renderer/src/stores/search';
import { useUi } from '../../renderer/src/stores/ui';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

function Keys() {
  useShortcuts();
  return (
    <div>
      <input aria-label="field" />
      <textarea aria-label="area" />
      <input type="checkbox" aria-label="check" />
      <button type="button">button</button>
      <div contentEditable suppressContentEditableWarning>
        editable
      </div>
    </div>
  );
}

function press(target: Element | Window, key: string, extra: KeyboardEventInit = {}): void {
  fireEvent.keyDown(target, { key, bubbles: true, cancelable: true, ...extra });
}

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar(5).install();
  useUi.setState({ dialog: null, searchFocus: 0 });
  useSearch.getState().clear();
  useReader.getState().close();
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null });
  startLibrary('savedAt');
  await waitFor(() => expect(useLibrary.getState().total).toBe(5));
});
afterEach(cleanup);

describe('keymap', () => {
  it('maps keys to commands and ignores modified keys', () => {
    const body = document.body;
    expect(commandFor({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: body })).toBe('next');
    expect(commandFor({ key: 'K', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: body })).toBe('previous');
    expect(commandFor({ key: '?', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: body })).toBe('help');
    expect(commandFor({ key: 'j', ctrlKey: true, metaKey: false, altKey: false, isComposing: false, target: body })).toBeNull();
    expect(commandFor({ key: 'x', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: body })).toBeNull();
  });

  it('treats text fields and editable content as typing, not checkboxes or buttons', () => {
    const { getByLabelText, getByText } = render(<Keys />);
    expect(isTypingTarget(getByLabelText('field'))).toBe(true);
    expect(isTypingTarget(getByLabelText('area'))).toBe(true);
    expect(isTypingTarget(getByLabelText('check'))).toBe(false);
    expect(isTypingTarget(getByText('button'))).toBe(false);
    const editable = getByText('editable');
    // jsdom does not compute isContentEditable; the attribute is what the check reads in browsers.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTypingTarget(editable)).toBe(true);
  });
});

describe('shortcut dispatch', () => {
  it('j/k move the selection; o opens it; b and m toggle bookmark and read', async () => {
    render(<Keys />);
    press(document.body, 'j');
    press(document.body, 'j');
    press(document.body, 'k');
    expect(useLibrary.getState().selectedId).toBe('a00001');
    press(document.body, 'o');
    await waitFor(() => expect(useReader.getState().article?.id).toBe('a00001'));
    press(document.body, 'b');
    await waitFor(() => expect(fake.callsTo('article:setBookmarked')).toEqual([['a00001', true]]));
    press(document.body, 'm');
    // Opening marked it read; m makes it unread again.
    await waitFor(() => expect(fake.callsTo('article:setRead').at(-1)).toEqual(['a00001', false]));
  });

  it('does nothing while typing in a field', () => {
    const { getByLabelText } = render(<Keys />);
    press(getByLabelText('field'), 'j');
    press(getByLabelText('area'), '?');
    press(getByLabelText('field'), 't');
    expect(useLibrary.getState().selectedIndex).toBe(0);
    expect(useUi.getState().dialog).toBeNull();
  });

  it('opens the sheet with ?, the tag dialog with t, focuses search with /', () => {
    render(<Keys />);
    press(document.body, '?');
    expect(useUi.getState().dialog).toEqual({ kind: 'shortcuts' });
    // While a dialog is open, keys belong to it.
    press(document.body, 'j');
    expect(useLibrary.getState().selectedIndex).toBe(0);
    act(() => useUi.getState().closeDialog());
    press(document.body, 't');
    expect(useUi.getState().dialog).toEqual({ kind: 'tags', id: 'a00000' });
    act(() => useUi.getState().closeDialog());
    press(document.body, '/');
    expect(useUi.getState().searchFocus).toBe(1);
  });

  it('Escape clears an active search', () => {
    render(<Keys />);
    act(() => useSearch.getState().setQuery('x'));
    press(document.body, 'Escape');
    expect(useSearch.getState().query).toBe('');
  });
});

describe('first-use walk, item 1: the selection follows the article being read', () => {
  it('j and k while reading open the next and previous article', async () => {
    render(<Keys />);
    const ids = [0, 1, 2].map((i) => rowAt(useLibrary.getState().pages, i)?.id);
    useLibrary.getState().select(0);
    await act(() => useReader.getState().open(ids[0] as string));
    expect(useReader.getState().status).toBe('ready');
    press(window, 'j');
    await waitFor(() => expect(useReader.getState().article?.id).toBe(ids[1]));
    expect(useLibrary.getState().selectedId).toBe(ids[1]);
    press(window, 'j');
    await waitFor(() => expect(useReader.getState().article?.id).toBe(ids[2]));
    press(window, 'k');
    await waitFor(() => expect(useReader.getState().article?.id).toBe(ids[1]));
  });

  it('keeps the read article selected when a filter is set and cleared, so o opens it again', async () => {
    const id = rowAt(useLibrary.getState().pages, 3)?.id as string;
    useLibrary.getState().selectId(id);
    expect(useLibrary.getState().selectedIndex).toBe(3);
    act(() => useLibrary.getState().setLang('id'));
    await waitFor(() => expect(useLibrary.getState().total).not.toBeNull());
    act(() => useLibrary.getState().clearFilters());
    await waitFor(() => expect(useLibrary.getState().total).toBe(5));
    expect(useLibrary.getState().selectedId).toBe(id);
    expect(useLibrary.getState().selectedIndex).toBe(3);
  });
});
