/**
 * Handlers for the library contract (preload/contract-library.ts): app, articles, tags, search,
 * imports, settings, the shell and native dialogs. Imports no 'electron'.
 */
import { warmExtractWorkers } from './core/articles';
import { KabarError } from './core/errors';
import { importSources, type ImportSource } from './core/importer';
import { listByQuery, searchQuery, type Library } from './core/store';
import type { HandlerContext } from './handlers';
import type { LibraryHandlers } from '../preload/contract';

// Only web and mail links leave Kabar; anything else could run a local program.
const EXTERNAL = /^(https?:|mailto:)/i;

function importer(library: Library, ctx: HandlerContext) {
  return (sources: ImportSource[], tags: string[]) =>
    importSources(library, sources, {
      tags,
      fetch: ctx.fetch,
      onProgress: (done, total, source) => ctx.emit('import:progress', { done, total, source }),
    });
}

/** The library domain's handlers (app, articles, tags, search, import, settings, shell) over an opened library. */
export function libraryHandlers(library: Library, ctx: HandlerContext): LibraryHandlers {
  const runImport = importer(library, ctx);
  return {
    'app:info': async () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      systemLocale: ctx.systemLocale,
      mediaBase: ctx.mediaBase,
      recovery: library.recovery,
    }),
    // A smart view adds a query in the search syntax (QUERY_* when it no longer parses).
    'library:list': async (query) => (query.query ? listByQuery(library, { ...query, query: query.query }) : library.list(query)),
    'library:counts': async () => library.counts(),
    'article:get': async (id) => library.get(id),
    'article:delete': async (id) => library.delete(id),
    'article:restore': async (id) => library.restore(id),
    'article:setBookmarked': async (id, on) => library.setBookmarked(id, on),
    'article:setRead': async (id, read) => library.setRead(id, read),
    'article:setProgress': async (id, progress) => {
      library.setProgress(id, progress);
    },
    'trash:empty': async () => library.emptyTrash(),
    'tags:add': async (id, tags) => library.addTags(id, tags),
    'tags:remove': async (id, tags) => library.removeTags(id, tags),
    'tags:rename': async (from, to) => {
      library.renameTag(from, to);
    },
    'tags:merge': async (from, to) => {
      library.mergeTags(from, to);
    },
    'tags:list': async () => library.tags(),
    // The search box takes the query syntax (README "Search syntax"); plain words rank as before.
    'search:query': async (query, limit) => searchQuery(library, query, limit),
    'import:urls': async (urls, tags) => runImport(urls.map((url) => ({ kind: 'url', url })), tags),
    'import:paths': async (paths, tags) => runImport(paths.map((path) => ({ kind: 'path', path })), tags),
    // The user opened the Add dialog (or began a drop): start the extraction workers now, so
    // the batch runs warm (~22 pages/s against ~14 cold). Not at start-up: loading them costs
    // ~1 s of CPU, which on two cores stalled the window while reading and scrolling.
    'import:prepare': async () => {
      void warmExtractWorkers().catch(() => undefined);
    },
    'import:files': async (files, tags) =>
      runImport(files.map((f) => ({ kind: 'bytes', name: f.name, data: f.data })), tags),
    'settings:get': async () => library.settings(),
    'settings:set': async (patch) => library.updateSettings(patch),
    'shell:openExternal': async (url) => {
      if (!EXTERNAL.test(url)) throw new KabarError('INVALID_URL', 'Only web and mail links open outside Kabar.', { url });
      await ctx.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- http(s)/mailto only (EXTERNAL above), checked again by the host
    },
    'dialog:openFiles': async (strings) => ctx.chooseFiles(strings),
    'menu:setStrings': async (strings) => ctx.setMenuStrings(strings),
  };
}
