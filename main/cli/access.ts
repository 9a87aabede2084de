/** Which CLI commands only read the library (they run beside an open app) and which write. */

const READ_COMMANDS = new Set(['list', 'show', 'search', 'export', 'engines']);
const READ_SUBCOMMANDS: Record<string, Set<string | undefined>> = {
  tags: new Set([undefined]),
  feeds: new Set([undefined, 'list', 'export-opml']),
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
