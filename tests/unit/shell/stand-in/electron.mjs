/**
 * A recording stand-in for Electron's main-process API, for the built-bundle smoke test
 * only (Electron's binary is absent on our machines; DESIGN.md §7). It implements just
 * what main/ asks for and records every call in `log`; `drive` lets run-main.mjs play
 * Electron's part (ready, app events, handlers). Anything main calls that is missing here
 * fails loudly, which is the point.
 */
import { EventEmitter } from 'node:events';

/** Everything the shell asked for, in order. */
export const log = {
  /** @type {{ name: string, args: unknown[], ready: boolean }[]} */ calls: [],
  /** @type {FakeBrowserWindow[]} */ windows: [],
  /** @type {Map<string, Function>} */ ipcHandlers: new Map(),
  /** @type {Map<string, Function>} */ protocols: new Map(),
  /** @type {unknown[]} */ menus: [],
  session: {
    /** @type {Function | null} */ onHeadersReceived: null,
    /** @type {Function | null} */ permissionRequest: null,
    /** @type {Function | null} */ permissionCheck: null,
    emitter: new EventEmitter(),
  },
};

let ready = false;
const record = (name, ...args) => log.calls.push({ name, args, ready });
const env = process.env;

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  /** @type {Function | null} */ windowOpenHandler = null;
  /** @type {{ channel: string, payload: unknown }[]} */ sent = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
}

/** Records its options and what it is asked to load. */
class FakeBrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    /** @type {{ kind: 'file' | 'url', target: string }[]} */ this.loads = [];
    this.destroyed = false;
    log.windows.push(this);
    record('BrowserWindow', options);
  }
  loadFile(path) {
    this.loads.push({ kind: 'file', target: path });
    return Promise.resolve();
  }
  loadURL(url) {
    this.loads.push({ kind: 'url', target: url });
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}
export { FakeBrowserWindow as BrowserWindow };

class FakeApp extends EventEmitter {
  isPackaged = env.STAND_IN_PACKAGED === '1';
  /** @type {Record<string, string>} */ paths = { userData: env.STAND_IN_USER_DATA ?? '/nonexistent/userData' };
  #ready = deferred();
  getPath(name) {
    record('app.getPath', name);
    return this.paths[name];
  }
  setPath(name, value) {
    record('app.setPath', name, value);
    this.paths[name] = value;
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  getLocale() {
    return 'en-US';
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return env.STAND_IN_LOCK !== '0';
  }
  quit() {
    record('app.quit');
  }
  whenReady() {
    return this.#ready.promise;
  }
  isReady() {
    return ready;
  }
  /** Driver only: Electron finished starting. */
  _becomeReady() {
    ready = true;
    this.emit('ready');
    this.#ready.resolve();
  }
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

export const app = new FakeApp();

export const ipcMain = {
  handle(channel, handler) {
    if (log.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    log.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    log.ipcHandlers.delete(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    // Electron throws here after ready; so does the stand-in.
    if (ready) throw new Error('registerSchemesAsPrivileged must be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    record('protocol.handle', scheme);
    log.protocols.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(filterOrListener, maybeListener) {
        log.session.onHeadersReceived = maybeListener ?? filterOrListener;
      },
    },
    setPermissionRequestHandler(handler) {
      log.session.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      log.session.permissionCheck = handler;
    },
    on(event, listener) {
      log.session.emitter.on(event, listener);
    },
  },
};

export const shell = {
  openExternal(url) {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    log.menus.push(menu);
  },
};

export const screen = {
  getAllDisplays() {
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  },
};

export const dialog = {
  showOpenDialog: async (...args) => {
    record('dialog.showOpenDialog', ...args.filter((a) => !(a instanceof FakeBrowserWindow)));
    return { canceled: true, filePaths: [] };
  },
  showErrorBox(title, content) {
    record('dialog.showErrorBox', title, content);
  },
};

/** A keyring-less Linux: safeStorage cannot really encrypt, so the app keeps the sync password in an owner-only file. */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('safeStorage is not available');
  },
  decryptString: () => {
    throw new Error('safeStorage is not available');
  },
};

export default { app, BrowserWindow: FakeBrowserWindow, ipcMain, protocol, session, shell, Menu, screen, dialog, safeStorage };
