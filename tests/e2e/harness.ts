/**
 * The browser tier (DESIGN.md §7): the BUILT renderer in Chromium, served over a local
 * static server, with `window.kabar` wired to the real main/handlers.ts over a real store
 * in `dataDir`. Everything but Electron itself is the real thing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { createHandlers, type FileDialogOptions, type HandlerContext, type HandlerSet } from '../../main/handlers';
import { answer } from '../../main/wire';
import type { Channel, DialogStrings, Events, FolderDialogStrings, MenuStrings } from '../../preload/contract';
import { bridgeInitScript, decodeArgs, readBridgeDoors } from './bridge';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { serveRenderer, type StaticServer } from './static-server';

/** The repository root and the build the harness serves. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT = join(ROOT, 'out');

/** How to open the app. */
export interface OpenAppOptions {
  dataDir: string;
  /** The OS locale the app sees (default en-US). */
  locale?: string;
  /** The network URL imports use (default: the real fetch). */
  fetch?: typeof fetch;
  /** Viewport size (default 1280×800). */
  viewport?: { width: number; height: number };
  /** Translation engine options (e.g. Apertium pointed at a missing binary: no engine). */
  translator?: HandlerContext['translator'];
}

/** What the host did for the app: external links opened, files offered, menus relabelled. */
export interface HostRecord {
  opened: string[];
  menuStrings: MenuStrings[];
  dialogs: DialogStrings[];
  /** Paths the next "Choose files…" dialog returns. */
  nextChosenFiles: string[];
  /** The folder the next folder dialog returns (null: the user cancels). */
  nextChosenFolder: string | null;
  folderDialogs: FolderDialogStrings[];
  /** The path the next single-file dialog (OPML open or save) returns; null: the user cancels. */
  nextChosenFile: string | null;
  /** The single-file dialogs shown. */
  fileDialogs: { strings: DialogStrings; options: FileDialogOptions }[];
}

/** An open app: the page, the handler set behind it, what the host recorded, and close(). */
export interface OpenApp {
  page: Page;
  set: HandlerSet;
  host: HostRecord;
  origin: string;
  /** What the harness's static server was asked for (renderer files and media). */
  served: string[];
  close: () => Promise<void>;
}

let sharedBrowser: Promise<Browser> | null = null;

function browser(): Promise<Browser> {
  sharedBrowser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return sharedBrowser;
}

function requireBuild(): void {
  for (const file of ['renderer/index.html', 'preload/index.cjs']) {
    if (!existsSync(join(OUT, file))) throw new Error(`out/${file} is missing: run \`npx electron-vite build\` first.`);
  }
}

/** Opens the app over the library in `dataDir`. */
export async function openApp(options: OpenAppOptions): Promise<OpenApp> {
  requireBuild();
  const host: HostRecord = {
    opened: [],
    menuStrings: [],
    dialogs: [],
    nextChosenFiles: [],
    nextChosenFolder: null,
    folderDialogs: [],
    nextChosenFile: null,
    fileDialogs: [],
  };
  let page: Page | null = null;
  const emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    void page?.evaluate(([e, p]) => (window as unknown as { __kabarEmit?: (e: string, p: unknown) => void }).__kabarEmit?.(e, p), [event, payload] as const).catch(() => undefined);
  };
  const set = await createHandlers({
    dataDir: options.dataDir,
    version: '0.0.0-harness',
    systemLocale: options.locale ?? 'en-US',
    mediaBase: '/media/',
    openExternal: async (url) => void host.opened.push(url),
    emit,
    chooseFiles: async (strings) => {
      host.dialogs.push(strings);
      return host.nextChosenFiles.splice(0);
    },
    chooseFolder: async (strings) => {
      host.folderDialogs.push(strings);
      const folder = host.nextChosenFolder;
      host.nextChosenFolder = null;
      return folder;
    },
    chooseFile: async (strings, options) => {
      host.fileDialogs.push({ strings, options });
      const chosen = host.nextChosenFile;
      host.nextChosenFile = null;
      return chosen;
    },
    setMenuStrings: (strings) => void host.menuStrings.push(strings),
    fetch: options.fetch,
    translator: options.translator,
  });
  const server: StaticServer = await serveRenderer(join(OUT, 'renderer'), join(options.dataDir, 'media'));
  const context = await (await browser()).newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  page = await context.newPage();
  await page.exposeFunction('__kabarInvoke', async (channel: Channel, argsJson: string) =>
    JSON.stringify(await answer(channel, decodeArgs(argsJson), async () => set.handlers)),
  );
  await page.addInitScript(bridgeInitScript(readBridgeDoors(join(OUT, 'preload', 'index.cjs'))));
  await page.goto(`${server.origin}/index.html`);
  return {
    page,
    set,
    host,
    origin: server.origin,
    served: server.requests,
    close: async () => {
      await context.close();
      await server.close();
      await set.close();
    },
  };
}

/** Closes the shared browser (call once, after all specs). */
export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close();
  sharedBrowser = null;
}
