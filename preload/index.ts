/**
 * The bridge: named methods over the contract's channels, exposed as `window.kabar`.
 * Built as CommonJS for the sandbox, and imports nothing at runtime but 'electron'
 * (a sandboxed preload cannot load other modules).
 *
 * Methods resolve to the `Wire` itself rather than throwing: an Error thrown across
 * contextBridge arrives with its message only, so `code` and `params` would be lost.
 * renderer/src/api.ts unwraps the Wire and throws an error that keeps them.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type {
  DialogStrings,
  DroppedFile,
  EventChannel,
  Events,
  Invoke,
  ListQuery,
  MenuStrings,
  Settings,
  Wire,
} from './contract';
import { FEED_EVENTS, feedApi } from './api-feeds';
import { TRANSLATE_EVENTS, translateApi } from './api-translate';

function invoke<C extends keyof Invoke>(channel: C, ...args: Parameters<Invoke[C]>): Promise<Wire<ReturnType<Invoke[C]>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<Wire<ReturnType<Invoke[C]>>>;
}

// Events as values let `on` refuse any other channel; `satisfies` keeps the set equal to the contract's.
const EVENTS: Readonly<Record<EventChannel, true>> = {
  ...FEED_EVENTS,
  ...TRANSLATE_EVENTS,
  'library:changed': true,
  'import:progress': true,
  'menu:command': true,
} satisfies Record<EventChannel, true>;

const api = {
  appInfo: () => invoke('app:info'),
  listArticles: (query: ListQuery) => invoke('library:list', query),
  counts: () => invoke('library:counts'),
  getArticle: (id: string) => invoke('article:get', id),
  deleteArticle: (id: string) => invoke('article:delete', id),
  restoreArticle: (id: string) => invoke('article:restore', id),
  setBookmarked: (id: string, on: boolean) => invoke('article:setBookmarked', id, on),
  setRead: (id: string, read: boolean) => invoke('article:setRead', id, read),
  setProgress: (id: string, progress: number) => invoke('article:setProgress', id, progress),
  addTags: (id: string, tags: string[]) => invoke('tags:add', id, tags),
  removeTags: (id: string, tags: string[]) => invoke('tags:remove', id, tags),
  renameTag: (from: string, to: string) => invoke('tags:rename', from, to),
  mergeTags: (from: string[], to: string) => invoke('tags:merge', from, to),
  listTags: () => invoke('tags:list'),
  searchArticles: (query: string, limit: number) => invoke('search:query', query, limit),
  importUrls: (urls: string[], tags: string[]) => invoke('import:urls', urls, tags),
  importPaths: (paths: string[], tags: string[]) => invoke('import:paths', paths, tags),
  importFiles: (files: DroppedFile[], tags: string[]) => invoke('import:files', files, tags),
  prepareImport: () => invoke('import:prepare'),
  getSettings: () => invoke('settings:get'),
  setSettings: (patch: Partial<Settings>) => invoke('settings:set', patch),
  openExternal: (url: string) => invoke('shell:openExternal', url),
  chooseFiles: (strings: DialogStrings) => invoke('dialog:openFiles', strings),
  setMenuStrings: (strings: MenuStrings) => invoke('menu:setStrings', strings),
  ...feedApi(invoke),
  ...translateApi(invoke),

  /** The file-system path of a dropped File ('' when it has none, e.g. pasted data). */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),

  /** Subscribes to one main → renderer event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, callback: (payload: Events[E]) => void): () => void {
    if (!Object.hasOwn(EVENTS, event)) throw new Error(`Unknown event: ${String(event)}`);
    // The IPC event object never reaches the page: it carries `sender`, i.e. ipcRenderer.
    const listener = (_event: IpcRendererEvent, payload: Events[E]): void => callback(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  },
};

/** What `window.kabar` offers the renderer. */
export type Api = typeof api;

contextBridge.exposeInMainWorld('kabar', api);
