/**
 * EPUB 3 books (issue 12), each validated by Debian's epubcheck with 0 errors and 0 warnings: the
 * Arabic article (right-to-left), a tag with the Indonesian seed and an article with real images
 * (made with `kabar export-library`), and a bilingual book from a real Apertium translation.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { exportLibrary } from '../../../main/core/export';
import { Translator, translateArticle } from '../../../main/core/translate';
import { buildFixture, type Fixture } from './fixture';
import { epubcheck, epubcheckMissing, type EpubcheckVerdict } from './epubcheck';

let fx: Fixture;
let dir: string;
const missing = epubcheckMissing();
if (missing) console.log(`SKIPPED epubcheck verdicts: ${missing}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kabar-epub-'));
  fx = await buildFixture(dir);
}, 120_000);

afterAll(async () => {
  await fx?.close();
  await rm(dir, { recursive: true, force: true });
});

function files(book: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(book))) out[name] = /\.(xhtml|opf|xml|css)$|^mimetype$/.test(name) ? strFromU8(data) : `<${data.length} bytes>`;
  return out;
}

/** The ZIP rules EPUB adds: `mimetype` is the first entry, stored (method 0), with no extra field, its text right after its name. */
function expectMimetypeFirst(book: Buffer): void {
  expect(book.readUInt32LE(0)).toBe(0x04034b50);
  expect(book.readUInt16LE(8)).toBe(0);
  expect(book.readUInt16LE(26)).toBe(8);
  expect(book.readUInt16LE(28)).toBe(0);
  expect(book.subarray(30, 58).toString('latin1')).toBe('mimetypeapplication/epub+zip');
}

async function expectValid(book: string): Promise<void> {
  if (missing) return;
  const verdict: EpubcheckVerdict = await epubcheck(book);
  expect(verdict.messages, verdict.output).toEqual([]);
  expect([verdict.fatals, verdict.errors, verdict.warnings]).toEqual([0, 0, 0]);
}

describe('EPUB books checked by epubcheck', () => {
  it('the Arabic article: right-to-left page progression, dc:language ar, an Arabic chapter', async () => {
    const out = join(dir, 'arabic.epub');
    const result = await exportLibrary(fx.library, { format: 'epub', out, ids: [fx.arabic], now: new Date('2026-12-01T10:00:00Z') });
    expect(result).toMatchObject({ articles: 1, images: 0 });
    const book = await readFile(out);
    expectMimetypeFirst(book);
    const f = files(book);
    const opf = f['OEBPS/content.opf'] as string;
    expect(opf).toContain('<spine page-progression-direction="rtl">');
    expect([...opf.matchAll(/<dc:language>([^<]+)</g)].map((m) => m[1])).toEqual(['ar']);
    expect(opf).toContain(`<dc:title>${fx.library.meta(fx.arabic).title}</dc:title>`);
    expect(opf).toContain('<meta property="dcterms:modified">2026-12-01T10:00:00Z</meta>');
    expect(f['OEBPS/text/001.xhtml']).toContain('lang="ar" xml:lang="ar" dir="rtl"');
    expect(f['OEBPS/text/001.xhtml']).toContain('معارضون يسيطرون على مخازن للصواريخ');
    expect(f['OEBPS/cover.xhtml']).toContain('epub:type="cover"');
    // The same selection gives the same book, byte for byte.
    await exportLibrary(fx.library, { format: 'epub', out: join(dir, 'again.epub'), ids: [fx.arabic], now: new Date('2026-12-01T10:00:00Z') });
    expect((await readFile(join(dir, 'again.epub'))).equals(book)).toBe(true);
    await expectValid(out);
  }, 400_000);

  it('a tag as one book from the command line: the Indonesian seed, images embedded, a language per article, a table of contents', async () => {
    const out = join(dir, 'news.epub');
    let printed = '';
    const code = await runCli(['--data', join(dir, 'library'), '--json', 'export-library', '--format', 'epub', '--tag', 'news', '--out', out, '--title', 'Berita'], {
      stdout: (t) => (printed += t),
      stderr: (t) => (printed += t),
      env: {},
      cwd: dir,
    });
    // The fixture holds the library open for writing; export-library only reads, so it runs beside it.
    expect(code, printed).toBe(0);
    expect(JSON.parse(printed)).toMatchObject({ format: 'epub', articles: 4, images: 4 });
    const f = files(await readFile(out));
    const opf = f['OEBPS/content.opf'] as string;
    // Most used first; a tie keeps the book's order (newest first: the Arabic page was saved after the seed).
    expect([...opf.matchAll(/<dc:language>([^<]+)</g)].map((m) => m[1])).toEqual(['en', 'ar', 'id']);
    expect(opf).not.toContain('page-progression-direction');
    expect(opf).toContain('<dc:title>Berita</dc:title>');
    expect(opf.match(/media-type="image\/(png|jpeg|gif)"/g)).toHaveLength(4);
    const nav = f['OEBPS/nav.xhtml'] as string;
    expect(nav.match(/<li lang=/g)).toHaveLength(4);
    const chapters = Object.keys(f).filter((n) => n.startsWith('OEBPS/text/'));
    expect(chapters).toHaveLength(4);
    const seedChapter = chapters.map((n) => f[n] as string).find((x) => x.includes('Semarang')) as string;
    expect(seedChapter).toContain('lang="id" xml:lang="id"');
    const photoChapter = chapters.map((n) => f[n] as string).find((x) => x.includes('Ferries in pictures')) as string;
    expect(photoChapter.match(/<figure><img src="\.\.\/images\/[a-f0-9]{64}\.(png|jpg|gif)" alt="Picture \d"\/><figcaption>Caption \d &amp; more<\/figcaption><\/figure>/g)).toHaveLength(4);
    await expectValid(out);
  }, 400_000);

  it('a bilingual book from a real Apertium translation: each paragraph followed by its Malay translation', async (ctx) => {
    const translator = new Translator({ dataDir: join(dir, 'library') });
    try {
      await translateArticle(fx.library, fx.seed, 'ms', { engine: 'apertium', translator });
    } catch (error) {
      console.log(`SKIPPED bilingual EPUB: Apertium ind-zlm is not available (${(error as Error).message}); apt-get install apertium apertium-ind-zlm`);
      ctx.skip();
    } finally {
      await translator.close();
    }
    const out = join(dir, 'bilingual.epub');
    const result = await exportLibrary(fx.library, { format: 'epub', out, ids: [fx.seed], bilingual: true });
    expect(result).toMatchObject({ articles: 1, translated: 1 });
    const f = files(await readFile(out));
    const chapter = f['OEBPS/text/001.xhtml'] as string;
    const translation = (await fx.library.get(fx.seed)).translations.ms;
    const originals = (await fx.library.get(fx.seed)).blocks.filter((b) => b.type === 'paragraph');
    // Every paragraph, then its translation marked as Malay.
    const pairs = [...chapter.matchAll(/<p>([^<]*)<\/p>\n<p class="translation" lang="ms" xml:lang="ms" dir="ltr">([^<]*)<\/p>/g)];
    expect(pairs.length).toBeGreaterThanOrEqual(originals.length - 1);
    expect(pairs.some((p) => p[2] !== p[1])).toBe(true);
    expect(chapter).toContain(`class="translation" lang="ms" xml:lang="ms" dir="ltr">${translation?.title}`);
    expect([...(f['OEBPS/content.opf'] as string).matchAll(/<dc:language>([^<]+)</g)].map((m) => m[1])).toEqual(['id', 'ms']);
    await expectValid(out);
  }, 400_000);

  it('a search result as one book', async () => {
    const out = join(dir, 'search.epub');
    const result = await exportLibrary(fx.library, { format: 'epub', out, search: 'ferries' });
    expect(result.articles).toBeGreaterThanOrEqual(1);
    const nav = files(await readFile(out))['OEBPS/nav.xhtml'] as string;
    expect(nav).toContain('Ferries in pictures');
    expect(nav).not.toContain('Semarang');
  });
});
