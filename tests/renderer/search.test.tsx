// @vitest-environment jsdom
/** Search as you type: highlighted matches as <mark>, stale answers dropped, Enter opens, Esc clears. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Highlight } from '../../renderer/src/features/search/Highlight';
import { SearchBox } from '../../renderer/src/features/search/SearchBox';
import { SearchResults } from '../../renderer/src/features/search/SearchResults';
import { useReader } from '../../renderer/src/stores/reader';
import { useSearch } from '../../renderer/src/stores/search';
import type { SearchHit } from '../../preload/contract';
import { FakeKabar, deferred, makeMeta, type Deferred } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

function hit(i: number, word: string): SearchHit {
  const meta = makeMeta(i, { title: `The ${word} story` });
  return {
    id: meta.id,
    score: 1,
    meta,
    title: [{ text: 'The ', hit: false }, { text: word, hit: true }, { text: ' story', hit: false }],
    snippet: [{ text: '…about ', hit: false }, { text: word, hit: true }, { text: '<img src=x>', hit: false }],
  };
}

function Search() {
  const query = useSearch((s) => s.query);
  return (
    <>
      <SearchBox />
      {query && <SearchResults />}
    </>
  );
}

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar(3).install();
  useSearch.getState().clear();
  useReader.getState().close();
});
afterEach(cleanup);

describe('search', () => {
  it('renders snippet parts with <mark> around matches, as text', () => {
    const { container } = render(<Highlight parts={hit(1, 'harbour').snippet} />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['harbour']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('…about harbour<img src=x>');
  });

  it('asks on every keystroke and shows the results with highlighted titles', async () => {
    fake.search = async (q) => [hit(1, q)];
    render(<Search />);
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    fireEvent.change(box, { target: { value: 'por' } });
    fireEvent.change(box, { target: { value: 'port' } });
    expect(fake.callsTo('search:query').map((a) => a[0])).toEqual(['por', 'port']);
    const results = await screen.findByTestId('search-results');
    await waitFor(() => expect(results.querySelector('mark')?.textContent).toBe('port'));
    const option = screen.getAllByRole('option')[0];
    expect(option?.textContent).toContain('The port story');
    expect(option?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('1 match')).toBeTruthy();
  });

  it('drops an answer that arrives after a newer query was sent', async () => {
    const pending = new Map<string, Deferred<SearchHit[]>>();
    fake.search = (q) => {
      const d = deferred<SearchHit[]>();
      pending.set(q, d);
      return d.promise;
    };
    render(<Search />);
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    fireEvent.change(box, { target: { value: 'a' } });
    fireEvent.change(box, { target: { value: 'ab' } });
    await waitFor(() => expect(pending.size).toBe(2));
    await act(async () => pending.get('ab')?.resolve([hit(2, 'ab')]));
    await act(async () => pending.get('a')?.resolve([hit(1, 'a'), hit(0, 'a')]));
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]?.textContent).toContain('The ab story');
  });

  it('opens the active result on Enter and clears on Escape', async () => {
    fake.search = async () => [hit(1, 'x'), hit(2, 'x')];
    render(<Search />);
    const box = screen.getByRole('searchbox', { name: 'Search articles' });
    fireEvent.change(box, { target: { value: 'x' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('search-result-1');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(useReader.getState().openId).toBe('a00002'));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('says so when nothing matches', async () => {
    fake.search = async () => [];
    render(<Search />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(await screen.findByText(/No saved article matches “zzz”/)).toBeTruthy();
  });
});
