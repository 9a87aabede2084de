/**
 * One sync account of one library: add/remove, status, and a sync run —
 * capture local changes → read the server → send changes → apply the server's → pull new items.
 * Everything the server is asked is read before the library changes, so a server that fails
 * (wrong password, HTML, 5xx, timeout, malformed answer) leaves the library as it was.
 */
import { rm } from 'node:fs/promises';
import { KabarError, toKabarError } from '../errors';
import { findFeed, updateFeed } from '../feeds';
import type { Library } from '../store';
import { GReaderClient, LABEL, READ, READING_LIST, STARRED } from './client';
import { labelName } from './items';
import { localChanges, planMerge, setBase, type FieldValue, type ServerSets } from './merge';
import { PendingJournal, type FeedChange, type ItemChange } from './pending';
import { pullItems } from './pull';
import { loadSecret, removeSecret, saveSecret, type SecretBox } from './secrets';
import { applyAccountOptions, newState, readState, sweepSyncTemps, syncDir, writeState, type AccountOptions, type SyncAccount, type SyncState, type SyncStatus } from './state';
import { applySubscriptions, folderOf, localFeedChanges, pushFeedChanges } from './subscriptions';

/** What a session needs from its host. */
export interface SyncOptions {
  box: SecretBox;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Deadline of one request (default 30 s). */
  timeoutMs?: number;
  /** Largest answer accepted (default 32 MB). */
  maxBytes?: number;
  /** Items per stream/contents page (default 500). */
  pageSize?: number;
}

/** The status line's facts. */
export interface SyncStatusView extends SyncStatus {
  account: Omit<SyncAccount, 'addedAt'> & { addedAt: string };
  /** Local changes waiting for the server. */
  waiting: number;
  /** Where the password is kept ('keychain', 'owner-only file'). */
  credentialStore: string;
  syncedFeeds: number;
  syncedItems: number;
}

/** What one sync did. */
export interface SyncReport {
  articlesAdded: number;
  changesSent: number;
  changesApplied: number;
  changesLost: number;
  feedsAdded: number;
  feedsRemoved: number;
  feedsChanged: number;
}

function feedsTouched(r: SyncReport): boolean {
  return r.feedsAdded + r.feedsRemoved + r.feedsChanged > 0;
}

/** The sync account of one opened library. */
export class SyncSession {
  private state: SyncState | undefined;
  private pending: PendingJournal | undefined;
  private running: Promise<SyncReport> | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly library: Library,
    private readonly opts: SyncOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    if (!library.readOnly) sweepSyncTemps(library.dir);
    this.state = readState(library.dir);
    if (this.state) this.pending = new PendingJournal(library.dir);
  }

  /** Whether an account is set up. */
  get hasAccount(): boolean {
    return this.state !== undefined;
  }

  /** Sets up the account after checking the password with the server (nothing is stored when it is wrong). */
  async addAccount(input: { url: string; user: string; password: string; days?: number; intervalMinutes?: number }): Promise<SyncStatusView> {
    if (this.state) throw new KabarError('INVALID_ARGUMENT', `This library already syncs with ${this.state.account.url}; remove that account first.`);
    if (!/^https?:\/\//i.test(input.url)) throw new KabarError('INVALID_URL', `${input.url} is not an http(s) address.`, { url: input.url });
    const client = this.client(input.url, input.user, input.password);
    await client.login();
    const state = newState({ url: client.base, user: input.user, days: input.days ?? 14, intervalMinutes: input.intervalMinutes ?? 30, addedAt: this.now().toISOString() });
    saveSecret(this.library.dir, this.opts.box, input.password);
    await writeState(this.library.dir, state);
    this.state = state;
    this.pending = new PendingJournal(this.library.dir);
    return this.status();
  }

  /** Forgets the account and its password; its feeds stay as local feeds. Returns how many unsent changes were dropped. */
  async removeAccount(): Promise<{ dropped: number }> {
    const state = this.need();
    const dropped = this.pending?.size ?? 0;
    for (const base of Object.values(state.feeds)) {
      if (findFeed(this.library, base.local)) updateFeed(this.library, base.local, (f) => delete f.sync);
    }
    removeSecret(this.library.dir);
    await rm(syncDir(this.library.dir), { recursive: true, force: true });
    this.state = undefined;
    this.pending = undefined;
    return { dropped };
  }

  /** The account, the last sync, the last error and how many changes wait. */
  status(): SyncStatusView {
    const state = this.need();
    return {
      ...state.status,
      account: state.account,
      waiting: (this.pending?.size ?? 0) + this.uncaptured(state),
      credentialStore: this.opts.box.kind,
      syncedFeeds: Object.keys(state.feeds).length,
      syncedItems: Object.keys(state.items).length,
    };
  }

  /** Local changes not journalled yet (made while no session listened, e.g. by another CLI command). */
  private uncaptured(state: SyncState): number {
    const pending = this.pending?.list() ?? [];
    const items = localChanges(this.library, state, pending.filter((c): c is ItemChange => c.k === 'item'), this.now());
    return items.length + localFeedChanges(this.library, state, pending.filter((c): c is FeedChange => c.k === 'feed'), this.now()).length;
  }

  /** Journals local changes to synced items and feeds now (the app calls this from the library's change listener). */
  capture(onlyArticles?: string[]): number {
    if (!this.state || !this.pending) return 0;
    const pending = this.pending.list();
    const items = localChanges(this.library, this.state, pending.filter((c): c is ItemChange => c.k === 'item'), this.now(), onlyArticles ? new Set(onlyArticles) : undefined);
    const feeds = onlyArticles ? [] : localFeedChanges(this.library, this.state, pending.filter((c): c is FeedChange => c.k === 'feed'), this.now());
    this.pending.add([...items, ...feeds]);
    return items.length + feeds.length;
  }

  /** Changes the sync interval and the days of history (more days: the next sync fetches the older items too). */
  async setOptions(patch: AccountOptions): Promise<SyncStatusView> {
    const state = this.need();
    await this.running?.catch(() => undefined); // a running pull would write its own watermark over ours
    applyAccountOptions(state, patch, this.now());
    await this.save();
    return this.status();
  }

  /** Subscribes to a feed through the server (it becomes a synced feed), then syncs. */
  async subscribe(feedUrl: string, folder?: string): Promise<SyncReport> {
    const state = this.need();
    const client = this.client(state.account.url, state.account.user, loadSecret(this.library.dir, this.opts.box));
    const { streamId } = await client.quickadd(feedUrl);
    if (folder) await client.editSubscription(streamId, 'edit', { add: LABEL + folder });
    return this.sync();
  }

  /** Runs one sync (one at a time; a second call while one runs waits for it). Records the outcome in the status. */
  sync(): Promise<SyncReport> {
    this.running ??= this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<SyncReport> {
    const state = this.need();
    const started = this.now().toISOString();
    state.status.lastAttemptAt = started;
    try {
      const report = await this.run(state);
      state.status.lastSyncAt = started;
      state.status.lastError = null;
      await this.save();
      if (report.changesSent + report.changesLost > 0 || feedsTouched(report)) await this.pending?.compact();
      return report;
    } catch (error) {
      const e = toKabarError(error);
      state.status.lastError = { code: e.code, message: e.message, ...(Object.keys(e.params).length ? { params: e.params } : {}) };
      await this.save().catch(() => undefined);
      throw e;
    }
  }

  private async run(state: SyncState): Promise<SyncReport> {
    const pending = this.pending as PendingJournal;
    const client = this.client(state.account.url, state.account.user, loadSecret(this.library.dir, this.opts.box));
    this.capture();
    // Read everything first: a failing server leaves the library untouched.
    const subs = await client.subscriptions();
    const folders = new Set(subs.map(folderOf).filter(Boolean));
    const sets = await this.serverSets(client, folders);
    const report: SyncReport = { articlesAdded: 0, changesSent: 0, changesApplied: 0, changesLost: 0, feedsAdded: 0, feedsRemoved: 0, feedsChanged: 0 };

    const feedChanges = pending.list().filter((c): c is FeedChange => c.k === 'feed');
    pending.done(await pushFeedChanges(client, feedChanges));
    for (const c of feedChanges) this.settleFeed(state, c);
    const afterPush = feedChanges.length > 0 ? await client.subscriptions() : subs;

    const itemChanges = pending.list().filter((c): c is ItemChange => c.k === 'item');
    const plan = planMerge(state, sets, itemChanges);
    await this.send(client, plan.push.map((p) => p.change));
    for (const p of plan.push) setBase(state.items[p.change.item] as SyncState['items'][string], p.change);
    pending.done([...plan.push.flatMap((p) => p.settles), ...plan.lost]);
    report.changesSent = plan.push.length;
    report.changesLost = plan.lost.length;
    // An idle sync writes state.json once (its status), not after every step.
    if (plan.push.length + plan.lost.length + feedChanges.length > 0) await this.save();

    const feeds = await applySubscriptions(this.library, state, afterPush, pending.list().filter((c): c is FeedChange => c.k === 'feed'), this.now());
    Object.assign(report, { feedsAdded: feeds.added, feedsRemoved: feeds.removed, feedsChanged: feeds.changed });
    report.changesApplied = this.applyLocally(state, plan.apply);
    if (plan.apply.length + feeds.added + feeds.removed + feeds.changed > 0) await this.save();
    report.articlesAdded = await pullItems(this.library, client, state, {
      now: this.now(),
      pageSize: this.opts.pageSize ?? 500,
      folders: new Set(afterPush.map(folderOf).filter(Boolean)),
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      save: () => this.save(),
    });
    return report;
  }

  /** Unread, starred and label membership on the server, read before anything changes. */
  private async serverSets(client: GReaderClient, folders: Set<string>): Promise<ServerSets> {
    const unread = new Set(await client.itemIds(READING_LIST, { xt: READ }));
    const starred = new Set(await client.itemIds(STARRED));
    const labels = new Map<string, Set<string>>();
    for (const tag of await client.tags()) {
      const name = labelName(tag.id);
      if (name === undefined || folders.has(name) || tag.type === 'folder') continue;
      labels.set(name, new Set(await client.itemIds(tag.id)));
    }
    return { unread, starred, labels };
  }

  /** Sends values grouped by what they set (one edit-tag call per group and batch). */
  private async send(client: GReaderClient, changes: FieldValue[]): Promise<void> {
    const groups = new Map<string, { stream: string; value: boolean; ids: string[] }>();
    for (const c of changes) {
      const stream = c.field === 'read' ? READ : c.field === 'star' ? STARRED : LABEL + (c.name ?? '');
      const key = `${stream}\u0000${c.value}`;
      const group = groups.get(key) ?? { stream, value: c.value, ids: [] };
      group.ids.push(c.item);
      groups.set(key, group);
    }
    for (const g of groups.values()) await client.editTag(g.ids, g.value ? { add: g.stream } : { remove: g.stream });
  }

  /** Applies server values to the library; the base moves first, so the change listener sees nothing to send. */
  private applyLocally(state: SyncState, changes: FieldValue[]): number {
    let applied = 0;
    for (const c of changes) {
      const base = state.items[c.item];
      if (!base) continue;
      setBase(base, c);
      if (!this.library.knows(base.a)) continue;
      const meta = this.library.meta(base.a);
      if (c.field === 'read' && Boolean(meta.readAt) !== c.value) this.library.setRead(base.a, c.value);
      else if (c.field === 'star' && meta.bookmarked !== c.value) this.library.setBookmarked(base.a, c.value);
      else if (c.field === 'label' && c.name !== undefined) {
        const has = meta.tags.some((t) => t.toLowerCase() === (c.name as string).toLowerCase());
        if (c.value && !has) this.library.addTags(base.a, [c.name]);
        else if (!c.value && has) this.library.removeTags(base.a, [c.name]);
        else continue;
      } else continue;
      applied += 1;
    }
    return applied;
  }

  private settleFeed(state: SyncState, c: FeedChange): void {
    const base = state.feeds[c.stream];
    if (!base) return;
    if (c.op === 'unsubscribe') delete state.feeds[c.stream];
    else state.feeds[c.stream] = { ...base, ...(c.title !== undefined ? { title: c.title } : {}), ...(c.folder !== undefined ? { folder: c.folder } : {}) };
  }

  private client(url: string, user: string, password: string): GReaderClient {
    return new GReaderClient({
      url,
      user,
      password,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
      ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}),
      ...(this.opts.maxBytes ? { maxBytes: this.opts.maxBytes } : {}),
    });
  }

  private async save(): Promise<void> {
    if (this.state) await writeState(this.library.dir, this.state);
  }

  private need(): SyncState {
    if (!this.state) throw new KabarError('SYNC_NO_ACCOUNT', 'No sync account is set up. Add one with: kabar sync add URL --user NAME');
    return this.state;
  }
}
