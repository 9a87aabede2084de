/**
 * wallabag's v2 JSON export: an array of entries as wallabag's serializer writes them (group
 * `entries_for_user` of its Entry entity: title, url, is_archived/is_starred as 0/1, HTML `content`,
 * ISO dates with a +hhmm offset, language, reading_time, domain_name, preview_picture, tags as
 * labels), so a wallabag or Readeck server, or Kabar itself, can import the library with its text.
 */
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
  annotations: unknown[];
  mimetype: string;
  language: string | null;
  reading_time: number;
  domain_name: string | null;
  preview_picture: string | null;
  tags: string[];
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

/** One article as a wallabag v2 entry; `id` is its position in the file (wallabag ids are numbers). */
export function toWallabagEntry(article: Article, id: number): WallabagEntry {
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
    annotations: [],
    mimetype: 'text/html',
    language: article.lang && article.lang !== 'und' ? article.lang : null,
    reading_time: article.readingMinutes,
    domain_name: domainOf(article.url),
    preview_picture: previewPicture(article.blocks),
    tags: [...article.tags],
  };
}
