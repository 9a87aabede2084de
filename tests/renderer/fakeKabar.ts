/**
 * An in-memory `window.kabar` for renderer component tests: every method answers with a
 * `Wire` like the preload bridge does. Component-logic tests only; the e2e tier uses the real handlers.
 */
import { DEFAULT_SETTINGS } from '../../main/core/store/defaults';
import type { Api } from '../../preload/index';
import type {
  AppInfo,
  Article,
  ArticleMeta,
  EnginesInfo,
  EventChannel,
  Events,
  FeedList,
  ListQuery,
  SearchHit,
  Settings,
  Translation,
  UserError,
  Wire,
} from '../../preload/contract';

/** A deferred answer a test resolves by hand (for ordering and stale-response tests). */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

/** Makes a Deferred. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A made-up article's metadata. */
export function makeMeta(i: number, over: Partial<ArticleMeta> = {}): ArticleMeta {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    id: `a${String(i).padStart(5, '0')}`,
    title: `Article ${i}`,
    siteName: 'Example News',
    lang: 'en',
    dir: 'ltr',
    savedAt: `2026-01-${day}T10:00:00.000Z`,
    wordCount: 800,
    readingMinutes: 4,
    excerpt: `Excerpt ${i}`,
    tags: [],
    bookmarked: false,
    readAt: null,
    progress: 0,
    source: 'html',
    ...over,
  };
}

const ok = <T>(value: T): Wire<T> => ({ ok: true, value });

/** The fake bridge plus handles tests use to inspect and steer it. */
export class FakeKabar {
  articles: ArticleMeta[] = [];
  bodies = new Map<string, Article['blocks']>();
  settings: Settings = { ...DEFAULT_SETTINGS };
  /** Stored translations per article id. */
  translations = new Map<string, Record<string, Translation>>();
  /** How translateArticle answers (a test sets it; unset: no engine can translate). */
  translateWith: ((id: string, to: string) => Promise<Translation>) | null = null;
  /** What translationEngines answers. */
  engines: EnginesInfo = { engines: [], packs: [] };
  /** What `listFeeds` answers (tests fill it in). */
  feedList: FeedList = { feeds: [], folders: {}, refresh: { running: false, done: 0, total: 0, added: 0, states: {} } };
  info: AppInfo = { version: '0.0.0-test', dataDir: '/tmp/kabar-test', systemLocale: 'en-US', mediaBase: 'media://', recovery: null };
  calls: { method: string; args: unknown[] }[] = [];
  listeners = new Map<string, Set<(payload: unknown) => void>>();
  /** Overrides search: a test may answer each query itself. */
  search: ((query: string) => Promise<SearchHit[]>) | null = null;
  /** Makes the next call to a method fail with this error. */
  failNext = new Map<string, UserError>();

  constructor(count = 0) {
    for (let i = 0; i < count; i++) this.articles.push(makeMeta(i));
  }

  private async answer<T>(method: string, args: unknown[], run: () => T | Promise<T>): Promise<Wire<T>> {
    this.calls.push({ method, args });
    const failure = this.failNext.get(method);
    if (failure) {
      this.failNext.delete(method);
      return { ok: false, error: failure };
    }
    try {
      return ok(await run());
    } catch (error) {
      // A thrown error with a code answers like the real handlers: a Wire error.
      const e = error as Error & { code?: string; params?: Record<string, string | number> };
      if (!e.code) throw error;
      return { ok: false, error: { code: e.code, message: e.message, params: e.params } };
    }
  }

  /** Calls made to one method. */
  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** Sends a main → renderer event. */
  emit<E extends EventChannel>(event: E, payload: Events[E]): void {
    this.listeners.get(event)?.forEach((cb) => cb(payload));
  }

  private find(id: string): ArticleMeta {
    const meta = this.articles.find((a) => a.id === id);
    if (!meta) throw new Error(`no ${id}`);
    return meta;
  }

  private update(id: string, patch: Partial<ArticleMeta>): ArticleMeta {
    const meta = this.find(id);
    Object.assign(meta, patch);
    return { ...meta };
  }

  private list(q: ListQuery) {
    const rows = this.articles.filter(
      (a) =>
        Boolean(a.deletedAt) === Boolean(q.trash) &&
        (!q.unread || !a.readAt) &&
        (!q.bookmarked || a.bookmarked) &&
        (!q.lang || a.lang === q.lang) &&
        (!q.feedIds || q.feedIds.includes(a.feedId ?? '')) &&
        (!q.tags || q.tags.every((t) => a.tags.includes(t))),
    );
    const offset = q.offset ?? 0;
    return { items: rows.slice(offset, offset + (q.limit ?? 50)).map((m) => ({ ...m })), total: rows.length, offset };
  }

  private feedOf(id: string, patch: Partial<FeedList['feeds'][number]>): FeedList['feeds'][number] {
    const feed = this.feedList.feeds.find((f) => f.id === id);
    if (!feed) throw new Error(`no feed ${id}`);
    Object.assign(feed, patch);
    return { ...feed };
  }

  /** The object installed as window.kabar. */
  api(): Api {
    const a = <T>(method: string, args: unknown[], run: () => T | Promise<T>) => this.answer(method, args, run);
    const live = () => this.articles.filter((m) => !m.deletedAt);
    const api: Api = {
      appInfo: () => a('appInfo', [], () => this.info),
      listArticles: (q) => a('listArticles', [q], () => this.list(q)),
      counts: () =>
        a('counts', [], () => {
          const tags = new Map<string, number>();
          for (const m of live()) for (const t of m.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
          const langs = new Map<string, number>();
          for (const m of live()) langs.set(m.lang, (langs.get(m.lang) ?? 0) + 1);
          return {
            all: live().length,
            unread: live().filter((m) => !m.readAt).length,
            bookmarked: live().filter((m) => m.bookmarked).length,
            trash: this.articles.length - live().length,
            tags: [...tags].map(([name, count]) => ({ name, count })),
            langs: [...langs].map(([lang, count]) => ({ lang, count })),
          };
        }),
      getArticle: (id) => a('getArticle', [id], () => ({ ...this.find(id), blocks: this.bodies.get(id) ?? [{ type: 'paragraph', text: `Body of ${id}` }], translations: this.translations.get(id) ?? {} })),
      deleteArticle: (id) => a('deleteArticle', [id], () => void this.update(id, { deletedAt: '2026-01-01T00:00:00Z' })),
      restoreArticle: (id) => a('restoreArticle', [id], () => void this.update(id, { deletedAt: null })),
      setBookmarked: (id, on) => a('setBookmarked', [id, on], () => this.update(id, { bookmarked: on })),
      setRead: (id, read) => a('setRead', [id, read], () => this.update(id, { readAt: read ? '2026-02-01T00:00:00Z' : null })),
      setProgress: (id, p) => a('setProgress', [id, p], () => void this.update(id, { progress: p })),
      addTags: (id, tags) => a('addTags', [id, tags], () => this.update(id, { tags: [...this.find(id).tags, ...tags] })),
      removeTags: (id, tags) => a('removeTags', [id, tags], () => this.update(id, { tags: this.find(id).tags.filter((t) => !tags.includes(t)) })),
      renameTag: (from, to) => a('renameTag', [from, to], () => undefined),
      mergeTags: (from, to) => a('mergeTags', [from, to], () => undefined),
      listTags: () => a('listTags', [], () => []),
      searchArticles: (query, limit) => a('searchArticles', [query, limit], () => (this.search ? this.search(query) : [])),
      importUrls: (urls, tags) => a('importUrls', [urls, tags], () => ({ results: [], imported: 0, duplicates: 0, failed: 0 })),
      importPaths: (paths, tags) => a('importPaths', [paths, tags], () => ({ results: [], imported: 0, duplicates: 0, failed: 0 })),
      prepareImport: () => a('prepareImport', [], () => undefined),
      importFiles: (files, tags) => a('importFiles', [files, tags], () => ({ results: [], imported: 0, duplicates: 0, failed: 0 })),
      getSettings: () => a('getSettings', [], () => ({ ...this.settings })),
      setSettings: (patch) => a('setSettings', [patch], () => (this.settings = { ...this.settings, ...patch })),
      openExternal: (url) => a('openExternal', [url], () => undefined),
      chooseFiles: (strings) => a('chooseFiles', [strings], () => []),
      setMenuStrings: (strings) => a('setMenuStrings', [strings], () => undefined),
      translationEngines: () => a('translationEngines', [], () => this.engines),
      translateArticle: (id, to, engine) =>
        a('translateArticle', [id, to, engine], async () => {
          if (!this.translateWith) throw Object.assign(new Error('no engine'), { code: 'TRANSLATION_UNAVAILABLE', params: { from: 'id', to, pack: `id-${to}` } });
          const translation = await this.translateWith(id, to);
          this.translations.set(id, { ...this.translations.get(id), [to]: translation });
          return translation;
        }),
      cancelTranslation: (id) => a('cancelTranslation', [id], () => false),
      setSourceLang: (id, lang) => a('setSourceLang', [id, lang], () => this.update(id, { lang })),
      installPackFromFolder: (strings) => a('installPackFromFolder', [strings], () => null),
      installPackFromUrl: (url, packId) =>
        a('installPackFromUrl', [url, packId], (): never => {
          throw new Error('not in the fake');
        }),
      removePack: (packId) => a('removePack', [packId], () => undefined),
      listFeeds: () => a('listFeeds', [], () => structuredClone(this.feedList)),
      subscribeFeed: (url, folder) => a('subscribeFeed', [url, folder], () => ({ kind: 'choose' as const, candidates: [] })),
      refreshFeeds: (ids) => a('refreshFeeds', [ids], () => this.feedList.refresh),
      cancelFeedRefresh: () => a('cancelFeedRefresh', [], () => undefined),
      renameFeed: (id, title) => a('renameFeed', [id, title], () => this.feedOf(id, { title })),
      setFeedFolder: (id, folder) => a('setFeedFolder', [id, folder], () => this.feedOf(id, { folder })),
      renameFeedFolder: (from, to) => a('renameFeedFolder', [from, to], () => 0),
      setFeedOptions: (id, options) => a('setFeedOptions', [id, options], () => this.feedOf(id, options)),
      removeFeed: (id) => a('removeFeed', [id], () => ({ trashed: 0, kept: 0 })),
      markFeedsRead: (scope) => a('markFeedsRead', [scope], () => 0),
      importOpml: (strings) => a('importOpml', [strings], () => null),
      exportOpml: (strings) => a('exportOpml', [strings], () => null),
      pathForFile: () => '',
      on: (event, callback) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(callback as (payload: unknown) => void);
        this.listeners.set(event, set);
        return () => set.delete(callback as (payload: unknown) => void);
      },
    };
    return api;
  }

  /** Installs this fake as window.kabar. */
  install(): this {
    window.kabar = this.api();
    return this;
  }
}
