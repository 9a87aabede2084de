/**
 * A Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux):
 * ClientLogin, then `Authorization: GoogleLogin auth=…` on every call and the `T` token on writes.
 */
import { KabarError } from '../errors';
import { checkStatus, exchange, parseJson, serverOf, type HttpAnswer } from './http';
import { check, ItemIds, QuickAdd, shortId, StreamContents, SubscriptionList, TagList, type Subscription } from './shapes';

/** How a client talks to its server. */
export interface ClientOptions {
  /** The API base: `…/api/greader.php` for FreshRSS, the site root for Miniflux and Inoreader. */
  url: string;
  user: string;
  password: string;
  fetch?: typeof fetch;
  /** Deadline of one request. Default 30 s. */
  timeoutMs?: number;
  /** Largest answer accepted. Default 32 MB (a page of 1,000 items with content). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** Items of one stream/contents page and where the next page starts. */
export interface ContentsPage {
  items: unknown[];
  continuation?: string;
}

/** The state stream every item is in. */
export const READING_LIST = 'user/-/state/com.google/reading-list';
/** Read items carry this category. */
export const READ = 'user/-/state/com.google/read';
/** Starred items carry this category. */
export const STARRED = 'user/-/state/com.google/starred';
/** User labels and folders are `LABEL + name`. */
export const LABEL = 'user/-/label/';

/** Items in one edit-tag request (servers cap the form size). */
const EDIT_BATCH = 250;

/** One logged-in conversation with a Google Reader API server. */
export class GReaderClient {
  /** The API base actually used (FreshRSS's `/api/greader.php` is found when only the site was given). */
  base: string;
  private readonly opts: Required<Omit<ClientOptions, 'signal'>> & { signal?: AbortSignal };
  private auth: string | null = null;
  private writeToken: string | null = null;

  constructor(options: ClientOptions) {
    this.base = options.url.replace(/\/+$/, '');
    this.opts = { fetch: globalThis.fetch, timeoutMs: 30_000, maxBytes: 32 * 1024 * 1024, ...options };
  }

  /** Logs in (ClientLogin). SYNC_AUTH_FAILED for a wrong password; tries FreshRSS's API path when given a site root. */
  async login(): Promise<void> {
    try {
      await this.loginAt(this.base);
    } catch (error) {
      const other = `${this.base}/api/greader.php`;
      if (!(error instanceof KabarError) || error.code !== 'SYNC_NOT_API' || this.base.includes('greader.php')) throw error;
      await this.loginAt(other);
      this.base = other;
    }
  }

  private async loginAt(base: string): Promise<void> {
    const url = `${base}/accounts/ClientLogin`;
    const answer = await this.send(url, 'POST', [
      ['Email', this.opts.user],
      ['Passwd', this.opts.password],
    ], false);
    const auth = /^Auth=(.+)$/m.exec(answer.text)?.[1]?.trim();
    if (!auth) {
      throw new KabarError('SYNC_NOT_API', `${serverOf(url)} did not answer the login as a Google Reader API server.`, { server: serverOf(url), status: answer.status });
    }
    this.auth = auth;
  }

  /** The `T` token write calls need (fetched once per session). */
  async token(): Promise<string> {
    if (this.writeToken) return this.writeToken;
    const answer = await this.call('GET', 'token');
    this.writeToken = answer.text.trim();
    return this.writeToken;
  }

  /** The subscriptions with their folders. */
  async subscriptions(): Promise<Subscription[]> {
    return check(SubscriptionList, await this.json('subscription/list?output=json'), this.base).subscriptions;
  }

  /** Labels and folders (`type` is 'tag' or 'folder' where the server says). */
  async tags(): Promise<{ id: string; type?: string }[]> {
    return check(TagList, await this.json('tag/list?output=json'), this.base).tags;
  }

  /** Subscribes to a feed address; returns its stream id. */
  async quickadd(feedUrl: string): Promise<{ streamId: string; title?: string }> {
    const answer = await this.call('POST', `subscription/quickadd?quickadd=${encodeURIComponent(feedUrl)}`, [['T', await this.token()]]);
    const result = check(QuickAdd, parseJson(answer, this.base), this.base);
    if (result.numResults < 1 || !result.streamId) {
      throw new KabarError('SYNC_SUBSCRIBE_FAILED', `The sync server could not subscribe to ${feedUrl}.`, { server: serverOf(this.base), url: feedUrl });
    }
    return { streamId: result.streamId, ...(result.streamName ? { title: result.streamName } : {}) };
  }

  /** subscription/edit: unsubscribe, rename (title) or move (add/remove a folder label). */
  async editSubscription(streamId: string, action: 'edit' | 'unsubscribe' | 'subscribe', fields: { title?: string; add?: string; remove?: string } = {}): Promise<void> {
    const form: [string, string][] = [['s', streamId], ['ac', action], ['T', await this.token()]];
    if (fields.title !== undefined) form.push(['t', fields.title]);
    if (fields.add) form.push(['a', fields.add]);
    if (fields.remove) form.push(['r', fields.remove]);
    await this.call('POST', 'subscription/edit', form);
  }

  /** One page of items with content, oldest first from `ot` (seconds). */
  async contents(stream: string, opts: { ot?: number; n: number; c?: string }): Promise<ContentsPage> {
    const q = new URLSearchParams({ output: 'json', n: String(opts.n), r: 'o' });
    if (opts.ot) q.set('ot', String(opts.ot));
    if (opts.c) q.set('c', opts.c);
    const page = check(StreamContents, await this.json(`stream/contents/${stream}?${q}`), this.base);
    return { items: page.items, ...(page.continuation !== undefined && page.continuation !== '' ? { continuation: String(page.continuation) } : {}) };
  }

  /** Every item id (short form) of a stream, following continuations; `xt` excludes a state. */
  async itemIds(stream: string, opts: { xt?: string; ot?: number } = {}): Promise<string[]> {
    const ids: string[] = [];
    let c: string | undefined;
    for (let page = 0; page < 100; page++) {
      const q = new URLSearchParams({ s: stream, n: '10000', output: 'json' });
      if (opts.xt) q.set('xt', opts.xt);
      if (opts.ot) q.set('ot', String(opts.ot));
      if (c) q.set('c', c);
      const answer = check(ItemIds, await this.json(`stream/items/ids?${q}`), this.base);
      for (const ref of answer.itemRefs ?? []) ids.push(shortId(ref.id));
      if (answer.continuation === undefined || answer.continuation === '' || (answer.itemRefs ?? []).length === 0) break;
      c = String(answer.continuation);
    }
    return ids;
  }

  /** Adds and/or removes one state or label on items (batched; setting a state twice is harmless). */
  async editTag(ids: string[], change: { add?: string; remove?: string }): Promise<void> {
    for (let at = 0; at < ids.length; at += EDIT_BATCH) {
      const form: [string, string][] = ids.slice(at, at + EDIT_BATCH).map((id) => ['i', id]);
      if (change.add) form.push(['a', change.add]);
      if (change.remove) form.push(['r', change.remove]);
      form.push(['T', await this.token()]);
      await this.call('POST', 'edit-tag', form);
    }
  }

  /** Renames a label or folder everywhere on the server. */
  async renameTag(from: string, to: string): Promise<void> {
    await this.call('POST', 'rename-tag', [['s', LABEL + from], ['dest', LABEL + to], ['T', await this.token()]]);
  }

  /** Deletes a label (its items keep existing) or a folder (its feeds move to the default one). */
  async disableTag(name: string): Promise<void> {
    await this.call('POST', 'disable-tag', [['s', LABEL + name], ['T', await this.token()]]);
  }

  private async json(path: string): Promise<unknown> {
    return parseJson(await this.call('GET', path), this.base);
  }

  private async call(method: 'GET' | 'POST', path: string, form?: [string, string][]): Promise<HttpAnswer> {
    if (!this.auth) await this.login();
    return this.send(`${this.base}/reader/api/0/${path}`, method, form, true);
  }

  private async send(url: string, method: 'GET' | 'POST', form: [string, string][] | undefined, authed: boolean): Promise<HttpAnswer> {
    const headers: Record<string, string> = authed && this.auth ? { authorization: `GoogleLogin auth=${this.auth}` } : {};
    const answer = await exchange({ url, method, headers, form, timeoutMs: this.opts.timeoutMs, maxBytes: this.opts.maxBytes, fetch: this.opts.fetch, signal: this.opts.signal });
    checkStatus(answer, url, this.opts.user);
    return answer;
  }
}
