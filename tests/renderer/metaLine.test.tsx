// @vitest-environment jsdom
/** Walk items 4 and 8: a byline equal to the site name is shown once; the separator never starts a wrapped line. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MetaLine } from '../../renderer/src/features/reader/MetaLine';
import { makeMeta } from './fakeKabar';
import { setupDom } from './setup';

beforeEach(async () => {
  await setupDom();
});
afterEach(cleanup);

describe('meta line', () => {
  it('says the site once when the byline only repeats it, and keeps a real byline', () => {
    const { container, unmount } = render(<MetaLine meta={makeMeta(1, { siteName: 'BBC News', byline: 'bbc news ' })} />);
    const parts = Array.from(container.querySelectorAll('span')).map((s) => s.textContent);
    expect(parts.filter((p) => /BBC News/i.test(p ?? ''))).toEqual(['BBC News']);
    unmount();
    const other = render(<MetaLine meta={makeMeta(2, { siteName: 'BBC News', byline: 'Jon Sopel' })} />);
    expect(other.container.textContent).toContain('By Jon Sopel');
  });
});
