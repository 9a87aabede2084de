/**
 * EPUB 3 books from articles: a cover page, a table of contents, one chapter per article in its own
 * language (dc:language for each), the article images embedded from media/, right-to-left page
 * progression when the book's main language is written right to left, and optionally each
 * paragraph followed by its stored translation (a bilingual book, made offline).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../errors';
import type { Library } from '../store';
import type { Article, ArticleMeta } from '../types';
import { bookLang, chapterXhtml, dirOfLang, pickTranslation } from './epub-chapter';
import { CONTAINER_XML, coverXhtml, navXhtml, packageOpf, STYLE_CSS, type BookMeta, type ChapterRef, type ImageRef } from './epub-xml';
import { ZipFile } from './zip-file';

/** Strings the book's own pages show (the app passes them in the interface language). */
export interface EpubLabels {
  /** Heading of the table of contents. */
  contents: string;
  /** The line under the title on the cover, e.g. "12 articles". */
  subtitle: string;
}

/** How a book is made. */
export interface EpubOptions {
  /** The book's title; default: the article's title for one article, else "Kabar". */
  title?: string;
  /** Put each paragraph's translation after it: true picks one per article, a language code asks for that one. */
  bilingual?: boolean | string;
  /** The translation a bilingual book prefers when an article has several (the translate-to setting). */
  preferredLang?: string;
  labels?: Partial<EpubLabels>;
  /** The book's date and every file's time (the same inputs then give the same bytes). */
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /** Reads an article; undefined leaves it out (a damaged file). Default: library.get. */
  read?: (id: string) => Promise<Article | undefined>;
}

/** What went into a book. */
export interface EpubResult {
  articles: number;
  images: number;
  /** Articles shown with a translation (bilingual books). */
  translated: number;
  bytes: number;
}

/** What a media file name looks like (storeMedia's sha256 names); anything else is not read. */
const MEDIA_NAME = /^[a-f0-9]{64}\.[a-z0-9]{2,5}$/;

/** The image types every EPUB 3 reading system shows (core media types), told by their first bytes, not their name. */
function sniffImage(bytes: Uint8Array): { mediaType: string; ext: string } | undefined {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { mediaType: 'image/png', ext: 'png' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mediaType: 'image/jpeg', ext: 'jpg' };
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return { mediaType: 'image/gif', ext: 'gif' };
  return undefined;
}

/** A urn:uuid (RFC 4122 version 5 layout) derived from the book's content, so the same selection keeps its identifier. */
function bookIdentifier(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Languages by how many articles use them, most first (ties: the first article's first). */
function languagesOf(metas: ArticleMeta[]): string[] {
  const counts = new Map<string, number>();
  for (const m of metas) counts.set(bookLang(m.lang), (counts.get(bookLang(m.lang)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
}

/** Copies an article's images into the book once each; returns media name → book path (undefined: left out). */
class BookImages {
  readonly refs: ImageRef[] = [];
  private readonly byMedia = new Map<string, string | undefined>();

  constructor(
    private readonly zip: ZipFile,
    private readonly mediaDir: string,
  ) {}

  async addFrom(article: Article): Promise<void> {
    for (const block of article.blocks) {
      const name = block.type === 'image' ? block.media : undefined;
      if (!name || this.byMedia.has(name)) continue;
      this.byMedia.set(name, await this.embed(name));
    }
  }

  href(name: string): string | undefined {
    const path = this.byMedia.get(name);
    return path ? `../${path}` : undefined;
  }

  private async embed(name: string): Promise<string | undefined> {
    // A name with ../ would read outside media/: only content-addressed names are read.
    if (!MEDIA_NAME.test(name)) return undefined;
    const bytes = await readFile(join(this.mediaDir, name)).catch(() => undefined);
    const kind = bytes && sniffImage(bytes);
    if (!bytes || !kind) return undefined;
    const path = `images/${name.slice(0, 64)}.${kind.ext}`;
    // The same bytes stored under two extensions are one file in the book.
    if (this.refs.some((r) => r.href === path)) return path;
    // Already-compressed image formats are stored, not deflated again.
    await this.zip.add(`OEBPS/${path}`, bytes, true);
    this.refs.push({ id: `img-${name.slice(0, 64)}`, href: path, mediaType: kind.mediaType });
    return path;
  }
}

/** Writes the articles (in order) as one EPUB 3 book at `out`, replacing it only once the book is complete. */
export async function writeEpub(library: Library, metas: ArticleMeta[], out: string, options: EpubOptions): Promise<EpubResult> {
  const zip = await ZipFile.create(out, options.now);
  try {
    await zip.add('mimetype', new TextEncoder().encode('application/epub+zip'), true);
    await zip.add('META-INF/container.xml', new TextEncoder().encode(CONTAINER_XML));
    await zip.add('OEBPS/style.css', new TextEncoder().encode(STYLE_CSS));
    const images = new BookImages(zip, library.mediaDir);
    const chapters: ChapterRef[] = [];
    const languages = languagesOf(metas);
    let translated = 0;
    const width = Math.max(3, String(metas.length).length);
    const read = options.read ?? ((id: string) => library.get(id));
    for (const [i, meta] of metas.entries()) {
      const article = await read(meta.id);
      options.onProgress?.(i + 1, metas.length);
      if (!article) continue;
      await images.addFrom(article);
      const asked = typeof options.bilingual === 'string' ? options.bilingual : undefined;
      const translation = options.bilingual ? pickTranslation(article, asked, options.preferredLang) : undefined;
      if (translation) {
        translated++;
        if (!languages.includes(bookLang(translation.lang))) languages.push(bookLang(translation.lang));
      }
      const n = String(chapters.length + 1).padStart(width, '0');
      const ref: ChapterRef = { id: `a${n}`, href: `text/${n}.xhtml`, title: article.title, lang: bookLang(article.lang), dir: article.dir };
      await zip.add(`OEBPS/${ref.href}`, new TextEncoder().encode(chapterXhtml(article, (m) => images.href(m), translation)));
      chapters.push(ref);
    }
    if (chapters.length === 0) throw new KabarError('NOTHING_TO_EXPORT', 'Every article chosen is damaged on disk: there is nothing to put in the book.', { reason: 'damaged' });
    const book = bookMeta(metas, languages, options);
    await zip.add('OEBPS/cover.xhtml', new TextEncoder().encode(coverXhtml(book)));
    await zip.add('OEBPS/nav.xhtml', new TextEncoder().encode(navXhtml(book, chapters)));
    await zip.add('OEBPS/content.opf', new TextEncoder().encode(packageOpf(book, chapters, images.refs)));
    const bytes = await zip.commit();
    return { articles: chapters.length, images: images.refs.length, translated, bytes };
  } catch (error) {
    await zip.abort();
    throw error;
  }
}

function bookMeta(metas: ArticleMeta[], languages: string[], options: EpubOptions): BookMeta {
  const single = metas.length === 1 ? metas[0] : undefined;
  const title = options.title?.trim() || single?.title || 'Kabar';
  const main = languages[0] ?? 'und';
  const description = single ? single.excerpt : metas.map((m) => m.title).join(' · ');
  return {
    identifier: bookIdentifier(`${metas.map((m) => m.id).join(',')}|${String(options.bilingual ?? '')}`),
    title,
    languages,
    dir: dirOfLang(main),
    modified: options.now,
    description: [...description].slice(0, 1000).join(''),
    creator: single ? (single.byline ?? single.siteName) : undefined,
    source: single?.url,
    subjects: [...new Set(metas.flatMap((m) => m.tags))],
    labels: {
      contents: options.labels?.contents ?? 'Contents',
      subtitle: options.labels?.subtitle ?? (metas.length === 1 ? single?.siteName ?? '1 article' : `${metas.length} articles`),
    },
  };
}
