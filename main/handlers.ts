/**
 * Contract → core: one handler per invoke channel. Imports no 'electron', so the browser
 * harness (tests/e2e/harness.ts) wires the very same object into Chromium.
 */
import { warmExtractWorkers } from './core/articles';
import { KabarError } from './core/errors';
import { importSources, type ImportSource } from './core/importer';
import { openLibrary, type Library } from './core/store';
import { feedHandlers } from './handlers-feeds';
import { translateHandlers } from './handlers-translate';
import type { TranslatorOptions } from './core/translate';
import type { DialogStrings, Events, FeedInvoke, FolderDialogStrings, Invoke, MenuStrings, OpmlImportResult, TranslateInvoke } from '../preload/contract';

/** One handler per channel; a missing channel is a compile error. */
export type Handlers = {
  [C in keyof Invoke]: (...args: Parameters<Invoke[C]>) => Promise<ReturnType<Invoke[C]>>;
};

/** One part's handlers (feeds, translation) and how to release what they hold. */
export interface PartHandlers<I> {
  handlers: { [C in keyof I]: I[C] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };
  close: () => Promise<void>;
}

/** What the handlers need from their host (Electron main, the harness, or a test). */
export interface HandlerContext {
  dataDir: string;
  version: string;
  systemLocale: string;
  /** Base URL the renderer loads captured images from (see AppInfo.mediaBase). */
  mediaBase: string;
  /** Hands an http(s) URL to the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Sends an event to the renderer. */
  emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
  /** Shows the system's open dialog for articles; resolves to the chosen paths. */
  chooseFiles: (strings: DialogStrings) => Promise<string[]>;
  /** Asks for one file to open or to save (OPML); null when cancelled or where there is no dialog. */
  chooseFile?: (strings: DialogStrings, options: FileDialogOptions) => Promise<string | null>;
  /** Rebuilds the native menu with translated labels (a no-op where there is none). */
  setMenuStrings: (strings: MenuStrings) => void;
  /** The network for URL imports (tests pass their own; default: global fetch). */
  fetch?: typeof fetch;
  /** Shows the system's folder dialog (language packs); null when cancelled. Unset: folder installs are refused. */
  chooseFolder?: (strings: FolderDialogStrings) => Promise<string | null>;
  /** Translation engine options (tests point Apertium at a missing binary to run with no engine). */
  translator?: Omit<TranslatorOptions, 'dataDir'>;
}

/** Which file dialog to show: open or save, the extensions offered, a suggested name to save as. */
export interface FileDialogOptions {
  mode: 'open' | 'save';
  extensions: string[];
  defaultName?: string;
}

/** A live handler set over one opened library; `close` flushes and releases it. */
export interface HandlerSet {
  handlers: Handlers;
  library: Library;
  /** Subscribes to the feeds of an OPML file the OS opened Kabar with (file association). */
  importOpmlPath: (path: string) => Promise<OpmlImportResult>;
  close: () => Promise<void>;
}

const EXTERNAL = /^(https?:|mailto:)/i;


function importer(library: Library, ctx: HandlerContext) {
  return (sources: ImportSource[], tags: string[]) =>
    importSources(library, sources, {
      tags,
      fetch: ctx.fetch,
      onProgress: (done, total, source) => ctx.emit('import:progress', { done, total, source }),
    });
}

/** The library, tag, import and shell handlers over an opened library. */
function coreHandlers(library: Library, ctx: HandlerContext): Omit<Handlers, keyof FeedInvoke | keyof TranslateInvoke> {
  const runImport = importer(library, ctx);
  return {
    'app:info': async () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      systemLocale: ctx.systemLocale,
      mediaBase: ctx.mediaBase,
      recovery: library.recovery,
    }),
    'library:list': async (query) => library.list(query),
    'library:counts': async () => library.counts(),
    'article:get': async (id) => library.get(id),
    'article:delete': async (id) => library.delete(id),
    'article:restore': async (id) => library.restore(id),
    'article:setBookmarked': async (id, on) => library.setBookmarked(id, on),
    'article:setRead': async (id, read) => library.setRead(id, read),
    'article:setProgress': async (id, progress) => {
      library.setProgress(id, progress);
    },
    'tags:add': async (id, tags) => library.addTags(id, tags),
    'tags:remove': async (id, tags) => library.removeTags(id, tags),
    'tags:rename': async (from, to) => {
      library.renameTag(from, to);
    },
    'tags:merge': async (from, to) => {
      library.mergeTags(from, to);
    },
    'tags:list': async () => library.tags(),
    'search:query': async (query, limit) => library.search(query, limit),
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

/** Every handler over an opened library, and how to release what the parts hold. */
export function handlersFor(library: Library, ctx: HandlerContext): PartHandlers<Invoke> & Pick<HandlerSet, 'importOpmlPath'> {
  const feeds = feedHandlers(library, ctx);
  const translate = translateHandlers(library, ctx);
  return {
    handlers: { ...coreHandlers(library, ctx), ...feeds.handlers, ...translate.handlers },
    importOpmlPath: feeds.importOpmlPath,
    close: async () => {
      await Promise.all([feeds.close(), translate.close()]);
    },
  };
}

/** Opens the library in ctx.dataDir and returns the handlers over it. */
export async function createHandlers(ctx: HandlerContext): Promise<HandlerSet> {
  // The app holds the write lock while it runs (CLI writes then fail with LIBRARY_LOCKED); a
  // folder it cannot write opens for reading, and writes say LIBRARY_READ_ONLY.
  const library = await openLibrary({ dir: ctx.dataDir, owner: 'app', readOnlyFallback: true });
  const unsubscribe = library.onChange((ids, progressOnly) =>
    ctx.emit('library:changed', progressOnly ? { ids, progressOnly } : { ids }),
  );
  const parts = handlersFor(library, ctx);
  return {
    handlers: parts.handlers,
    importOpmlPath: parts.importOpmlPath,
    library,
    close: async () => {
      unsubscribe();
      await parts.close();
      await library.close();
    },
  };
}
