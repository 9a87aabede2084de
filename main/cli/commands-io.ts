/**
 * The commands that read or write files and pages: `import`, `export`, `backup`. Loaded only when
 * one of them runs, because the import pipeline brings jsdom, Readability and linkedom.
 */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { createBackup, exportArticles, type ExportFormat } from '../core/export';
import { importSources, type ImportSource } from '../core/importer';
import { need, resolveId, type Command } from './base';
import { importText } from './output';

function toSource(arg: string, cwd: string): ImportSource {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? { kind: 'url', url: arg } : { kind: 'path', path: resolve(cwd, arg) };
}

const importCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'import <file|url>... [--tag T]');
  const summary = await importSources(library, o.positionals.map((a) => toSource(a, o.cwd)), { tags: o.tag });
  const exitCode = summary.failed === 0 ? 0 : summary.failed === summary.results.length ? 1 : 2;
  return { json: summary, text: importText(summary), exitCode };
};

const exportCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'export <id>... --format md|html|json --out PATH');
  const format = (o.format ?? 'md') as ExportFormat;
  if (!['md', 'html', 'json'].includes(format)) throw new KabarError('INVALID_ARGUMENT', 'The format must be md, html or json.');
  if (!o.out) throw new KabarError('INVALID_ARGUMENT', 'Say where to write with --out PATH.');
  const ids = o.positionals.map((id) => resolveId(library, id));
  const files = await exportArticles(library, ids, format, resolve(o.cwd, o.out));
  return { json: { files }, text: files.join('\n') };
};

const backupCommand: Command = async (library, o) => {
  if (!o.out) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar backup --out FILE');
  await library.compact();
  const result = await createBackup(library.dir, resolve(o.cwd, o.out), new Date());
  return { json: { file: resolve(o.cwd, o.out), ...result }, text: `backed up ${result.files} files (${result.bytes} bytes)` };
};

/** The file and page commands, by name. */
export const IO_COMMANDS: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  backup: backupCommand,
};
