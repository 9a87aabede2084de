/** Parses `kabar` arguments, opens the library, runs one command and prints its result. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KabarError, toKabarError } from '../core/errors';
import type { restoreBackup } from '../core/export';
import { acquireWriteLock, openLibrary } from '../core/store';
import { resolveDataDir } from '../paths';
import { commandAccess, commandSearches } from './access';
import type { CommandOptions } from './base';
import type { CommandResult } from './output';
import { loadCommand } from './registry';
import { appUserDataDir } from './user-data';

/** Where the CLI writes and what it reads from its host (injectable for tests). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The help text. */
export const USAGE = `kabar — the Kabar news reader's command line

Usage: kabar [--data DIR] [--json] <command> [options]

  import <file|url>... [--tag T]    save articles (.txt, .html, or http(s) URLs)
  list [--tag T] [--bookmarked] [--unread] [--lang L] [--trash] [--sort savedAt|publishedAt]
  show <id> [--lang L] [--bilingual]  print an article, a stored translation of it (--lang), or each
                                    block followed by its translation (--bilingual); --json has
                                    every field, the blocks and the stored translations
  tag <id> <tag>...                 add tags          untag <id> <tag>...   remove tags
  tags [rename <from> <to> | merge <tag>... --into <tag>]
  bookmark <id> [--off]             keep offline      read <id> [--off]     mark read
  search <query>                    search; the syntax: tag:x -tag:x lang:id site:S feed:"Name" is:unread
                                    is:bookmarked is:highlighted has:translation before:/after:2026-01-01
                                    "a phrase" -word a OR b (see README "Search syntax")
  highlights [list [--article ID] [--tag T] [--color C] [--lang L] | search <words> | export --out DIR]
  rules [list | add "QUERY" [--tag T]... [--bookmarked] [--mark-read] | remove ID | test "QUERY" | apply [ID]]
  views [list | add NAME "QUERY" | remove ID]   smart views with their counts
  delete <id> | undelete <id> | empty-trash
  export <id>... --format md|html|json --out PATH
  export-library --format netscape|pocket-csv|wallabag-json|epub --out PATH
                 [--tag T] [--search Q] [--ids ID,ID] [--bilingual [--to L]] [--title T]
                                    the library, a tag, a search or chosen articles as one file or EPUB book
  feeds [add <url> [--folder A/B] | list | refresh [--feed ID] | remove <id> | import-opml FILE | export-opml FILE]
  translate <id> --to L [--engine apertium|bergamot]   translate and store (read it offline)
  engines                           translation engines, installed pairs and language packs
  packs available | packs get FROM TO   language packs from Firefox's model server (or packRegistryUrl)
  packs install DIR|URL | packs remove ID
  speak <id> [--lang L] --out FILE.wav  read an article (or its translation into L) aloud with espeak-ng
  fetch-images [<id>...]            fetch images saved articles are still waiting for (offline at import)
  import-library FILE [--from FORMAT] [--tag T] [--no-fetch]
                                    bring a Pocket, Instapaper, Omnivore, wallabag, Readwise,
                                    Pinboard or browser bookmarks export in; links' pages are fetched
  fetch-pending [retry-failed]      fetch the pages of links waiting (or failed, with retry-failed)
  sync add <api-url> --user U [--days N]   sync with a Google Reader API server (password from stdin)
  sync [status] | sync now | sync subscribe <feed-url> [--folder F] | sync remove
  backup --out FILE                 the whole library in one file
  restore FILE                      replace the library with a verified backup

While Kabar (or another kabar command) has the library open, only the reading commands work
(list, show, search, export, export-library, tags, feeds list, feeds export-opml, engines); the others say so.
Ids may be shortened to any unique prefix. Without --data, Kabar's own data folder is used
(KABAR_DATA_DIR overrides it). --json prints one JSON document; errors go to stderr.`;

function parse(argv: string[], cwd: string): { command: string | undefined; json: boolean; help: boolean; options: CommandOptions } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      tag: { type: 'string', multiple: true, default: [] },
      bookmarked: { type: 'boolean', default: false },
      unread: { type: 'boolean', default: false },
      trash: { type: 'boolean', default: false },
      off: { type: 'boolean', default: false },
      lang: { type: 'string' },
      bilingual: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      into: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      sort: { type: 'string' },
      to: { type: 'string' },
      feed: { type: 'string' },
      folder: { type: 'string' },
      engine: { type: 'string' },
      search: { type: 'string' },
      ids: { type: 'string', multiple: true },
      title: { type: 'string' },
      from: { type: 'string' },
      'no-fetch': { type: 'boolean', default: false },
      user: { type: 'string' },
      days: { type: 'string' },
      article: { type: 'string' },
      color: { type: 'string' },
      name: { type: 'string' },
      'mark-read': { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  return {
    command,
    json: values.json,
    help: values.help,
    options: { ...values, positionals: rest, cwd },
  };
}

function print(io: CliIo, json: boolean, result: CommandResult): void {
  io.stdout(json ? JSON.stringify(result.json, null, 2) : result.text);
}

/** Restores a backup while holding the write lock, so it never replaces a library the app has open. */
async function restoreWithLock(dir: string, archive: string): Promise<Awaited<ReturnType<typeof restoreBackup>>> {
  await mkdir(dir, { recursive: true });
  const lock = acquireWriteLock(dir, 'cli');
  try {
    // Loaded here: the backup code (tar) is of no use to the other commands.
    const { restoreBackup } = await import('../core/export');
    return await restoreBackup(dir, archive, new Date());
  } finally {
    lock.release();
  }
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  try {
    const parsed = parse(argv, io.cwd);
    json = parsed.json;
    if (parsed.help || !parsed.command) {
      io.stdout(USAGE);
      return parsed.command || parsed.help ? 0 : 1;
    }
    const dir = resolveDataDir({ argv, env: io.env, userData: appUserDataDir(), cwd: io.cwd });
    if (parsed.command === 'restore') {
      const [file] = parsed.options.positionals;
      if (!file) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar restore FILE');
      const result = await restoreWithLock(dir, resolve(io.cwd, file));
      print(io, json, { json: { dataDir: dir, ...result }, text: `restored ${result.files} files; the previous library is in ${result.previous}` });
      return 0;
    }
    const command = await loadCommand(parsed.command);
    if (!command) throw new KabarError('INVALID_ARGUMENT', `Unknown command "${parsed.command}". Run kabar --help.`);
    const access = commandAccess(parsed.command, parsed.options.positionals);
    const library = await openLibrary({ dir, access, owner: 'cli', search: commandSearches(parsed.command) });
    if (library.recovery) io.stderr(`kabar: ${library.recovery.message}`);
    try {
      const result = await command(library, parsed.options);
      print(io, json, result);
      return result.exitCode ?? 0;
    } finally {
      await library.close();
    }
  } catch (error) {
    const e = error instanceof TypeError && 'code' in error ? new KabarError('INVALID_ARGUMENT', error.message) : toKabarError(error);
    io.stderr(json ? JSON.stringify({ error: { code: e.code, message: e.message, params: e.params } }) : `kabar: ${e.message}`);
    return 1;
  }
}
