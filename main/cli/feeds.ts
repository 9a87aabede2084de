/** `kabar feeds …`: subscribe, list, refresh, remove, and OPML import/export over the same core. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import {
  exportOpml,
  importOpml,
  readFeeds,
  refreshFeeds,
  resolveFeedId,
  subscribe,
  unreadCounts,
  unsubscribe,
  type FeedRecord,
} from '../core/feeds';
import type { Command, CommandOptions } from './base';
import type { CommandResult } from './output';

/** Options the feeds commands read beyond the shared ones (`--feed ID`, `--folder NAME`). */
type FeedOptions = CommandOptions & { feed?: string; folder?: string };

function usage(text: string): KabarError {
  return new KabarError('INVALID_ARGUMENT', `Usage: kabar feeds ${text}`);
}

function feedLine(feed: FeedRecord, unread: number): string {
  const folder = feed.folder.length ? `[${feed.folder.join(' / ')}] ` : '';
  const error = feed.error ? `  ! ${feed.error.code}: ${feed.error.message}` : '';
  return `${feed.id}  ${String(unread).padStart(4)} unread  ${folder}${feed.title}  <${feed.url}>${error}`;
}

const add = async (library: Parameters<Command>[0], o: FeedOptions): Promise<CommandResult> => {
  const [url] = o.positionals;
  if (!url) throw usage('add <url> [--folder NAME]');
  const result = await subscribe(library, url, { folder: o.folder ? o.folder.split('/').map((s) => s.trim()) : undefined });
  if (result.kind === 'choose') {
    const text = ['This page has several feeds; add one of them:', ...result.candidates.map((c) => `  ${c.url}${c.title ? `  (${c.title})` : ''}`)];
    return { json: result, text: text.join('\n'), exitCode: 2 };
  }
  const verb = result.created ? 'subscribed' : 'already subscribed';
  return { json: result, text: `${verb}: ${result.feed.id}  ${result.feed.title} (${result.added} new articles)` };
};

const list = async (library: Parameters<Command>[0]): Promise<CommandResult> => {
  const feeds = readFeeds(library);
  const counts = unreadCounts(library);
  const json = feeds.map((f) => ({ ...f, seen: undefined, unread: counts.feeds[f.id] ?? 0 }));
  const text = feeds.length ? feeds.map((f) => feedLine(f, counts.feeds[f.id] ?? 0)).join('\n') : 'No feeds. Add one with: kabar feeds add <url>';
  return { json: { feeds: json, unread: counts }, text };
};

const refresh = async (library: Parameters<Command>[0], o: FeedOptions): Promise<CommandResult> => {
  const given = o.feed ?? o.positionals[0];
  const ids = given ? [resolveFeedId(library, given)] : undefined;
  const results = await refreshFeeds(library, { ids, force: Boolean(ids) });
  const titles = new Map(readFeeds(library).map((f) => [f.id, f.title]));
  const lines = results.map((r) => `${r.feedId}  ${r.state.padEnd(12)} ${r.added ? `+${r.added} ` : ''}${titles.get(r.feedId) ?? ''}${r.error ? `  ! ${r.error.message}` : ''}`);
  const failed = results.filter((r) => r.state === 'error').length;
  const added = results.reduce((n, r) => n + r.added, 0);
  lines.push(`${results.length} feeds refreshed, ${added} new articles, ${failed} failed`);
  return { json: { results, added, failed }, text: lines.join('\n'), exitCode: failed === 0 ? 0 : failed === results.length ? 1 : 2 };
};

const remove = async (library: Parameters<Command>[0], o: FeedOptions): Promise<CommandResult> => {
  const [given] = o.positionals;
  if (!given) throw usage('remove <id>');
  const id = resolveFeedId(library, given);
  const result = await unsubscribe(library, id);
  return { json: { id, ...result }, text: `unsubscribed ${id}: ${result.trashed} articles moved to the trash, ${result.kept} bookmarked or tagged kept` };
};

const importCmd = async (library: Parameters<Command>[0], o: FeedOptions): Promise<CommandResult> => {
  const [file] = o.positionals;
  if (!file) throw usage('import-opml FILE');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(o.cwd, file));
  } catch {
    throw new KabarError('FILE_NOT_FOUND', `The file ${file} cannot be read.`, { path: file });
  }
  const result = importOpml(library, bytes, new Date());
  return {
    json: { added: result.added.map((f) => ({ id: f.id, url: f.url, title: f.title, folder: f.folder })), existing: result.existing, total: result.total },
    text: `${result.added.length} feeds added, ${result.existing} already subscribed (run "kabar feeds refresh" to fetch them)`,
  };
};

const exportCmd = async (library: Parameters<Command>[0], o: FeedOptions): Promise<CommandResult> => {
  const [file] = o.positionals;
  if (!file) throw usage('export-opml FILE');
  const path = resolve(o.cwd, file);
  const text = exportOpml(library, new Date());
  await writeFile(path, text, 'utf8');
  const feeds = readFeeds(library).length;
  return { json: { file: path, feeds }, text: `${feeds} feeds written to ${path}` };
};

const SUBCOMMANDS: Record<string, (library: Parameters<Command>[0], o: FeedOptions) => Promise<CommandResult>> = {
  add,
  list,
  refresh,
  remove,
  'import-opml': importCmd,
  'export-opml': exportCmd,
};

const feedsCommand: Command = async (library, options) => {
  const [sub, ...rest] = options.positionals;
  const run = SUBCOMMANDS[sub ?? 'list'];
  if (!run) throw usage('add <url> | list | refresh [--feed ID] | remove <id> | import-opml FILE | export-opml FILE');
  return run(library, { ...options, positionals: rest });
};

/** The `feeds` command, to merge into COMMANDS. */
export const FEED_COMMANDS: Record<string, Command> = { feeds: feedsCommand };
