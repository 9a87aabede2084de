/**
 * wallabag's v2 JSON export: an array of entries as wallabag's serializer writes them (group
 * `entries_for_user` of its Entry entity: title, url, is_archived/is_starred as 0/1, HTML `content`,
 * ISO dates with a +hhmm offset, language, reading_time, domain_name, preview_picture, tags as
 * labels), so a wallabag or Readeck server, or Kabar itself, can import the library with its text.
 */
import type { Highlight } from '../highlights';
import type { Article, Block } from '../types';
import { blocksXhtml } from './xhtml';

/** One entry of a wallabag v2 export. */
export interface WallabagEntry {
  id: number;
  title: string;
  /** wallabag requires a URL; an article saved from a file has none (wallabag skips it, Kabar keeps it). */
  url: string | null;
  is_archived: 0 | 1;
  is_starred: 0 | 1;
  content: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string[] | null;
  archived_at: string | null;
  starred_at: string | null;
  annotations: WallabagAnnotation[];
  /** Not wallabag's: Kabar's reading progress 0..1 (wallabag and Readeck ignore fields they do not know). */
  reading_progress?: number;
  /** Not wallabag's: Kabar's note on the whole article (wallabag's importer reads only the keys it knows). */
  kabar_note?: string;
  mimetype: string;
  language: string | null;
  reading_time: number;
  domain_name: string | null;
  preview_picture: string | null;
  tags: string[];
}

/** One wallabag annotation (annotator.js shape): the highlighted quote and the note on it. */
export interface WallabagAnnotation {
  id: number;
  annotator_schema_version: 'v1.0';
  text: string;
  quote: string;
  created_at: string;
  updated_at: string;
  ranges: { start: string; startOffset: number; end: string; endOffset: number }[];
}

/** A time as wallabag's serializer writes it: `2016-09-08T11:55:58+0000` (no milliseconds, offset without colon). */
export function wallabagDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

function domainOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** The article's first web image, wallabag's preview picture. */
function previewPicture(blocks: Block[]): string | null {
  return blocks.find((b) => b.type === 'image' && b.src && /^https?:/i.test(b.src))?.src ?? null;
}

/** The article body as the HTML wallabag keeps in `content`: images point at their original web address. */
export function wallabagContent(article: Article): string {
  return blocksXhtml(article.blocks, { dir: article.dir, imageSrc: (b) => (b.src && /^(https?:|data:image\/)/i.test(b.src) ? b.src : undefined) });
}

/**
 * Highlights on the article's own text as wallabag annotations. Ones made on a translation are left
 * out: wallabag's content is the original, where their quote is not.
 */
export function wallabagAnnotations(highlights: Highlight[]): WallabagAnnotation[] {
  return highlights
    .filter((h) => h.lang === undefined)
    .map((h, i) => ({
      id: i + 1,
      annotator_schema_version: 'v1.0',
      text: h.note ?? '',
      quote: h.quote.exact,
      created_at: wallabagDate(h.createdAt) ?? '',
      updated_at: wallabagDate(h.updatedAt) ?? wallabagDate(h.createdAt) ?? '',
      // The block and offsets Kabar placed it at (wallabag's ranges are XPaths into its content; a reader re-finds by quote).
      ranges: h.anchor ? [{ start: `/p[${h.anchor.block + 1}]`, startOffset: h.anchor.start, end: `/p[${(h.anchor.endBlock ?? h.anchor.block) + 1}]`, endOffset: h.anchor.end }] : [],
    }));
}

/** One article as a wallabag v2 entry; `id` is its position in the file (wallabag ids are numbers). */
export function toWallabagEntry(article: Article, id: number, highlights: Highlight[] = [], note?: string): WallabagEntry {
  const saved = wallabagDate(article.savedAt) as string;
  return {
    id,
    title: article.title,
    url: article.url ?? null,
    is_archived: article.readAt ? 1 : 0,
    is_starred: article.bookmarked ? 1 : 0,
    content: wallabagContent(article),
    created_at: saved,
    updated_at: wallabagDate(article.readAt) ?? saved,
    published_at: wallabagDate(article.publishedAt),
    published_by: article.byline ? [article.byline] : null,
    archived_at: wallabagDate(article.readAt),
    starred_at: null,
    annotations: wallabagAnnotations(highlights),
    mimetype: 'text/html',
    language: article.lang && article.lang !== 'und' ? article.lang : null,
    reading_time: article.readingMinutes,
    domain_name: domainOf(article.url),
    preview_picture: previewPicture(article.blocks),
    tags: [...article.tags],
    ...(article.progress > 0 ? { reading_progress: article.progress } : {}),
    ...(note ? { kabar_note: note } : {}),
  };
}
