// @vitest-environment jsdom
/** Issue 11, walk item 8: a hit found only in a translation says so, with its snippet marked and in the translation's language. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchBox } from '../../renderer/src/features/search/SearchBox';
import { SearchResults } from '../../renderer/src/features/search/SearchResults';
import { useSearch } from '../../renderer/src/stores/search';
import type { SearchHit } from '../../preload/contract';
import { FakeKabar, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

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
});
afterEach(cleanup);

describe('a hit found only in a translation', () => {
  it('names the translation and marks the hit in its snippet', async () => {
    const meta = makeMeta(1, { title: 'Storm closes the pier' });
    const fromSpanish: SearchHit = {
      id: meta.id,
      score: 1,
      meta,
      title: [{ text: 'Storm closes the pier', hit: false }],
      snippet: [{ text: 'La potestad de ', hit: false }, { text: 'puerto', hit: true }, { text: ' cerró…', hit: false }],
      snippetLang: 'es',
    };
    const direct: SearchHit = { ...fromSpanish, id: 'a00002', meta: makeMeta(2), snippet: [{ text: 'puerto', hit: true }], snippetLang: undefined };
    fake.search = async () => [fromSpanish, direct];
    render(<Search />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search articles' }), { target: { value: 'puerto' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    const [first, second] = screen.getAllByRole('option');
    expect(first?.querySelector('[data-testid="hit-from-translation"]')?.textContent).toBe('Found in the Spanish translation');
    expect(first?.querySelector('.hit-snippet mark')?.textContent).toBe('puerto');
    expect(first?.querySelector('.hit-snippet')?.getAttribute('lang')).toBe('es');
    expect(second?.querySelector('[data-testid="hit-from-translation"]')).toBeNull();
  });
});
