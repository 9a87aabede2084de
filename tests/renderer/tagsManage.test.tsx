// @vitest-environment jsdom
/** Tags from the sidebar: filter by several (chips, clear), rename and merge from a tag's menu. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useUi } from '../../renderer/src/stores/ui';
import type { ListQuery } from '../../preload/contract';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  useUi.setState({ dialog: null, notice: null });
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
  useReader.getState().close();
  fake = new FakeKabar(4);
  fake.articles[0]!.tags = ['asia', 'politics'];
  fake.articles[1]!.tags = ['asia'];
  fake.articles[2]!.tags = ['politics'];
  fake.install();
  render(<App />);
  await screen.findByTestId('sidebar');
  await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(4));
});
afterEach(cleanup);

describe('tag filters', () => {
  it('adds each clicked tag to the filter, shows chips, and clears them', async () => {
    const sidebar = screen.getByTestId('sidebar');
    fireEvent.click(within(sidebar).getByRole('button', { name: /^asia/ }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    fireEvent.click(within(sidebar).getByRole('button', { name: /^politics/ }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(1));
    const last = fake.callsTo('library:list').at(-1)?.[0] as ListQuery;
    expect(last.tags).toEqual(['asia', 'politics']);
    expect(screen.getAllByTestId('filter-chip').map((c) => c.textContent)).toEqual(['Tag: asia×', 'Tag: politics×']);
    expect(within(sidebar).getByRole('button', { name: /^asia/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter asia' }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(4));
    expect(screen.queryByTestId('filter-chip')).toBeNull();
  });
});

describe('tag menu', () => {
  it('renames a tag', async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Rename or merge tag asia' }));
    const dialog = await screen.findByTestId('tag-manage-dialog');
    const field = within(dialog).getByLabelText('New name');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Asia Pacific' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(screen.queryByTestId('tag-manage-dialog')).toBeNull());
    expect(fake.callsTo('tags:rename')).toEqual([['asia', 'Asia Pacific']]);
  });

  it('merges a tag into another, and shows a translated error when that fails', async () => {
    fake.failNext.set('tags:merge', { code: 'INVALID_ARGUMENT', message: 'no' });
    fireEvent.click(screen.getByRole('button', { name: 'Rename or merge tag asia' }));
    const dialog = await screen.findByTestId('tag-manage-dialog');
    fireEvent.change(within(dialog).getByLabelText('Merge into another tag'), { target: { value: 'politics' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByTestId('tag-manage-dialog')).toBeNull());
    expect(fake.callsTo('tags:merge')).toEqual([
      [['asia'], 'politics'],
      [['asia'], 'politics'],
    ]);
  });
});
