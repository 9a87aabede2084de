/**
 * An in-memory `window.kabar` for renderer component tests: a `Partial<Handlers>` typed from
 * the contract behind the same three doors as the preload bridge. Arguments are checked with
 * the contract's own schemas (a renderer bug fails here as it would in main), and answers
 * come as a `Wire`. Component-logic tests only; the e2e tier uses the real handlers.
 */
import { CHANNELS, EVENTS, type Args, type Bridge, type Channel, type Handlers } from '../../preload/contract';
import { DEFAULT_SETTINGS } from '../../preload/shared';
import type {
  AppInfo,
  Article,
  ArticleMeta,
  EnginesInfo,
  EventName,
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
const EMPTY_IMPORT = { results: [], imported: 0, duplicates: 0, failed: 0 };

/** The fake bridge plus handles tests use to inspect and steer it. */
export class FakeKabar {
  articles: ArticleMeta[] = [];
  bodies = new Map<string, Article['blocks']>();
  settings: Settings = { ...DEFAULT_SETTINGS };
  /** Stored translations per article id. */
  translations = new Map<string, Record<string, Translation>>();
  /** How translate:article answers (a test sets it; unset: no engine can translate). */
  translateWith: ((id: string, to: string) => Promise<Translation>) | null = null;
  /** What translate:engines answers. */
  engines: EnginesInfo = { engines: [], packs: [] };
  /** What `feeds:list` answers (tests fill it in). */
  feedList: FeedList = { feeds: [], folders: {}, refresh: { running: false, done: 0, total: 0, added: 0, states: {} } };
  info: AppInfo = { version: '0.0.0-test', dataDir: '/tmp/kabar-test', systemLocale: 'en-US', mediaBase: 'media://', recovery: null };
  /** Every call, by channel name, with its (validated) arguments. */
  calls: { channel: Channel; args: unknown[] }[] = [];
  listeners = new Map<string, Set<(payload: unknown) => void>>();
  /** Overrides search: a test may answer each query itself. */
  search: ((query: string) => Promise<SearchHit[]>) | null = null;
  /** Makes the next call to a channel fail with this error. */
  failNext = new Map<Channel, UserError>();
  /** The handlers; a test may replace or add any of them. */
  handlers: Partial<Handlers> = this.defaultHandlers();

  constructor(count = 0) {
    for (let i = 0; i < count; i++) this.articles.push(makeMeta(i));
  }

  /** Calls made to one channel. */
  callsTo<C extends Channel>(channel: C): Args<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.args as Args<C>);
  }

  /** Sends a main → renderer event. */
  emit<E extends EventName>(event: E, payload: Events[E]): void {
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

  private counts() {
    const live = this.articles.filter((m) => !m.deletedAt);
    const tags = new Map<string, number>();
    for (const m of live) for (const t of m.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    const langs = new Map<string, number>();
    for (const m of live) langs.set(m.lang, (langs.get(m.lang) ?? 0) + 1);
    return {
      all: live.length,
      unread: live.filter((m) => !m.readAt).length,
      bookmarked: live.filter((m) => m.bookmarked).length,
      trash: this.articles.length - live.length,
      tags: [...tags].map(([name, count]) => ({ name, count })),
      langs: [...langs].map(([lang, count]) => ({ lang, count })),
    };
  }

  private feedOf(id: string, patch: Partial<FeedList['feeds'][number]>): FeedList['feeds'][number] {
    const feed = this.feedList.feeds.find((f) => f.id === id);
    if (!feed) throw new Error(`no feed ${id}`);
    Object.assign(feed, patch);
    return { ...feed };
  }

  private defaultHandlers(): Partial<Handlers> {
    return {
      'app:info': async () => this.info,
      'library:list': async (q) => this.list(q),
      'library:counts': async () => this.counts(),
      'article:get': async (id) => ({ ...this.find(id), blocks: this.bodies.get(id) ?? [{ type: 'paragraph', text: `Body of ${id}` }], translations: this.translations.get(id) ?? {} }),
      'article:delete': async (id) => void this.update(id, { deletedAt: '2026-01-01T00:00:00Z' }),
      'article:restore': async (id) => void this.update(id, { deletedAt: null }),
      'article:setBookmarked': async (id, on) => this.update(id, { bookmarked: on }),
      'article:setRead': async (id, read) => this.update(id, { readAt: read ? '2026-02-01T00:00:00Z' : null }),
      'article:setProgress': async (id, p) => void this.update(id, { progress: p }),
      'tags:add': async (id, tags) => this.update(id, { tags: [...this.find(id).tags, ...tags] }),
      'tags:remove': async (id, tags) => this.update(id, { tags: this.find(id).tags.filter((t) => !tags.includes(t)) }),
      'tags:rename': async () => undefined,
      'tags:merge': async () => undefined,
      'tags:list': async () => [],
      'search:query': async (query) => (this.search ? this.search(query) : []),
      'import:urls': async () => EMPTY_IMPORT,
      'import:paths': async () => EMPTY_IMPORT,
      'import:files': async () => EMPTY_IMPORT,
      'import:prepare': async () => undefined,
      'settings:get': async () => ({ ...this.settings }),
      'settings:set': async (patch) => (this.settings = { ...this.settings, ...patch }),
      'shell:openExternal': async () => undefined,
      'dialog:openFiles': async () => [],
      'menu:setStrings': async () => undefined,
      'translate:engines': async () => this.engines,
      'translate:article': async (id, to) => {
        if (!this.translateWith) throw Object.assign(new Error('no engine'), { code: 'TRANSLATION_UNAVAILABLE', params: { from: 'id', to, pack: `id-${to}` } });
        const translation = await this.translateWith(id, to);
        this.translations.set(id, { ...this.translations.get(id), [to]: translation });
        return translation;
      },
      'translate:cancel': async () => false,
      'translate:setSourceLang': async (id, lang) => this.update(id, { lang }),
      'packs:installFolder': async () => null,
      'packs:remove': async () => undefined,
      'feeds:list': async () => structuredClone(this.feedList),
      'feeds:subscribe': async () => ({ kind: 'choose' as const, candidates: [] }),
      'feeds:refresh': async () => this.feedList.refresh,
      'feeds:cancelRefresh': async () => undefined,
      'feeds:rename': async (id, title) => this.feedOf(id, { title }),
      'feeds:setFolder': async (id, folder) => this.feedOf(id, { folder }),
      'feeds:renameFolder': async () => 0,
      'feeds:setOptions': async (id, options) => this.feedOf(id, options),
      'feeds:remove': async () => ({ trashed: 0, kept: 0 }),
      'feeds:markAllRead': async () => 0,
      'feeds:importOpml': async () => null,
      'feeds:exportOpml': async () => null,
      // Highlights (issue 13): an empty library of marks unless a test sets its own.
      'marks:get': async () => ({ highlights: [] }),
      'marks:list': async () => ({ items: [], total: 0, offset: 0 }),
      'marks:search': async () => [],
      'views:list': async () => [],
    };
  }

  /** One call through the fake: the contract's argument check, a queued failure, then the handler. */
  private async answer(channel: Channel, args: unknown[]): Promise<Wire<unknown>> {
    if (!Object.hasOwn(CHANNELS, channel)) throw new Error(`Unknown channel: ${channel}`);
    const parsed = CHANNELS[channel].args.safeParse(args);
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: parsed.error.message, params: { channel } } };
    this.calls.push({ channel, args });
    const failure = this.failNext.get(channel);
    if (failure) {
      this.failNext.delete(channel);
      return { ok: false, error: failure };
    }
    const handler = this.handlers[channel] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: { code: 'IO', message: `${channel} is not in the fake`, params: {} } };
    try {
      return ok(await handler(...args));
    } catch (error) {
      // A thrown error with a code answers like the real handlers: a Wire error.
      const e = error as Error & { code?: string; params?: Record<string, string | number> };
      if (!e.code) throw error;
      return { ok: false, error: { code: e.code, message: e.message, params: e.params } };
    }
  }

  /** The object installed as window.kabar: the preload's three doors. */
  bridge(): Bridge {
    return {
      invoke: ((channel: Channel, ...args: unknown[]) => this.answer(channel, args)) as Bridge['invoke'],
      on: (event, callback) => {
        if (!Object.hasOwn(EVENTS, event)) throw new Error(`Unknown event: ${event}`);
        const set = this.listeners.get(event) ?? new Set();
        set.add(callback as (payload: unknown) => void);
        this.listeners.set(event, set);
        return () => set.delete(callback as (payload: unknown) => void);
      },
      pathForFile: () => '',
    };
  }

  /** Installs this fake as window.kabar. */
  install(): this {
    window.kabar = this.bridge();
    return this;
  }
}
