/**
 * The one window and the fences around it: sandboxed renderer with context isolation, a
 * strict CSP, no navigation away from our page, no new windows, no webviews, no
 * permissions. Links to the web go to the system browser.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BrowserWindow, screen, shell, type Session, type WebContents } from 'electron';
import { cspFor, isOwnRendererUrl, isWebUrl, type RendererTarget } from './security';
import { parseWindowState, type WindowState } from './window-state';

/** What the window needs from the composition root. */
export interface MainWindowOptions {
  /** Absolute path of the built CommonJS preload (out/preload/index.cjs). */
  preload: string;
  target: RendererTarget;
  /** Where bounds are remembered between runs. */
  stateFile: string;
}

/** Creates, guards and loads the main window; it shows itself once painted. */
export function createMainWindow({ preload, target, stateFile }: MainWindowOptions): BrowserWindow {
  const state = loadState(stateFile);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 400,
    title: 'Kabar',
    show: false,
    webPreferences: {
      // The bridge: a sandboxed CommonJS preload exposing named methods only (preload/index.ts), no ipcRenderer.
      preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: contextIsolation + sandbox, nothing but named invokes crosses
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in a new window; the open handler refuses those anyway, but be explicit.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  guardContents(win.webContents, target);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveState(stateFile, win));
  void (target.kind === 'file' ? win.loadFile(target.path) : win.loadURL(target.url));
  return win;
}

/** Keeps a webContents on our page: navigation, redirects, popups and webviews are refused. */
export function guardContents(contents: WebContents, target: RendererTarget): void {
  contents.on('will-navigate', (event) => {
    if (isOwnRendererUrl(target, event.url)) return;
    event.preventDefault();
    // A plain link click in an article means "open this page", so give it to the browser.
    if (isWebUrl(event.url)) void shell.openExternal(event.url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- http(s) only (isWebUrl)
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnRendererUrl(target, event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- http(s) only (isWebUrl)
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide fences: the CSP header, no permissions, no downloads. */
export function secureSession(ses: Session, dev: boolean): void {
  const csp = cspFor(dev);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the server sent so ours is the one that applies.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

function loadState(file: string): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // First run: no file yet.
  }
  return parseWindowState(text, screen.getAllDisplays().map((d) => d.workArea));
}

function saveState(file: string, win: BrowserWindow): void {
  const b = win.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state));
  } catch (error) {
    console.warn('[window] could not remember bounds:', error);
  }
}
