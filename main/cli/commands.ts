/** The `kabar` commands, each a small function over an opened library. */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { createBackup, exportArticles, type ExportFormat } from '../core/export';
import { importSources, type ImportSource } from '../core/importer';
import { isPlainText, parseQuery } from '../core/search';
import { catalogOf, searchQuery, type Library } from '../core/store';
import type { ListQuery } from '../core/types';
import { hitsText, importText, metaLine, snippetText, type CommandResult } from './output';

/** Parsed options a command may read. */
export interface CommandOptions {
  positionals: string[];
  tag: string[];
  bookmarked: boolean;
  unread: boolean;
  trash: boolean;
  off: boolean;
  lang?: string;
  format?: string;
  out?: string;
  into?: string;
  limit?: string;
  offset?: string;
  sort?: string;
  to?: string;
  engine?: string;
  feed?: string;
  folder?: string;
  cwd: string;
}

/** A command over an opened library. */
export type Command = (library: Library, options: CommandOptions) => Promise<CommandResult>;

function need(values: string[], count: number, usage: string): void {
  if (values.length < count) throw new KabarError('INVALID_ARGUMENT', `Usage: kabar ${usage}`);
}

/** Accepts a full id or a unique prefix of one (as git does), so ids can be typed. */
export function resolveId(library: Library, given: string): string {
  const found = library.idsStartingWith(given.trim().toLowerCase());
  if (found.length === 1) return found[0] as string;
  if (found.length > 1) throw new KabarError('INVALID_ARGUMENT', `The id ${given} is ambiguous; type more of it.`);
  throw new KabarError('NOT_FOUND', `No article with id ${given}. Run "kabar list" to see ids.`, { id: given });
}

function toSource(arg: string, cwd: string): ImportSource {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? { kind: 'url', url: arg } : { kind: 'path', path: resolve(cwd, arg) };
}

const importCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'import <file|url>... [--tag T]');
  const summary = await importSources(library, o.positionals.map((a) => toSource(a, o.cwd)), { tags: o.tag });
  const exitCode = summary.failed === 0 ? 0 : summary.failed === summary.results.length ? 1 : 2;
  return { json: summary, text: importText(summary), exitCode };
};

const listCommand: Command = async (library, o) => {
  const query: ListQuery = {
    tags: o.tag,
    bookmarked: o.bookmarked || undefined,
    unread: o.unread || undefined,
    trash: o.trash || undefined,
    lang: o.lang,
    sort: o.sort === 'publishedAt' ? 'publishedAt' : 'savedAt',
    limit: o.limit ? Number(o.limit) : 500,
    offset: o.offset ? Number(o.offset) : 0,
  };
  const page = library.list(query);
  const text = page.items.length ? page.items.map(metaLine).join('\n') : 'No articles.';
  return { json: page, text: `${text}\n(${page.items.length} of ${page.total})` };
};

const showCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'show <id>');
  const article = await library.get(resolveId(library, o.positionals[0] as string));
  const { translations: _translations, ...rest } = article;
  const head = [article.title, [article.siteName, article.place, article.credit, article.lang].filter(Boolean).join(' · ')];
  const body = article.blocks.map((b) => (b.type === 'heading' ? `\n## ${b.text}` : b.text));
  return { json: rest, text: [...head, '', ...body].join('\n') };
};

const tagCommand: Command = async (library, o) => {
  need(o.positionals, 2, 'tag <id> <tag>...');
  const [id, ...tags] = o.positionals as [string, ...string[]];
  const meta = library.addTags(resolveId(library, id), tags);
  return { json: meta, text: metaLine(meta) };
};

const untagCommand: Command = async (library, o) => {
  need(o.positionals, 2, 'untag <id> <tag>...');
  const [id, ...tags] = o.positionals as [string, ...string[]];
  const meta = library.removeTags(resolveId(library, id), tags);
  return { json: meta, text: metaLine(meta) };
};

const tagsCommand: Command = async (library, o) => {
  const [action, ...rest] = o.positionals;
  if (action === 'rename') {
    need(rest, 2, 'tags rename <from> <to>');
    const changed = library.renameTag(rest[0] as string, rest[1] as string);
    return { json: { changed }, text: `${changed} articles retagged` };
  }
  if (action === 'merge') {
    need(rest, 1, 'tags merge <tag>... --into <tag>');
    if (!o.into) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar tags merge <tag>... --into <tag>');
    const changed = library.mergeTags(rest, o.into);
    return { json: { changed }, text: `${changed} articles retagged` };
  }
  const tags = library.tags();
  return { json: tags, text: tags.map((t) => `${String(t.count).padStart(5)}  ${t.name}`).join('\n') || 'No tags.' };
};

const bookmarkCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'bookmark <id> [--off]');
  const meta = library.setBookmarked(resolveId(library, o.positionals[0] as string), !o.off);
  return { json: meta, text: metaLine(meta) };
};

const readCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'read <id> [--off]');
  const meta = library.setRead(resolveId(library, o.positionals[0] as string), !o.off);
  return { json: meta, text: metaLine(meta) };
};

const searchCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'search <query>');
  const query = o.positionals.join(' ');
  const hits = await searchQuery(library, query, o.limit ? Number(o.limit) : 20);
  // Highlights form their own group (text output only: --json keeps its list of article hits).
  const marks = isPlainText(parseQuery(query)) ? await catalogOf(library).search(query, 10) : [];
  const group = marks.length ? `\n\nHighlights:\n${marks.map((h) => `${h.articleId.slice(0, 10)}  “${snippetText(h.text)}”`).join('\n')}` : '';
  return { json: hits, text: hitsText(hits) + group };
};

const deleteCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'delete <id>');
  const id = resolveId(library, o.positionals[0] as string);
  await library.delete(id);
  return { json: { id, deleted: true }, text: `moved to the trash: ${id} (kabar undelete ${id.slice(0, 10)} brings it back)` };
};

const undeleteCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'undelete <id>');
  const id = resolveId(library, o.positionals[0] as string);
  await library.restore(id);
  return { json: library.meta(id), text: metaLine(library.meta(id)) };
};

const emptyTrashCommand: Command = async (library) => {
  const removed = await library.emptyTrash();
  return { json: { removed }, text: `${removed} articles deleted for good` };
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

/** Every command that works on an opened library, by name. (`restore` works on a closed one.) */
export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  tag: tagCommand,
  untag: untagCommand,
  tags: tagsCommand,
  bookmark: bookmarkCommand,
  read: readCommand,
  search: searchCommand,
  delete: deleteCommand,
  undelete: undeleteCommand,
  'empty-trash': emptyTrashCommand,
  export: exportCommand,
  backup: backupCommand,
};
