/**
 * Composition root of the Electron main process: one `setupX()` per feature, called in
 * order; the window comes last. The library opens while Electron starts, and IPC waits
 * for it, so the window never waits for the disk.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, session, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { KabarError } from './core/errors';
import { createHandlers, type FileDialogOptions, type HandlerSet } from './handlers';
import { keychainBox } from './secret-box';
import { registerIpc } from './ipc';
import { handleMediaProtocol, registerMediaScheme } from './media';
import { setupMenu } from './menu';
import { openWith, opmlPathsIn, readyOnFirstFeedList } from './open-with';
import { resolveDataDir } from './paths';
import { isExternalUrl, isOwnRendererUrl, MEDIA_HOST, MEDIA_SCHEME, rendererTarget, type RendererTarget } from './security';
import { createMainWindow, secureSession } from './window';
import type { DialogStrings, Events, FolderDialogStrings, MenuStrings } from '../preload/contract';

// Resolved from this built file (out/main/index.js), so it holds wherever the app is unpacked.
const OUT_DIR = fileURLToPath(new URL('..', import.meta.url));
const dev = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
let relabelMenu: ((strings: MenuStrings) => void) | null = null;

function setupDataDir(): string {
  const dataDir = resolveDataDir({
    argv: process.argv,
    env: process.env,
    userData: app.getPath('userData'),
    cwd: process.cwd(),
  });
  // Chromium's profile and the single-instance lock follow the library, so two libraries
  // can be open at once while one library never gets two writers.
  app.setPath('userData', dataDir);
  return dataDir;
}

function setupSingleInstance(openFiles: (paths: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // A second launch (e.g. double-clicking an .opml file) hands its arguments to this one.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles(opmlPathsIn(argv.slice(1), workingDirectory));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  return true;
}

function emit<E extends keyof Events>(event: E, payload: Events[E]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
}

async function chooseFiles(strings: DialogStrings): Promise<string[]> {
  const options = {
    title: strings.title,
    buttonLabel: strings.button,
    properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
    filters: [{ name: strings.filterName, extensions: ['txt', 'html', 'htm', 'xhtml'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function chooseFolder(strings: FolderDialogStrings): Promise<string | null> {
  const options = { title: strings.title, buttonLabel: strings.button, properties: ['openDirectory'] as 'openDirectory'[] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseFile(strings: DialogStrings, options: FileDialogOptions): Promise<string | null> {
  const filters = [{ name: strings.filterName, extensions: options.extensions }];
  const common = { title: strings.title, buttonLabel: strings.button, filters };
  if (options.mode === 'save') {
    const save = { ...common, ...(options.defaultName ? { defaultPath: options.defaultName } : {}) };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, save) : await dialog.showSaveDialog(save);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const open = { ...common, properties: ['openFile'] as 'openFile'[] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, open) : await dialog.showOpenDialog(open);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function setupHandlers(dataDir: string): Promise<HandlerSet> {
  const opened = createHandlers({
    dataDir,
    version: app.getVersion(),
    systemLocale: app.getLocale(),
    mediaBase: `${MEDIA_SCHEME}://${MEDIA_HOST}/`,
    openExternal: async (url) => {
      if (!isExternalUrl(url)) throw new KabarError('INVALID_URL', `Refusing to open ${url}`, { url });
      await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- http(s)/mailto only (isExternalUrl above)
    },
    emit,
    chooseFiles,
    chooseFolder,
    chooseFile,
    setMenuStrings: (strings) => relabelMenu?.(strings),
    secretBox: keychainBox(),
  });
  // Logged here; each IPC call still answers with the error, so the renderer can show it.
  opened.catch((error: unknown) => console.error('[main] opening the library failed:', error));
  return opened;
}

function setupIpc(opened: Promise<HandlerSet>, target: RendererTarget): void {
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      mainWindow !== null &&
      !mainWindow.isDestroyed() &&
      event.sender === mainWindow.webContents &&
      frame !== null &&
      frame.parent === null &&
      isOwnRendererUrl(target, frame.url)
    );
  };
  registerIpc({ handlers: async () => (await opened).handlers, isTrustedSender });
}

function setupLifecycle(opened: Promise<HandlerSet>): void {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Hold the quit until the store has flushed; then quit for real.
    event.preventDefault();
    opened
      .then((set) => set.close())
      .catch((error: unknown) => console.error('[main] closing the library failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function createWindow(target: RendererTarget, dataDir: string): void {
  mainWindow = createMainWindow({
    preload: join(OUT_DIR, 'preload', 'index.cjs'),
    target,
    stateFile: join(dataDir, 'window-state.json'),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function main(): void {
  const dataDir = setupDataDir();
  let openFiles: (paths: string[]) => void = () => undefined;
  if (!setupSingleInstance((paths) => openFiles(paths))) return;
  registerMediaScheme();
  const target = rendererTarget({
    htmlPath: join(OUT_DIR, 'renderer', 'index.html'),
    devUrl: process.env.ELECTRON_RENDERER_URL,
    packaged: app.isPackaged,
  });
  const { opened, ready } = readyOnFirstFeedList(setupHandlers(dataDir));
  const open = openWith({ opened, windowReady: ready, emit });
  openFiles = (paths) => void open(paths);
  // macOS sends files as events (before or after ready); elsewhere they arrive in argv.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  openFiles(opmlPathsIn(process.argv.slice(1), process.cwd()));
  setupIpc(opened, target);
  setupLifecycle(opened);
  void app.whenReady().then(() => {
    secureSession(session.defaultSession, dev);
    handleMediaProtocol(dataDir);
    relabelMenu = setupMenu({
      dev,
      mac: process.platform === 'darwin',
      send: (command) => emit('menu:command', { command }),
    }).setStrings;
    createWindow(target, dataDir);
    app.on('activate', () => {
      if (!mainWindow) createWindow(target, dataDir);
    });
  });
}

main();
