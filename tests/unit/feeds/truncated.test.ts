/**
 * Issue 11, walk item 2: a feed cut off in transfer (`<rss version="2.0"></rss`) is refused with
 * FEED_TRUNCATED instead of becoming a feed with "no articles yet"; one cut off after some items
 * keeps those items and is flagged; the same feeds listed in an OPML import show the error after
 * their first refresh; a 404 is kept on the feed record for its dialog. Served by a real local server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedError, findFeed, importOpml, parseFeedText, readFeeds, refreshFeeds, subscribe, writeOpml } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from './server';

let server: TestServer;
let library: Library;

beforeEach(async () => {
  server = await startServer();
  library = await openLibrary({ dir: await tempDir() });
});
afterEach(async () => {
  await library.close();
  await server.close();
});

const RSS = { 'content-type': 'application/rss+xml' };
const twoItems = rss('Cut Feed', [
  { title: 'Kept story one', link: 'http://example.org/1', date: new Date('2026-01-02T10:00:00Z') },
  { title: 'Kept story two', link: 'http://example.org/2', date: new Date('2026-01-01T10:00:00Z') },
]);
// Cut in the middle of a third item's title, as a dropped connection leaves it.
const cutAfterItems = `${twoItems.slice(0, twoItems.lastIndexOf('</channel>'))}<item><title>Half a ti`;

async function errorOf(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe('a truncated feed', () => {
  it('is refused with FEED_TRUNCATED when nothing in it can be read, and no feed is stored', async () => {
    server.routes.set('/cut.xml', serve('<rss version="2.0"></rss', RSS));
    server.routes.set('/cut-channel.xml', serve('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Only a title</title></channel></rss', RSS));
    server.routes.set('/cut-atom.xml', serve('<feed xmlns="http://www.w3.org/2005/Atom"><title>A', { 'content-type': 'application/atom+xml' }));
    for (const path of ['/cut.xml', '/cut-channel.xml', '/cut-atom.xml']) {
      const error = await errorOf(subscribe(library, `${server.url}${path}`, { hostGapMs: 0, captureImages: false }));
      expect(error.code, path).toBe('FEED_TRUNCATED');
      expect(error.params.url).toBe(`${server.url}${path}`);
    }
    expect(readFeeds(library)).toEqual([]);
    expect(library.list({}).total).toBe(0);
  });

  it('keeps the items before the cut and flags the feed', async () => {
    server.routes.set('/half.xml', serve(cutAfterItems, RSS));
    const result = await subscribe(library, `${server.url}/half.xml`, { hostGapMs: 0, captureImages: false });
    if (result.kind !== 'subscribed') throw new Error('expected a feed');
    expect(result.added).toBe(2);
    expect(library.list({ feedId: result.feed.id }).items.map((m) => m.title).sort()).toEqual(['Kept story one', 'Kept story two']);
    expect(findFeed(library, result.feed.id)?.error?.code).toBe('FEED_TRUNCATED');
    // Once the site serves the whole file again, the flag goes.
    server.routes.set('/half.xml', serve(twoItems, RSS));
    await refreshFeeds(library, { hostGapMs: 0, captureImages: false, force: true });
    expect(findFeed(library, result.feed.id)?.error).toBeNull();
  });

  it('complete documents, even empty ones, are not flagged', () => {
    expect(parseFeedText('<rss version="2.0"></rss>').items).toEqual([]);
    expect(parseFeedText('<rss version="2.0"/>').truncated).toBeUndefined();
    expect(parseFeedText(`${twoItems}\n<!-- served by a cache -->\n`).truncated).toBeUndefined();
  });
});

describe('the same feeds in an OPML import', () => {
  it('show FEED_TRUNCATED (and a 404 its HTTP error) after the first refresh, not an empty feed', async () => {
    server.routes.set('/cut.xml', serve('<rss version="2.0"></rss', RSS));
    server.routes.set('/good.xml', serve(twoItems, RSS));
    const opml = writeOpml([
      { url: `${server.url}/cut.xml`, title: 'Cut', folder: [] },
      { url: `${server.url}/missing.xml`, title: 'Gone', folder: [] },
      { url: `${server.url}/good.xml`, title: 'Good', folder: [] },
    ]);
    const imported = importOpml(library, Buffer.from(opml), new Date());
    expect(imported.added).toHaveLength(3);
    await refreshFeeds(library, { hostGapMs: 0, captureImages: false, force: true });
    const byTitle = new Map(readFeeds(library).map((f) => [f.url.split('/').pop(), f]));
    expect(byTitle.get('cut.xml')?.error?.code).toBe('FEED_TRUNCATED');
    expect(byTitle.get('cut.xml')?.lastSuccessAt).toBeUndefined();
    expect(byTitle.get('missing.xml')?.error).toMatchObject({ code: 'HTTP_ERROR', params: { status: 404 } });
    expect(byTitle.get('good.xml')?.error).toBeNull();
    expect(library.list({}).total).toBe(2);
  });
});
