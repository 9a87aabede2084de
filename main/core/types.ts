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
  /**
   * image: not saved yet — the capture ran out of time or found no network. `fetchPendingImages`
   * (`kabar fetch-images`) fetches it later; an image that can never be saved (404, not an image) is not pending.
   */
  pending?: boolean;
  alt?: string;
  /** Text direction when it differs from the article's. */
  dir?: 'ltr' | 'rtl';
  /**
   * Only in a stored translation: this block could not be translated (the reason, in English);
   * it holds the original text so the translated view stays complete.
   */
  failed?: string;
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
  /** Titles of the stored translations, by language (set when a translation is saved). */
  translatedTitles?: Record<string, string>;
  /** How many of its images are not saved yet (Block.pending); absent when none. */
  imagesPending?: number;
  /** Set on a link entry (imported from another app with only its address): its page is not fetched yet. */
  link?: LinkState;
  /** How many highlights the article file holds (detached ones included); absent means none. */
  highlights?: number;
  /** Opaque revision of the article's highlights and notes, new at every change (the highlight catalog's freshness check). */
  marksRev?: string;
}

/** Where a link entry's page fetch stands: waiting in the queue, or failed with the reason (kept beside the link). */
export interface LinkState {
  state: 'waiting' | 'failed';
  /** Error code of the last failure (errors.<code> in the locales). */
  code?: string;
  /** The last failure in English, for logs and the CLI. */
  reason?: string;
  /** Fetch attempts made so far. */
  attempts?: number;
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
  /** Languages whose stored translation is damaged (left out of `translations`, kept on disk); translate again to replace it. */
  damagedTranslations?: string[];
}

/** How the article list is filtered, sorted and paged. */
export interface ListQuery {
  /** Articles must carry every one of these tags. */
  tags?: string[];
  bookmarked?: boolean;
  unread?: boolean;
  lang?: string;
  feedId?: string;
  /** Articles of any of these feeds (a folder of the sidebar). */
  feedIds?: string[];
  /** List the trash instead of the library. */
  trash?: boolean;
  /** A query in the search syntax the articles must match too (a smart view). */
  query?: string;
  sort?: 'savedAt' | 'publishedAt';
  order?: 'desc' | 'asc';
  offset?: number;
  limit?: number;
}

/** One page of the article list. */
export interface ListPage {
  items: ArticleMeta[];
  total: number;
  offset: number;
}

/** A tag and how many live articles carry it. */
export interface TagCount {
  name: string;
  count: number;
}

/** Counts for the sidebar. */
export interface LibraryCounts {
  all: number;
  unread: number;
  bookmarked: number;
  trash: number;
  tags: TagCount[];
  langs: { lang: string; count: number }[];
}

/** A piece of a snippet: plain text or a highlighted match. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One search result: the article and where it matched. */
export interface SearchHit {
  id: string;
  score: number;
  meta: ArticleMeta;
  title: SnippetPart[];
  snippet: SnippetPart[];
  /** Set when the words matched only in a stored translation: the snippet is from the translation into this language. */
  snippetLang?: string;
}

/** The outcome of importing one source. */
export type ImportItemResult =
  | { source: string; ok: true; id: string; title: string; created: boolean }
  | { source: string; ok: false; error: UserError };

/** What an import of several sources did, item by item. */
export interface ImportSummary {
  results: ImportItemResult[];
  imported: number;
  duplicates: number;
  failed: number;
}

/** A dropped or pasted file handed over by content (the sandboxed renderer has no paths). */
export interface DroppedFile {
  name: string;
  data: Uint8Array;
}

/** An error as it crosses the bridge: a code the interface translates, parameters, English text. */
export interface UserError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Reader and interface preferences. */
/** Feed settings (issue 4). */
export interface FeedSettings {
  /** Minutes between automatic refreshes (also one on start); 0 refreshes only by hand. */
  refreshMinutes: number;
  /** Keep feed articles this many days unless a feed says otherwise (bookmarked and tagged ones forever); null keeps everything. */
  keepDays: number | null;
}

/** How the reader shows an article that has a translation. */
export type ReadingMode = 'original' | 'translated' | 'bilingual';

/** Which engine translates a pair: 'auto' is the best installed one. */
export type EngineChoice = 'auto' | 'apertium' | 'bergamot';

/** Translation settings (issue 5). */
export interface TranslationSettings {
  /** Language articles are translated into; null follows the interface language. */
  translateTo: string | null;
  /** Source languages translated as soon as an article is opened. */
  alwaysTranslateFrom: string[];
  /** Source languages for which Kabar never suggests a translation. */
  neverTranslateFrom: string[];
  /** Engine per pair, keyed "from-to" (e.g. "id-ms"); a missing pair means 'auto'. */
  translationEngines: Record<string, EngineChoice>;
  /** Where language packs are downloaded from (a Kabar or Bergamot registry); '' when unset. */
  packRegistryUrl: string;
  /** The view an article with a translation opens in. */
  readingMode: ReadingMode;
}

/** Every user setting, stored in library.json. */
export interface Settings extends FeedSettings, TranslationSettings {
  /** Interface language; null follows the OS. */
  locale: string | null;
  theme: 'system' | 'light' | 'dark' | 'sepia';
  fontSize: number;
  fontFamily: 'serif' | 'sans';
  sort: 'savedAt' | 'publishedAt';
}

/** What happened when a damaged library.json was found on open. */
export interface RecoveryReport {
  /** Where the damaged file was moved (it is never overwritten); null when it was missing. */
  movedAsideTo: string | null;
  /** The backup restored, or null when the library was rebuilt from article files alone. */
  restoredFrom: string | null;
  /** Articles found in article files but missing from the restored metadata, re-added. */
  articlesRecovered: number;
  /** Translatable summary code and English text for the user. */
  message: string;
  /** What was damaged: library.json (default) or lines of the change journal (skipped, file kept). */
  cause?: 'library' | 'journal';
}

/** A feed an HTML page links to (`<link rel="alternate">`), offered when subscribing to a site. */
export interface DiscoveredFeed {
  url: string;
  title?: string;
  type: string;
}

/** Where one feed of a refresh stands. */
export type FeedState = 'queued' | 'fetching' | 'ok' | 'not-modified' | 'error' | 'skipped' | 'cancelled';

/** The refresh under way (or the last one): n of m feeds, new articles, each feed's state. */
export interface RefreshStatus {
  running: boolean;
  done: number;
  total: number;
  /** New articles so far. */
  added: number;
  /** Each feed of the refresh and what is happening to it. */
  states: Record<string, FeedState>;
}

/** One entry of another app's export that could not be imported, with why (issue 12). */
export interface EntryFailure {
  /** The entry's title, or its address. */
  label: string;
  url: string;
  code: string;
  message: string;
}

/** What an import from another app did: the figures its summary shows (issue 12). */
export interface MigrateSummary {
  /** The format recognised (or forced), e.g. 'pocket-csv'. */
  format: string;
  /** Entries read from the file so far. */
  entries: number;
  /** Entries the file has ("n of m"). */
  total: number;
  imported: number;
  /** Already in the library (or twice in the file): nothing added, tags and state merged. */
  alreadyThere: number;
  /** Link entries saved by this import that wait for their page. */
  linksWaiting: number;
  /** Entries that came with their content and are readable now. */
  withContent: number;
  highlights: number;
  failed: number;
  /** The first failures (up to 500), each with its reason. */
  failures: EntryFailure[];
}

/** Where the background fetch of link entries stands: "n of m", and why it waits if it does (issue 12). */
export interface FetchStatus {
  /** Links this run started with. */
  total: number;
  /** Links finished this run: fetched or failed for good. */
  done: number;
  fetched: number;
  failed: number;
  /** Links still waiting for their page. */
  waiting: number;
  paused: boolean;
  offline: boolean;
  /** Failures of this run, each with its reason. */
  failures: { id: string; url: string; title: string; code: string; message: string }[];
}

/** One of the formats a library export writes (LIBRARY_FORMATS in the export module). */
export type LibraryFormat = 'netscape' | 'pocket-csv' | 'wallabag-json' | 'epub';

/** What an export wrote. */
export interface LibraryExportResult {
  format: LibraryFormat;
  path: string;
  /** Articles written. */
  articles: number;
  /** Articles in scope that this format cannot hold (bookmarks and Pocket need a web address). */
  skipped: number;
  /** EPUB: images embedded. */
  images: number;
  /** EPUB: articles shown with their translation. */
  translated: number;
  /** Articles left out because their text is damaged on disk (import them again to repair them). */
  damaged: string[];
  bytes: number;
}

/** What a fetch of pending images did. */
export interface FetchImagesSummary {
  /** Articles that had images not saved yet. */
  articles: number;
  /** Images saved now. */
  saved: number;
  /** Images that can never be saved (gone, not an image): no longer pending. */
  gone: number;
  /** Images still not saved (still offline, or too slow): a later fetch tries again. */
  stillPending: number;
}
