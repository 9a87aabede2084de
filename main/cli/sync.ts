/**
 * `kabar sync …`: set up, run and inspect sync with a Google Reader API server. The password is
 * read from a prompt (not echoed) or from stdin, never from the command line, and kept in a file
 * readable only by its owner (the window keeps it in the system keychain instead).
 */
import { KabarError } from '../core/errors';
import type { Library } from '../core/store';
import { ownerOnlyFileBox, secretPath, SyncSession, type SyncReport, type SyncStatusView } from '../core/sync';
import type { Command, CommandOptions } from './commands';
import type { CommandResult } from './output';

type SyncOptions = CommandOptions & { user?: string; days?: string };

/** Reads the password: a silent prompt on a terminal, else the first line of stdin. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write(prompt);
    stdin.setRawMode(true);
  }
  const text = await new Promise<string>((resolve, reject) => {
    let got = '';
    const onData = (chunk: Buffer): void => {
      got += chunk.toString('utf8');
      // Enter ends the line; Ctrl+C (0x03) and Ctrl+D (0x04) end it too (raw mode delivers them as characters).
      if (stdin.isTTY && [...got].some((ch) => ch === '\r' || ch === '\n' || ch === '\u0003' || ch === '\u0004')) finish();
    };
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.off('end', finish);
      stdin.pause();
      if (stdin.isTTY) {
        stdin.setRawMode(false);
        process.stderr.write('\n');
      }
      if (got.includes('\u0003')) reject(new KabarError('CANCELLED', 'Cancelled.'));
      else resolve(got);
    };
    stdin.on('data', onData);
    stdin.on('end', finish);
    stdin.on('error', reject);
    stdin.resume();
  });
  const password = text.split(/\r?\n|\r/)[0] ?? '';
  if (!password) throw new KabarError('INVALID_ARGUMENT', 'No password was given (type it at the prompt, or pipe it on stdin).');
  return password;
}

function ago(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  return minutes < 1 ? 'just now' : `${minutes} min ago`;
}

/** The status line people read: "Synced 2 min ago", "Offline — 12 changes waiting", "Wrong password for alice@…". */
export function statusLine(s: SyncStatusView, now: Date): string {
  const waiting = s.waiting ? ` — ${s.waiting} change${s.waiting === 1 ? '' : 's'} waiting` : '';
  const who = `${s.account.user}@${new URL(s.account.url).host}`;
  if (s.lastError?.code === 'SYNC_AUTH_FAILED') return `Wrong password for ${who}${waiting}`;
  if (s.lastError?.code === 'SYNC_OFFLINE' || s.lastError?.code === 'SYNC_TIMEOUT') return `Offline${waiting || ' — nothing waiting'}`;
  if (s.lastError) return `Sync failed: ${s.lastError.message}${waiting}`;
  return `Synced ${ago(s.lastSyncAt, now)}${waiting}`;
}

function statusText(s: SyncStatusView): string {
  return [
    statusLine(s, new Date()),
    `account: ${s.account.user} at ${s.account.url} (first sync pulled the last ${s.account.days} days)`,
    `synced feeds: ${s.syncedFeeds}, synced items: ${s.syncedItems}, changes waiting: ${s.waiting}`,
    `password kept in: ${s.credentialStore}`,
    'Saved web pages stay on this computer: the Google Reader API has no way to add them.',
  ].join('\n');
}

function reportText(r: SyncReport): string {
  return `synced: ${r.articlesAdded} new articles, ${r.changesSent} changes sent, ${r.changesApplied} applied from the server` +
    `${r.changesLost ? `, ${r.changesLost} older local changes replaced by newer ones` : ''}; feeds +${r.feedsAdded} -${r.feedsRemoved} ~${r.feedsChanged}`;
}

async function add(library: Library, session: SyncSession, o: SyncOptions): Promise<CommandResult> {
  const [, url] = o.positionals;
  if (!url || !o.user) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar sync add <api-url> --user NAME [--days N]   (the password is read from the prompt or stdin)');
  const days = o.days === undefined ? undefined : Number(o.days);
  if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new KabarError('INVALID_ARGUMENT', '--days must be a whole number above 0.');
  const password = await readPassword(`API password for ${o.user} at ${url}: `);
  const status = await session.addAccount({ url, user: o.user, password, ...(days ? { days } : {}) });
  const where = secretPath(library.dir);
  return {
    json: { status, passwordFile: where, mode: '0600' },
    text: `Account added: ${o.user} at ${status.account.url}.\nThe password is kept in ${where}, readable only by you (mode 0600).\nRun "kabar sync now" to sync.`,
  };
}

async function syncCommand(library: Library, o: SyncOptions): Promise<CommandResult> {
  const session = new SyncSession(library, { box: ownerOnlyFileBox });
  const action = o.positionals[0] ?? 'status';
  if (action === 'add') return add(library, session, o);
  if (action === 'status') {
    const status = session.status();
    return { json: status, text: statusText(status) };
  }
  if (action === 'now') {
    const report = await session.sync();
    return { json: { report, status: session.status() }, text: reportText(report) };
  }
  if (action === 'subscribe') {
    const url = o.positionals[1];
    if (!url) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar sync subscribe <feed-url> [--folder NAME]');
    const report = await session.subscribe(url, o.folder);
    return { json: { report, status: session.status() }, text: reportText(report) };
  }
  if (action === 'remove') {
    const { dropped } = await session.removeAccount();
    return { json: { removed: true, dropped }, text: `Account removed; its feeds stay as local feeds${dropped ? ` (${dropped} unsent changes dropped)` : ''}. The password file is deleted.` };
  }
  throw new KabarError('INVALID_ARGUMENT', `Unknown sync action "${action}". Use add, status, now, subscribe or remove.`);
}

/** The `sync` command, to merge into COMMANDS. */
export const SYNC_COMMANDS: Record<string, Command> = { sync: syncCommand };
