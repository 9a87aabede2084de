// @vitest-environment jsdom
/** Walk item 7: moving to the trash and removing a tag show a toast with Undo, and Ctrl+Z undoes them (not inside a text field). */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useUi } from '../../renderer/src/stores/ui';
import { useUndo } from '../../renderer/src/stores/undo';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  useUi.setState({ dialog: null, notice: null });
  useUndo.getState().dismiss();
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
  useReader.getState().close();
  fake = new FakeKabar(3);
  fake.articles[0]!.tags = ['politics', 'europe'];
  fake.install();
  render(<App />);
  await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
  await act(() => useReader.getState().open(fake.articles[0]!.id));
  await screen.findByTestId('reader-toolbar');
});
afterEach(cleanup);

describe('undo', () => {
  it('trash shows a toast; Undo restores the article and reopens it', async () => {
    const id = fake.articles[0]!.id;
    fireEvent.click(screen.getByTestId('reader-trash'));
    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toContain(`Moved to the trash: ${fake.articles[0]!.title}`);
    expect(fake.callsTo('article:delete')).toEqual([[id]]);
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(fake.callsTo('article:restore')).toEqual([[id]]));
    await waitFor(() => expect(useReader.getState().article?.id).toBe(id));
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('removing a tag shows a toast; Ctrl+Z puts the tag back, but not while typing in a field', async () => {
    const id = fake.articles[0]!.id;
    fireEvent.click(screen.getByRole('button', { name: /Remove tag politics/i }));
    await waitFor(() => expect(fake.callsTo('tags:remove')).toEqual([[id, ['politics']]]));
    expect((await screen.findByTestId('undo-toast')).textContent).toContain('Tag removed: politics');
    const field = within(screen.getByTestId('reader')).getByRole('combobox');
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    expect(fake.callsTo('tags:add')).toEqual([]);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    await waitFor(() => expect(fake.callsTo('tags:add')).toEqual([[id, ['politics']]]));
    expect(screen.queryByTestId('undo-toast')).toBeNull();
    // Nothing left to undo: a second Ctrl+Z does nothing.
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, bubbles: true, cancelable: true });
    expect(fake.callsTo('tags:add')).toHaveLength(1);
  });
});
