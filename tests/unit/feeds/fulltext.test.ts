/** "Fetch full article": a summary-only item is replaced by the linked page (Readability), its images captured into media/. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFeed, refreshFeeds, subscribe } from '../../../main/core/feeds';
import { openLibrary, type Library } from '../../../main/core/store';
import { CORPUS, tempDir } from '../helpers';
import { rss, serve, startServer, type TestServer } from './server';

let server: TestServer;
let library: Library;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

beforeEach(async () => {
  server = await startServer();
  library = await openLibrary({ dir: await tempDir() });
});
afterEach(async () => {
  await library.close();
  await server.close();
});

describe('full text and images', () => {
  it('fetches the linked page when the feed has only a summary, and captures images for offline reading', async () => {
    const page = await readFile(join(CORPUS, 'pages', '001', 'source.html'));
    server.routes.set('/story', serve(page, { 'content-type': 'text/html; charset=utf-8' }));
    server.routes.set('/pic.png', serve(PNG, { 'content-type': 'image/png' }));
    let items = [{ title: 'Teaser one', link: `${server.url}/story`, html: `<p>Short teaser.</p><img src="${server.url}/pic.png">` }];
    server.routes.set("/feed.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("F", items));
    });
    const result = await subscribe(library, `${server.url}/feed.xml`);
    if (result.kind !== 'subscribed') throw new Error('expected a feed');
    // Without full text: the teaser, with its image stored in media/.
    const teaser = await library.get(library.list({ feedId: result.feed.id }).items[0]?.id as string);
    expect(teaser.blocks.map((b) => b.text).join(' ')).toContain('Short teaser');
    const image = teaser.blocks.find((b) => b.type === 'image');
    expect(image?.media).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(await readdir(library.mediaDir)).toContain(image?.media);

    editFeed(library, result.feed.id, { fullText: true });
    items = [{ title: 'Full story', link: `${server.url}/story?x=2`, html: '<p>Another short teaser.</p>' }];
    server.routes.set('/story', serve(page, { 'content-type': 'text/html; charset=utf-8' }));
    const [refreshed] = await refreshFeeds(library, { force: true });
    expect(refreshed).toMatchObject({ state: 'ok', added: 1 });
    const full = library.list({ feedId: result.feed.id }).items.find((m) => m.title === 'Full story');
    const article = await library.get(full?.id as string);
    expect(article.source).toBe('feed');
    expect(article.feedId).toBe(result.feed.id);
    expect(article.wordCount).toBeGreaterThan(300);
  });
});
