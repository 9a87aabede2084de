// @vitest-environment jsdom
/** The trash view's "Empty trash…": confirmed in place, sent as trash:empty, and a failure shown in the interface language. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useUi } from '../../renderer/src/stores/ui';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  useUi.setState({ dialog: null, notice: null });
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
  useReader.getState().close();
  fake = new FakeKabar(5);
  for (const meta of fake.articles.slice(0, 3)) meta.deletedAt = '2026-01-01T00:00:00Z';
  fake.handlers['trash:empty'] = async () => {
    const gone = fake.articles.filter((m) => m.deletedAt).length;
    fake.articles = fake.articles.filter((m) => !m.deletedAt);
    fake.emit('library:changed', { ids: ['a00000', 'a00001', 'a00002'] });
    return gone;
  };
  fake.install();
  render(<App />);
  const sidebar = await screen.findByTestId('sidebar');
  fireEvent.click(within(sidebar).getByRole('button', { name: /^Trash/ }));
  await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
});
afterEach(cleanup);

describe('empty trash', () => {
  it('asks in place, then deletes for good and shows the empty trash', async () => {
    expect(screen.queryByTestId('empty-trash-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('empty-trash'));
    expect(screen.getByText('Delete 3 articles for good?')).toBeTruthy();
    expect(fake.callsTo('trash:empty')).toEqual([]);
    fireEvent.click(screen.getByTestId('empty-trash-confirm'));
    await waitFor(() => expect(fake.callsTo('trash:empty')).toEqual([[]]));
    await screen.findByText('The trash is empty.');
    expect(screen.queryByTestId('empty-trash')).toBeNull();
  });

  it('cancel keeps everything', async () => {
    fireEvent.click(screen.getByTestId('empty-trash'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('empty-trash')).toBeTruthy();
    expect(fake.callsTo('trash:empty')).toEqual([]);
    expect(screen.getAllByTestId('article-row')).toHaveLength(3);
  });

  it('says why it failed, in the interface language, and keeps the articles', async () => {
    fake.failNext.set('trash:empty', { code: 'LIBRARY_LOCKED', message: 'locked', params: {} });
    fireEvent.click(screen.getByTestId('empty-trash'));
    fireEvent.click(screen.getByTestId('empty-trash-confirm'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toContain('locked');
    expect(alert.textContent?.length).toBeGreaterThan(10);
    expect(screen.getAllByTestId('article-row')).toHaveLength(3);
  });
});
