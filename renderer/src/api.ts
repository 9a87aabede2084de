/**
 * The only module that touches `window.kabar`. It unwraps each `Wire` and throws an
 * `ApiError` that keeps the error's code and params, so the interface can translate it
 * (`errors.<code>`); components and stores import `api` and never see the bridge.
 */
import type { Api } from '../../preload/index';
import type {
  DialogStrings,
  DroppedFile,
  FeedOptions,
  FeedScope,
  EventChannel,
  Events,
  FolderDialogStrings,
  ListQuery,
  MenuStrings,
  Settings,
  UserError,
  Wire,
} from '../../preload/contract';

declare global {
  interface Window {
    /** The preload bridge (preload/index.ts); use `api` from this module instead. */
    kabar: Api;
  }
}

/** An error from main, with the code the interface translates and its parameters. */
export class ApiError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(error: UserError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.params = error.params ?? {};
  }
}

/** Resolves to the value, or throws an ApiError carrying the code and params. */
export async function unwrap<T>(wire: Promise<Wire<T>>): Promise<T> {
  const result = await wire;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

// Looked up per call, so a bridge installed after this module loads (a test, the harness) still works.
const k = (): Api => window.kabar;

/** Every contract call, as plain promises of values. */
export const api = {
  appInfo: () => unwrap(k().appInfo()),
  listArticles: (query: ListQuery) => unwrap(k().listArticles(query)),
  counts: () => unwrap(k().counts()),
  getArticle: (id: string) => unwrap(k().getArticle(id)),
  deleteArticle: (id: string) => unwrap(k().deleteArticle(id)),
  restoreArticle: (id: string) => unwrap(k().restoreArticle(id)),
  setBookmarked: (id: string, on: boolean) => unwrap(k().setBookmarked(id, on)),
  setRead: (id: string, read: boolean) => unwrap(k().setRead(id, read)),
  setProgress: (id: string, progress: number) => unwrap(k().setProgress(id, progress)),
  addTags: (id: string, tags: string[]) => unwrap(k().addTags(id, tags)),
  removeTags: (id: string, tags: string[]) => unwrap(k().removeTags(id, tags)),
  renameTag: (from: string, to: string) => unwrap(k().renameTag(from, to)),
  mergeTags: (from: string[], to: string) => unwrap(k().mergeTags(from, to)),
  listTags: () => unwrap(k().listTags()),
  searchArticles: (query: string, limit: number) => unwrap(k().searchArticles(query, limit)),
  importUrls: (urls: string[], tags: string[]) => unwrap(k().importUrls(urls, tags)),
  importPaths: (paths: string[], tags: string[]) => unwrap(k().importPaths(paths, tags)),
  importFiles: (files: DroppedFile[], tags: string[]) => unwrap(k().importFiles(files, tags)),
  prepareImport: () => unwrap(k().prepareImport()),
  getSettings: () => unwrap(k().getSettings()),
  setSettings: (patch: Partial<Settings>) => unwrap(k().setSettings(patch)),
  openExternal: (url: string) => unwrap(k().openExternal(url)), // eng-disable OPEN_EXTERNAL_JS_CHECK -- an IPC call; main checks the scheme
  chooseFiles: (strings: DialogStrings) => unwrap(k().chooseFiles(strings)),
  setMenuStrings: (strings: MenuStrings) => unwrap(k().setMenuStrings(strings)),
  // Translation (issue 5).
  translationEngines: () => unwrap(k().translationEngines()),
  translateArticle: (id: string, to: string, engine: string | null) => unwrap(k().translateArticle(id, to, engine)),
  cancelTranslation: (id: string) => unwrap(k().cancelTranslation(id)),
  setSourceLang: (id: string, lang: string) => unwrap(k().setSourceLang(id, lang)),
  installPackFromFolder: (strings: FolderDialogStrings) => unwrap(k().installPackFromFolder(strings)),
  installPackFromUrl: (url: string, packId: string | null) => unwrap(k().installPackFromUrl(url, packId)),
  removePack: (packId: string) => unwrap(k().removePack(packId)),
  listFeeds: () => unwrap(k().listFeeds()),
  subscribeFeed: (url: string, folder: string[]) => unwrap(k().subscribeFeed(url, folder)),
  refreshFeeds: (ids: string[] | null) => unwrap(k().refreshFeeds(ids)),
  cancelFeedRefresh: () => unwrap(k().cancelFeedRefresh()),
  renameFeed: (id: string, title: string) => unwrap(k().renameFeed(id, title)),
  setFeedFolder: (id: string, folder: string[]) => unwrap(k().setFeedFolder(id, folder)),
  renameFeedFolder: (from: string[], to: string[]) => unwrap(k().renameFeedFolder(from, to)),
  setFeedOptions: (id: string, options: FeedOptions) => unwrap(k().setFeedOptions(id, options)),
  removeFeed: (id: string) => unwrap(k().removeFeed(id)),
  markFeedsRead: (scope: FeedScope) => unwrap(k().markFeedsRead(scope)),
  importOpml: (strings: DialogStrings) => unwrap(k().importOpml(strings)),
  exportOpml: (strings: DialogStrings) => unwrap(k().exportOpml(strings)),
  pathForFile: (file: File): string => k().pathForFile(file),
  on: <E extends EventChannel>(event: E, callback: (payload: Events[E]) => void): (() => void) => k().on(event, callback),
};

let mediaBase = 'kabar-media://media/';

/** Sets where captured images are served from (AppInfo.mediaBase), once at start-up. */
export function setMediaBase(base: string): void {
  mediaBase = base;
}

/** The URL of a captured image (a block's `media` file name) for <img src>. */
export function mediaUrl(name: string): string {
  return `${mediaBase}${encodeURIComponent(name)}`;
}
