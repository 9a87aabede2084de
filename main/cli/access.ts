/** Which CLI commands only read the library (they run beside an open app) and which write. */

const READ_COMMANDS = new Set(['list', 'show', 'search', 'export', 'export-library', 'engines', 'speak']);
const READ_SUBCOMMANDS: Record<string, Set<string | undefined>> = {
  tags: new Set([undefined]),
  feeds: new Set([undefined, 'list', 'export-opml']),
  // Listing packs writes only the pack listing cache, never the library.
  packs: new Set(['available']),
  sync: new Set([undefined, 'status']),
  highlights: new Set([undefined, 'list', 'search', 'export']),
  rules: new Set([undefined, 'list', 'test']),
  views: new Set([undefined, 'list']),
};

/**
 * 'read' for commands that never change the library: they open it without the write lock, so
 * they work while Kabar has it open. Everything else (including backup, which compacts first,
 * and restore) needs the lock.
 */
export function commandAccess(command: string, positionals: string[]): 'read' | 'write' {
  if (READ_COMMANDS.has(command)) return 'read';
  return READ_SUBCOMMANDS[command]?.has(positionals[0]) ? 'read' : 'write';
}

/**
 * Whether a command reads the search index. Only `search` does among the reading commands; the
 * others open the library without it, which halves `kabar list` on a large library. (Writing
 * commands always open the index: their changes must reach it.)
 */
export function commandSearches(command: string): boolean {
  // export-library --search reads the index too; so do smart views' counts and rule tests (words in a query).
  return command === 'search' || command === 'export-library' || command === 'views' || command === 'rules';
}
