/** Shared data shapes of Kabar's core: blocks, article metadata and what an import produces. */

/** An inline run of text inside a paragraph, heading, quote or list item; links keep their absolute href. */
export interface Inline {
  text: string;
  href?: string;
  em?: boolean;
  strong?: boolean;
  code?: boolean;
}

/** The kinds of block an article body is made of. */
export type BlockType = 'heading' | 'paragraph' | 'quote' | 'list' | 'image' | 'caption' | 'code';

/**
 * One block of sanitized article content. `text` is always the plain text (for lists, the
 * items joined by "\n"), so search, translation and word counts never parse markup.
 */
export interface Block {
  type: BlockType;
  text: string;
  /** heading: 2..6 (the article title is level 1 and lives in metadata). */
  level?: number;
  /** Rich inline runs when the block has links or emphasis; absent means plain `text`. */
  inline?: Inline[];
  /** list: one entry per item (each a list of inline runs). */
  items?: Inline[][];
  ordered?: boolean;
  /** image: the absolute source URL it came from (http(s) or data:). */
  src?: string;
  /** image: file name inside `media/` once captured for offline reading. */
  media?: string;
  alt?: string;
  /** Text direction when it differs from the article's. */
  dir?: 'ltr' | 'rtl';
}

/** Where an article came from. */
export type ArticleSource = 'text' | 'html' | 'url' | 'feed';

/** What the import pipeline extracts from one source, before the store gives it an id and user state. */
export interface ExtractedArticle {
  title: string;
  section?: string;
  byline?: string;
  siteName?: string;
  place?: string;
  credit?: string;
  url?: string;
  /** BCP-47 primary language subtag detected from the text (e.g. 'id', 'ms', 'en'), or 'und'. */
  lang: string;
  /** Declared language from the page, kept for reference when it disagrees with detection. */
  declaredLang?: string;
  dir: 'ltr' | 'rtl';
  publishedAt?: string;
  excerpt: string;
  blocks: Block[];
  source: ArticleSource;
  feedId?: string;
}

/** Metadata of one stored article: everything but the body, kept in library.json. */
export interface ArticleMeta {
  id: string;
  title: string;
  section?: string;
  byline?: string;
  siteName?: string;
  place?: string;
  credit?: string;
  url?: string;
  lang: string;
  declaredLang?: string;
  dir: 'ltr' | 'rtl';
  publishedAt?: string;
  savedAt: string;
  wordCount: number;
  readingMinutes: number;
  excerpt: string;
  tags: string[];
  bookmarked: boolean;
  /** ISO time the article was marked read, or null when unread. */
  readAt: string | null;
  /** Reading progress, 0..1. */
  progress: number;
  source: ArticleSource;
  feedId?: string;
  /** Set when the article is in the trash; restorable until emptied. */
  deletedAt?: string | null;
}

/** A stored translation of an article's blocks into one language. */
export interface Translation {
  lang: string;
  title: string;
  blocks: Block[];
  engine: string;
  model?: string;
  createdAt: string;
}

/** The body of one article, stored in `articles/<id>.json` and read lazily. */
export interface ArticleBody {
  id: string;
  blocks: Block[];
  translations: Record<string, Translation>;
}

/** An article with its body, as `get` returns it. */
export interface Article extends ArticleMeta {
  blocks: Block[];
  translations: Record<string, Translation>;
}
