/**
 * Exports the corpus has no sample of, written here in each app's documented shape: Readwise
 * Reader's CSV, Omnivore's export ZIP (metadata, content, highlights), wallabag annotations,
 * nested Netscape and Chrome folders; and duplicates found through canonical URLs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importLibraryFile } from '../../../main/core/migrate';
import type { Library } from '../../../main/core/store';
import { CORPUS } from '../helpers';
import { byUrl, freshLibrary, writeTemp, writeZip } from './helpers';

let library: Library | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
});

/** The article files' highlights (the store keeps them beside the blocks). */
async function storedHighlights(lib: Library, id: string): Promise<{ quote: { exact: string }; note?: string; anchor: null; color: string }[]> {
  const file = JSON.parse(await readFile(join(lib.dir, 'articles', `${id}.json`), 'utf8')) as { highlights?: [] };
  return file.highlights ?? [];
}

describe('exports written in each format', () => {
  it('Readwise Reader CSV: tags as a Python list, archive → read, shortlist → bookmarked, progress', async () => {
    const csv = [
      'Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen',
      "Diplomasi bayangan,https://example.org/diplomasi,01h1,\"['politik', 'intelijen']\",2023-09-01 10:00:00+00:00,0.42,later,True",
      'Read one,https://example.org/read,01h2,[],2023-09-02 11:00:00+00:00,1,archive,True',
      'Starred one,https://example.org/star,01h3,"[\'x\']",2023-09-03,0,shortlist,False',
    ].join('\n');
    library = await freshLibrary();
    const summary = await importLibraryFile(library, await writeTemp('export.csv', csv));
    expect(summary.format).toBe('readwise-csv');
    expect(summary.imported).toBe(3);
    const urls = byUrl(library);
    const d = urls.get('https://example.org/diplomasi');
    expect(d?.tags).toEqual(['politik', 'intelijen']);
    expect(d?.progress).toBeCloseTo(0.42);
    expect(d?.savedAt).toBe('2023-09-01T10:00:00.000Z');
    expect(urls.get('https://example.org/read')?.readAt).not.toBeNull();
    expect(urls.get('https://example.org/star')?.bookmarked).toBe(true);
  });

  it('Omnivore ZIP: content read with no network, highlights and notes kept unplaced', async () => {
    const page = await readFile(join(CORPUS, 'pages/001/expected.html'), 'utf8');
    const metadata = [
      { id: 'a1', slug: 'first-article', title: 'First article', url: 'https://example.com/first?utm_source=rss', state: 'Active', readingProgress: 55, labels: ['Work', 'Long reads'], savedAt: '2024-05-01T08:00:00.000Z' },
      { id: 'a2', slug: 'no-content', title: 'A link only', url: 'https://example.com/second', state: 'Archived', readingProgress: 0, labels: [], savedAt: '2024-05-02T08:00:00.000Z' },
    ];
    const highlights = '> So finally you are testing your frontend JavaScript code #important\n\n> A second quote\n> that runs on\n\nMy note on it';
    const zip = await writeZip('omnivore-export.zip', {
      'metadata_0_to_2.json': JSON.stringify(metadata, null, 2),
      'content/first-article.html': page,
      'highlights/first-article.md': highlights,
    });
    library = await freshLibrary();
    const summary = await importLibraryFile(library, zip);
    expect(summary).toMatchObject({ format: 'omnivore-zip', imported: 2, withContent: 1, linksWaiting: 1, highlights: 2 });
    const first = byUrl(library).get('https://example.com/first?utm_source=rss');
    expect(first?.tags).toEqual(['Work', 'Long reads']);
    expect(first?.progress).toBeCloseTo(0.55);
    expect(first?.link).toBeUndefined();
    const article = await library.get(first?.id as string);
    expect(article.blocks.some((b) => b.text.includes('code coverage'))).toBe(true);
    const marks = await storedHighlights(library, first?.id as string);
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ color: 'yellow', anchor: null, quote: { exact: 'So finally you are testing your frontend JavaScript code #important' } });
    expect(marks[1]).toMatchObject({ quote: { exact: 'A second quote\nthat runs on' }, note: 'My note on it' });
    expect(byUrl(library).get('https://example.com/second')?.readAt).not.toBeNull();
  }, 60_000);

  it('wallabag annotations become highlights with their notes', async () => {
    const json = JSON.stringify([
      {
        id: 1,
        title: 'Annotated',
        url: 'https://example.net/annotated',
        is_archived: false,
        is_starred: false,
        created_at: '2020-01-01T10:00:00+0100',
        content: '<p>The quick brown fox jumps over the lazy dog near the quiet river bank today.</p>',
        language: 'en',
        tags: [],
        annotations: [{ text: 'a note', quote: 'quick brown fox', ranges: [], created_at: '2020-01-02T10:00:00+0100' }],
      },
    ]);
    library = await freshLibrary();
    const summary = await importLibraryFile(library, await writeTemp('wallabag.json', json));
    expect(summary.highlights).toBe(1);
    const meta = byUrl(library).get('https://example.net/annotated');
    expect(meta?.savedAt).toBe('2020-01-01T09:00:00.000Z');
    const marks = await storedHighlights(library, meta?.id as string);
    expect(marks).toEqual([expect.objectContaining({ note: 'a note', anchor: null, quote: { exact: 'quick brown fox', prefix: '', suffix: '' } })]);
    // Highlights survive a later rewrite of the article file (a stored translation).
    await library.saveTranslation(meta?.id as string, { lang: 'es', title: 'Anotado', blocks: [{ type: 'paragraph', text: 'El zorro' }], engine: 'test', createdAt: '2020-01-03T00:00:00Z' });
    expect(await storedHighlights(library, meta?.id as string)).toHaveLength(1);
  });

  it('Netscape HTML: nested folders as tags, entities decoded, javascript: and file: refused per entry', async () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
<DL><p>
  <DT><H3 ADD_DATE="1600000000">News &amp; Politics</H3>
  <DL><p>
    <DT><H3>Asia</H3>
    <DL><p>
      <DT><A HREF="https://example.id/berita?id=1&amp;x=2" ADD_DATE="1600000001">Berita &quot;satu&quot;</A>
    </DL><p>
    <DT><A HREF="javascript:alert(1)">Evil bookmarklet</A>
    <DT><A HREF="file:///etc/passwd">Local file</A>
  </DL><p>
  <DT><A HREF="https://example.org/top" ADD_DATE="1600000002" TAGS="a,b">Top level</A>
</DL><p>`;
    library = await freshLibrary();
    const summary = await importLibraryFile(library, await writeTemp('bookmarks.html', html));
    expect(summary).toMatchObject({ format: 'netscape', entries: 4, imported: 2, failed: 2 });
    expect(summary.failures.map((f) => [f.label, f.code])).toEqual([
      ['Evil bookmarklet', 'URL_REFUSED'],
      ['Local file', 'URL_REFUSED'],
    ]);
    const urls = byUrl(library);
    expect(urls.get('https://example.id/berita?id=1&x=2')).toMatchObject({ title: 'Berita "satu"', tags: ['News & Politics', 'Asia'] });
    expect(urls.get('https://example.org/top')?.tags).toEqual(['a', 'b']);
    expect([...urls.keys()].some((u) => !u.startsWith('https:'))).toBe(false);
  });

  it('Chrome Bookmarks: nested folders as tags, the bar itself is not a tag', async () => {
    const doc = {
      roots: {
        bookmark_bar: {
          type: 'folder',
          name: 'Bookmarks bar',
          children: [{ type: 'folder', name: 'Reading', children: [{ type: 'url', name: 'Deep', url: 'https://example.com/deep', date_added: '13300000000000000' }] }],
        },
        other: { type: 'folder', name: 'Other bookmarks', children: [] },
      },
      version: 1,
    };
    library = await freshLibrary();
    const summary = await importLibraryFile(library, await writeTemp('Bookmarks', JSON.stringify(doc)));
    expect(summary.format).toBe('chrome-json');
    expect(byUrl(library).get('https://example.com/deep')?.tags).toEqual(['Reading']);
  });
});

describe('duplicates', () => {
  it('canonical URLs: tracking parameters, fragments, default ports and host case are one article', async () => {
    const csv = [
      'title,url,time_added,tags,status',
      'One,https://example.com/a?id=7,1600000000,first,unread',
      'One again,https://EXAMPLE.com:443/a?utm_source=x&id=7&fbclid=abc#comments,1600000001,second,archive',
      'One more,https://example.com/a?gclid=1&id=7&utm_campaign=y,1600000002,,unread',
      'Other,http://example.com:80/b,1600000003,,unread',
      'Other again,http://example.com/b#top,1600000004,,unread',
    ].join('\n');
    library = await freshLibrary();
    const path = await writeTemp('pocket.csv', csv);
    const first = await importLibraryFile(library, path);
    expect(first).toMatchObject({ entries: 5, imported: 2, alreadyThere: 3 });
    expect(library.ids()).toHaveLength(2);
    const one = library.allMeta().find((m) => m.title === 'One');
    // The duplicates in the file gave the article their tags and archive state.
    expect(one?.tags).toEqual(['first', 'second']);
    expect(one?.readAt).not.toBeNull();

    const again = await importLibraryFile(library, path, { tags: ['pocket'] });
    expect(again).toMatchObject({ imported: 0, alreadyThere: 5 });
    expect(library.ids()).toHaveLength(2);
    expect(library.meta(one?.id as string).tags).toEqual(['first', 'second', 'pocket']);
  });
});
