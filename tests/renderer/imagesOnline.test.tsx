// @vitest-environment jsdom
/** Back online: the window asks for the images not saved yet (images:fetchPending), once per reconnect, and shows the open article's new images. */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFetchImagesOnline } from '../../renderer/src/features/images/useFetchImagesOnline';
import { useReader } from '../../renderer/src/stores/reader';
import type { FetchImagesSummary } from '../../preload/contract';
import { deferred, FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

function Probe() {
  useFetchImagesOnline();
  return null;
}

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar(3);
  window.kabar = fake.bridge();
});
afterEach(cleanup);

describe('images not saved yet, when the connection comes back', () => {
  it('fetches them on "online", once while a fetch runs, and reopens the open article that was missing images', async () => {
    const article = fake.articles[0];
    if (!article) throw new Error('no article');
    article.imagesPending = 2;
    await useReader.getState().open(article.id);
    expect(fake.callsTo('article:get')).toHaveLength(1);
    const done = deferred<FetchImagesSummary>();
    fake.handlers['images:fetchPending'] = () => done.promise;
    render(<Probe />);
    expect(fake.callsTo('images:fetchPending')).toHaveLength(0);
    act(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(fake.callsTo('images:fetchPending')).toHaveLength(1));
    delete article.imagesPending;
    await act(async () => done.resolve({ articles: 1, saved: 2, gone: 0, stillPending: 0 }));
    await waitFor(() => expect(fake.callsTo('article:get')).toHaveLength(2));
    expect(useReader.getState().article?.imagesPending).toBeUndefined();

    // The next reconnect asks again; with nothing saved, the open article is not read again.
    fake.handlers['images:fetchPending'] = async () => ({ articles: 0, saved: 0, gone: 0, stillPending: 0 });
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(fake.callsTo('images:fetchPending')).toHaveLength(2));
    expect(fake.callsTo('article:get')).toHaveLength(2);
  });

  it('stops listening when the app is gone', async () => {
    fake.handlers['images:fetchPending'] = async () => ({ articles: 0, saved: 0, gone: 0, stillPending: 0 });
    const { unmount } = render(<Probe />);
    unmount();
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.callsTo('images:fetchPending')).toHaveLength(0);
  });
});
