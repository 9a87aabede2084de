/**
 * The `kabar` commands over the library's metadata and search index, each a small function over an
 * opened library. They load nothing heavy: the file, page, feed and translation commands live in
 * their own modules, loaded only when they run (./registry.ts).
 */
import { KabarError } from '../core/errors';
import { isPlainText, parseQuery } from '../core/search';
import { catalogOf, searchQuery } from '../core/store';
import type { ListQuery } from '../core/types';
import { need, resolveId, type Command } from './base';
import { hitsText, metaLine, snippetText } from './output';
import { showCommand } from './show';

export { need, resolveId, type Command, type CommandOptions } from './base';

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

/** The metadata and search commands, by name. (`restore` works on a closed library.) */
export const COMMANDS: Record<string, Command> = {
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
};
