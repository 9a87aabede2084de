/**
 * Every real export sample in the corpus (wallabag's own import fixtures) imports with the count of
 * entries the file holds (the counts wallabag's importers read, MANIFEST.md) and keeps what each
 * entry says: title, URL, saved time, tags and folders, read, starred, progress, content.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importLibraryFile, type ImportFormat } from '../../../main/core/migrate';
import type { Library } from '../../../main/core/store';
import { byUrl, freshLibrary, SAMPLES } from './helpers';

const CASES: [file: string, format: ImportFormat, count: number, withContent: number][] = [
  ['pocket.csv', 'pocket-csv', 7, 0],
  ['ril_export.html', 'pocket-html', 2, 0],
  ['instapaper-export.csv', 'instapaper-csv', 4, 0],
  ['omnivore.json', 'omnivore-json', 20, 0],
  ['wallabag-v1.json', 'wallabag-json', 2, 2],
  ['wallabag-v1-read.json', 'wallabag-json', 3, 3],
  ['wallabag-v2.json', 'wallabag-json', 6, 6],
  ['wallabag-v2-read.json', 'wallabag-json', 2, 2],
  ['readability.json', 'readability-json', 3, 0],
  ['readability-read.json', 'readability-json', 2, 0],
  ['firefox-bookmarks.json', 'firefox-json', 2, 0],
  ['chrome-bookmarks', 'chrome-json', 1, 0],
  ['pinboard_export', 'pinboard-json', 3, 0],
  ['shaarli-bookmarks.html', 'netscape', 2, 0],
];

let library: Library | null = null;
afterEach(async () => {
  await library?.close();
  library = null;
});

describe('corpus export samples', () => {
  it.each(CASES)('%s is recognised as %s and gives %i entries', async (file, format, count, withContent) => {
    library = await freshLibrary();
    const summary = await importLibraryFile(library, join(SAMPLES, file));
    expect(summary.format).toBe(format);
    expect(summary.entries).toBe(count);
    expect(summary.imported).toBe(count);
    expect(summary.failed).toBe(0);
    // Entries with readable content are articles now; every other one is a link waiting for its page.
    expect(summary.withContent).toBe(withContent);
    expect(summary.linksWaiting).toBe(count - withContent);
    expect(library.ids()).toHaveLength(count);
    expect(library.allMeta().filter((m) => m.link?.state === 'waiting')).toHaveLength(count - withContent);
  }, 120_000);

  it('Pocket CSV keeps titles with commas and new lines, saved time and archive state', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'pocket.csv'));
    const urls = byUrl(library);
    const reddit = urls.get('https://www.reddit.com/r/DataHoarder/comments/ioupbk/archivebox_question_how_do_i_import_links_from_a/');
    expect(reddit?.readAt).not.toBeNull();
    expect(reddit?.savedAt).toBe(new Date(1600961496 * 1000).toISOString());
    const bees = [...urls.values()].find((m) => m.title.startsWith('Des abeilles'));
    expect(bees?.title).toBe('Des abeilles pour résoudre les « conflits » entre les humains et les élépha');
    expect(bees?.readAt).toBeNull();
    expect([...urls.values()].some((m) => m.title.startsWith('Avec les accusés d’El Halia'))).toBe(true);
    // A link entry is in the list and found by its title.
    const hits = await library.search('Scrum Master');
    expect(hits.map((h) => h.id)).toContain([...urls.values()].find((m) => m.title.includes('Scrum'))?.id);
  });

  it('Instapaper folders: Archive → read, Starred → bookmarked, others → tags', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'instapaper-export.csv'));
    const all = [...byUrl(library).values()];
    expect(all.find((m) => m.title.startsWith('AMP and React'))?.readAt).not.toBeNull();
    expect(all.find((m) => m.title.startsWith('Why Foursquare'))?.bookmarked).toBe(true);
    expect(all.find((m) => m.title.includes('covfefe'))?.tags).toEqual(['test_tag']);
    expect(all.find((m) => m.title.startsWith('Childbirth'))?.tags).toEqual([]);
  });

  it('Omnivore metadata: labels as tags, Archived as read, progress in percent', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'omnivore.json'));
    const breitling = [...byUrl(library).values()].find((m) => m.title.startsWith('Malgré la crise du marché des montres'));
    expect(breitling?.tags).toEqual(['RSS']);
    expect(breitling?.readAt).not.toBeNull();
    expect(breitling?.savedAt).toBe('2024-10-29T16:30:11.000Z');
  });

  it('wallabag v2: content through the sanitizer into blocks, tags, starred and archived', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'wallabag-v2.json'));
    const mediapart = byUrl(library).get('https://www.mediapart.fr/');
    expect(mediapart?.tags).toEqual(['mediapart', 'blog']);
    expect(mediapart?.bookmarked).toBe(true);
    expect(mediapart?.readAt).toBeNull();
    expect(mediapart?.link).toBeUndefined();
    const article = await library.get(mediapart?.id as string);
    expect(article.blocks.length).toBeGreaterThan(3);
    expect(JSON.stringify(article.blocks)).not.toMatch(/<script|onerror=/i);
  }, 120_000);

  it('wallabag v1: is_fav → bookmarked, tags as a comma list', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'wallabag-v1-read.json'));
    expect(byUrl(library).get('https://www.wallabag.org/features/')?.bookmarked).toBe(true);
    library = (await library.close(), await freshLibrary());
    await importLibraryFile(library, join(SAMPLES, 'wallabag-v1.json'));
    expect([...byUrl(library).values()].find((m) => m.title.startsWith('Framabag'))?.tags).toEqual(['Framabag']);
  }, 120_000);

  it('Readability, Pinboard, Pocket HTML, Firefox, Chrome and Shaarli keep their fields', async () => {
    library = await freshLibrary();
    await importLibraryFile(library, join(SAMPLES, 'readability.json'));
    await importLibraryFile(library, join(SAMPLES, 'pinboard_export'));
    await importLibraryFile(library, join(SAMPLES, 'firefox-bookmarks.json'));
    await importLibraryFile(library, join(SAMPLES, 'chrome-bookmarks'));
    const urls = byUrl(library);
    // A time without zone is read as local time, as JavaScript reads it.
    expect(urls.get('https://venngage.com/blog/hashtags-are-worthless/')?.savedAt).toBe(new Date('2016-08-25T12:05:00').toISOString());
    expect([...urls.values()].find((m) => m.title === 'No title found')?.bookmarked).toBe(true);
    expect(urls.get('https://ma.ttias.be/varnish-explained/')?.tags).toEqual(['varnish', 'PHP']);
    const tarn = urls.get('https://www.20minutes.fr/sport/4002755-20220928-tarn-lapins-ravagent-terrain-match-rugby-doit-etre-annule');
    expect(tarn?.tags).toEqual(['test', 'tag']);
    expect(tarn?.savedAt).toBe(new Date(1388166091644).toISOString());
    const rugby = urls.get('https://www.20minutes.fr/sport/3256363-20220321-tournoi-vi-nations-trophee-gagne-xv-france-fini-fond-seine');
    // Chrome counts microseconds from 1601: 13118850929335823 is 2016-09-20.
    expect(rugby?.savedAt.slice(0, 10)).toBe('2016-09-20');
    // Firefox's bookmarks, Pocket's HTML export and Shaarli's Netscape file name the same two pages:
    // the later files add nothing, but their tags join the articles already there.
    const before = library.ids().length;
    const pocket = await importLibraryFile(library, join(SAMPLES, 'ril_export.html'));
    expect([pocket.imported, pocket.alreadyThere]).toEqual([0, 2]);
    const shaarli = await importLibraryFile(library, join(SAMPLES, 'shaarli-bookmarks.html'));
    expect([shaarli.imported, shaarli.alreadyThere]).toEqual([0, 2]);
    expect(library.ids().length).toBe(before);
    expect(byUrl(library).get('https://www.20minutes.fr/paris/4100740-20240715-jo-paris-2024-courir-capitale-maintenant-quais-fermes')?.tags).toEqual([
      'ifttt',
      'new_entry_simple',
      'firefoxos',
    ]);
    expect(tarn && library.meta(tarn.id).tags).toEqual(['test', 'tag', 'ifttt', 'new_entry_simple', 'firefoxos']);
  });
});
