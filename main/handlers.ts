/**
 * Contract → core: one handler per invoke channel. Imports no 'electron', so the browser
 * harness (tests/e2e/harness.ts) wires the very same object into Chromium.
 */
import { openLibrary, type Library } from './core/store';
import { exportHandlers } from './handlers-export';
import { feedHandlers } from './handlers-feeds';
import { libraryHandlers } from './handlers-library';
import { packHandlers } from './handlers-packs';
import { speechHandlers } from './handlers-speech';
import { migrateHandlers } from './handlers-migrate';
import { syncHandlers } from './handlers-sync';
import { marksHandlers } from './handlers-marks';
import { translateHandlers } from './handlers-translate';
import type { SecretBox } from './core/sync';
import type { TranslatorOptions } from './core/translate';
import type { DialogStrings, Events, FolderDialogStrings, Handlers, MenuStrings, OpmlImportResult } from '../preload/contract';

export type { Handlers } from '../preload/contract';

/** One domain's handlers (feeds, translation…) and how to release what they hold. */
export interface PartHandlers<H> {
  handlers: H;
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
  /** Keeps the sync password: Electron's safeStorage in the app; unset: an owner-only (0600) file. */
  secretBox?: SecretBox;
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

/** Every handler over an opened library, and how to release what the parts hold. */
export function handlersFor(library: Library, ctx: HandlerContext): PartHandlers<Handlers> & Pick<HandlerSet, 'importOpmlPath'> {
  const sync = syncHandlers(library, ctx);
  const feeds = feedHandlers(library, ctx, sync.afterRefresh);
  const translate = translateHandlers(library, ctx);
  const packs = packHandlers(library, ctx);
  const speech = speechHandlers(ctx);
  const migrate = migrateHandlers(library, ctx);
  // One entry per domain: the object must cover every channel of the contract (a compile error otherwise).
  const handlers: Handlers = {
    ...libraryHandlers(library, ctx),
    ...feeds.handlers,
    ...translate.handlers,
    ...packs.handlers,
    ...speech.handlers,
    ...exportHandlers(library, ctx),
    ...migrate.handlers,
    ...sync.handlers,
    ...marksHandlers(library),
  };
  return {
    handlers,
    importOpmlPath: feeds.importOpmlPath,
    close: async () => {
      await Promise.all([feeds.close(), translate.close(), packs.close(), speech.close(), migrate.close(), sync.close()]);
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
