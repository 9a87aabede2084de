/** The feed tree of the sidebar: folders (nested by path) holding feeds, each sorted by name in the interface locale. */
import type { FeedView } from '../../../../preload/contract';

/** One folder and what it holds. */
export interface FolderNode {
  name: string;
  /** Path from the top, outermost first ([] for the root). */
  path: string[];
  /** Key of the folder in FeedList.folders and in the collapsed set. */
  key: string;
  unread: number;
  folders: FolderNode[];
  feeds: FeedView[];
}

/** A folder path's key: the parts joined by " / " (as the core's unread counts key them). */
export function folderKey(path: string[]): string {
  return path.join(' / ');
}

/** Builds the tree; `unread` gives each folder's count (subfolders included). */
export function buildTree(feeds: FeedView[], unread: Record<string, number>, locale: string): FolderNode {
  const root: FolderNode = { name: '', path: [], key: '', unread: 0, folders: [], feeds: [] };
  const nodeAt = (path: string[]): FolderNode => {
    let node = root;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = folderKey(path.slice(0, depth));
      let child = node.folders.find((f) => f.key === key);
      if (!child) {
        child = { name: path[depth - 1] as string, path: path.slice(0, depth), key, unread: unread[key] ?? 0, folders: [], feeds: [] };
        node.folders.push(child);
      }
      node = child;
    }
    return node;
  };
  for (const feed of feeds) {
    nodeAt(feed.folder).feeds.push(feed);
    root.unread += feed.unread;
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sort = (node: FolderNode): void => {
    node.folders.sort((a, b) => collator.compare(a.name, b.name));
    node.feeds.sort((a, b) => collator.compare(a.title, b.title));
    node.folders.forEach(sort);
  };
  sort(root);
  return root;
}

/** Ids of the feeds in a folder and its subfolders. */
export function feedsUnder(feeds: FeedView[], path: string[]): string[] {
  return feeds.filter((f) => path.every((part, i) => f.folder[i] === part)).map((f) => f.id);
}

/** Parses "News / Local" (or "News/Local") into a folder path; blank parts are dropped. */
export function parseFolder(text: string): string[] {
  return text
    .split('/')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
