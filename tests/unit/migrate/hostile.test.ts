/**
 * Hostile and broken exports: each ends with its own error code and leaves the library exactly as
 * it was (same articles, same journal, same files). Zip bombs, path traversal, malformed JSON, a CSV
 * with wrong columns or a broken quote deep inside, a file of the wrong kind.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, importLibraryFile, isImportFormat } from '../../../main/core/migrate';
import type { Library } from '../../../main/core/store';
import { CORPUS } from '../helpers';
import { freshLibrary, SAMPLES, writeTemp, writeZip } from './helpers';

let library: Library;

/**
 * Everything that tells whether a library changed: its metadata and the article and media files
 * (library.json and the journal are rewritten by background compaction, so their bytes are left out).
 */
async function snapshot(lib: Library): Promise<string> {
  const files: string[] = [];
  for (const folder of ['articles', 'media']) {
    for (const name of (await readdir(join(lib.dir, folder)).catch(() => [])).sort()) {
      const info = await stat(join(lib.dir, folder, name));
      if (info.isFile()) files.push(`${folder}/${name}:${info.size}`);
    }
  }
  return JSON.stringify({ metas: lib.allMeta(), files });
}

beforeEach(async () => {
  library = await freshLibrary();
  // Something to lose: a real import first.
  await importLibraryFile(library, join(SAMPLES, 'pocket.csv'));
});
afterEach(async () => {
  await library.close();
});

async function expectRefused(path: string, code: string, from?: string): Promise<void> {
  const before = await snapshot(library);
  const options = from && isImportFormat(from) ? { from } : {};
  await expect(importLibraryFile(library, path, options)).rejects.toMatchObject({ code });
  expect(await snapshot(library)).toBe(before);
}

describe('hostile exports', () => {
  it('a zip bomb (a small file that would unpack to gigabytes) is refused: ZIP_UNSAFE', async () => {
    // 64 MB of zeros deflates to ~64 KB: a ratio of ~1000.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const path = await writeZip('bomb.zip', { 'metadata_0_to_1.json': '[]', 'content/a.html': zeros });
    expect((await stat(path)).size).toBeLessThan(1024 * 1024);
    await expectRefused(path, 'ZIP_UNSAFE');
  });

  it('a ZIP past the entry-count limit is refused before it is read through', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 50; i += 1) files[`content/${i}.html`] = strToU8('<p>x</p>');
    const path = await writeZip('many.zip', files);
    const before = await snapshot(library);
    await expect(importLibraryFile(library, path, { zipLimits: { ...DEFAULT_ZIP_LIMITS, maxEntries: 10 } })).rejects.toMatchObject({ code: 'ZIP_UNSAFE' });
    expect(await snapshot(library)).toBe(before);
  });

  it('path traversal in a ZIP entry name refuses the whole file', async () => {
    const meta = JSON.stringify([{ slug: 'x', title: 'X', url: 'https://example.com/x', labels: [] }]);
    for (const evil of ['../../evil.html', '/etc/cron.d/evil', 'content/../../x.html', 'C:\\Windows\\evil.html']) {
      const path = await writeTemp('evil.zip', zipSync({ 'metadata_0_to_1.json': strToU8(meta), [evil]: strToU8('<p>pwned</p>') }));
      await expectRefused(path, 'ZIP_UNSAFE');
    }
  });

  it('a truncated ZIP is IMPORT_MALFORMED', async () => {
    const good = zipSync({ 'metadata_0_to_1.json': strToU8(JSON.stringify([{ slug: 'x', title: 'X', url: 'https://example.com/x' }])) }, { level: 0 });
    await expectRefused(await writeTemp('cut.zip', good.subarray(0, 40)), 'IMPORT_MALFORMED');
  });

  it('malformed JSON (the corpus truncated feed, and a cut wallabag export) is IMPORT_MALFORMED', async () => {
    const wallabag = await readFile(join(SAMPLES, 'wallabag-v2-read.json'), 'utf8');
    await expectRefused(await writeTemp('cut.json', wallabag.slice(0, wallabag.length / 2)), 'IMPORT_MALFORMED');
    await expectRefused(join(CORPUS, 'feeds/rsparser/allthis-partial.json'), 'IMPORT_MALFORMED');
  });

  it('a CSV with wrong columns is IMPORT_COLUMNS; forcing a format on the wrong CSV too', async () => {
    await expectRefused(await writeTemp('x.csv', 'url,name,folder\nhttps://a.example/,A,Unread\n'), 'IMPORT_COLUMNS', 'pocket-csv');
    await expectRefused(await writeTemp('x.csv', 'title,url,time_added\n'.replace('time_added', 'added')), 'IMPORT_UNKNOWN_FORMAT');
  });

  it('a CSV broken deep inside (an unterminated quote at row 5000) imports nothing', async () => {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 5000; i += 1) rows.push(`Row ${i},https://example.com/r/${i},1600000000,,unread`);
    rows.push('"Broken row,https://example.com/broken,1600000000,,unread');
    for (let i = 0; i < 10; i += 1) rows.push(`Tail ${i},https://example.com/t/${i},1600000000,,unread`);
    await expectRefused(await writeTemp('broken.csv', rows.join('\n')), 'IMPORT_MALFORMED');
  });

  it('files of the wrong kind: an image, an article page, a feed, plain text, an empty file', async () => {
    await expectRefused(join(CORPUS, 'pages/001/source.html'), 'IMPORT_UNKNOWN_FORMAT');
    await expectRefused(join(CORPUS, 'feeds/rss-parser/input/reddit.rss'), 'IMPORT_UNKNOWN_FORMAT');
    await expectRefused(join(CORPUS, 'seed/diplomasi-bayangan.txt'), 'IMPORT_UNKNOWN_FORMAT');
    await expectRefused(join(CORPUS, 'feeds/rsparser/DaringFireball.json'), 'IMPORT_UNKNOWN_FORMAT');
    await expectRefused(join(CORPUS, 'feeds/opml/rsparser/Subs.opml'), 'IMPORT_UNKNOWN_FORMAT');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await expectRefused(await writeTemp('pic.png', png), 'IMPORT_UNKNOWN_FORMAT');
    await expectRefused(await writeTemp('empty.csv', ''), 'EMPTY_INPUT');
    await expectRefused(join(SAMPLES, 'no-such-file.csv'), 'FILE_NOT_FOUND');
  });

  it('--from a format the file is not: IMPORT_UNKNOWN_FORMAT, nothing imported', async () => {
    await expectRefused(join(SAMPLES, 'wallabag-v2-read.json'), 'IMPORT_UNKNOWN_FORMAT', 'chrome-json');
    await expectRefused(join(SAMPLES, 'omnivore.json'), 'IMPORT_UNKNOWN_FORMAT', 'omnivore-zip');
  });

  it('entries with bad addresses fail one by one; the others come in', async () => {
    const csv = [
      'title,url,time_added,tags,status',
      'Fine,https://example.com/fine,1600000000,,unread',
      'Script,javascript:alert(document.cookie),1600000000,,unread',
      'Local,file:///home/user/.ssh/id_rsa,1600000000,,unread',
      'Data,"data:text/html,<script>alert(1)</script>",1600000000,,unread',
      'Nothing,,1600000000,,unread',
      'Words,not a url at all,1600000000,,unread',
    ].join('\n');
    const summary = await importLibraryFile(library, await writeTemp('mixed.csv', csv));
    expect(summary).toMatchObject({ entries: 6, imported: 1, failed: 5 });
    expect(summary.failures.map((f) => f.code)).toEqual(['URL_REFUSED', 'URL_REFUSED', 'URL_REFUSED', 'INVALID_URL', 'INVALID_URL']);
    expect(library.allMeta().every((m) => /^https?:/.test(m.url ?? ''))).toBe(true);
  });
});
