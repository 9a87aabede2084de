/**
 * `kabar export-library --format netscape|pocket-csv|wallabag-json|epub --out PATH [--tag T]
 * [--search Q] [--ids A,B] [--bilingual [--to L]] [--title T]`: the library, a tag, a search result or
 * chosen articles as one file another app imports, or as one EPUB book.
 */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { exportLibrary, LIBRARY_FORMATS, type LibraryExportResult } from '../core/export';
import type { Command } from './commands';
import { resolveId } from './commands';

const USAGE = `export-library --format ${LIBRARY_FORMATS.join('|')} --out PATH [--tag T] [--search Q] [--ids ID,ID] [--bilingual [--to L]] [--title T]`;

function summary(r: LibraryExportResult): string {
  const parts = [`${r.articles} article${r.articles === 1 ? '' : 's'}`];
  if (r.format === 'epub') parts.push(`${r.images} images`);
  if (r.translated) parts.push(`${r.translated} with their translation`);
  if (r.skipped) parts.push(`${r.skipped} left out (no web address)`);
  if (r.damaged.length) parts.push(`${r.damaged.length} left out (damaged: ${r.damaged.map((id) => id.slice(0, 10)).join(', ')})`);
  return `wrote ${r.path} (${r.format}, ${Math.ceil(r.bytes / 1024)} kB): ${parts.join(', ')}`;
}

const exportLibraryCommand: Command = async (library, o) => {
  if (!o.format || !o.out) throw new KabarError('INVALID_ARGUMENT', `Usage: kabar ${USAGE}`);
  if (o.bilingual && o.format !== 'epub') throw new KabarError('INVALID_ARGUMENT', '--bilingual makes a bilingual EPUB: use it with --format epub.', { field: 'bilingual' });
  // Ids come as --ids A,B (repeatable) or as positionals; prefixes are accepted as elsewhere in the CLI.
  const given = [...(o.ids ?? []).flatMap((v) => v.split(',')), ...o.positionals].map((v) => v.trim()).filter(Boolean);
  const result = await exportLibrary(library, {
    format: o.format,
    out: resolve(o.cwd, o.out),
    ids: given.length ? given.map((id) => resolveId(library, id)) : undefined,
    tags: o.tag,
    search: o.search,
    bilingual: o.bilingual ? (o.to ?? true) : undefined,
    title: o.title,
  });
  return { json: result, text: summary(result), exitCode: result.damaged.length ? 2 : 0 };
};

/** The library export command, by name (merged into the CLI's commands in run.ts). */
export const LIBRARY_EXPORT_COMMANDS: Record<string, Command> = { 'export-library': exportLibraryCommand };
