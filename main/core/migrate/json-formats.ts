/**
 * JSON exports: Omnivore metadata, wallabag v1 and v2 (with content and annotations), the old
 * Readability service, Pinboard, Firefox's bookmarks backup and Chrome's `Bookmarks` file.
 */
import type { ImportFormat, MigrateEntry } from './entry';
import { cleanTags, cleanTitle, entry, flag, toIso } from './entry';
import { malformed } from './errors';
import { wallabagHighlights } from './highlights';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** The JSON format a parsed document has, or undefined. */
export function jsonFormatOf(doc: unknown): ImportFormat | undefined {
  if (isRecord(doc)) {
    if (isRecord(doc.roots)) return 'chrome-json';
    if (doc.type === 'text/x-moz-place-container' || (Array.isArray(doc.children) && 'guid' in doc)) return 'firefox-json';
    if (Array.isArray(doc.bookmarks)) return 'readability-json';
    return undefined;
  }
  if (!Array.isArray(doc)) return undefined;
  const first = doc.find(isRecord);
  if (!first) return undefined;
  if ('href' in first && 'description' in first) return 'pinboard-json';
  if ('is_archived' in first || 'is_starred' in first || 'is_read' in first || 'is_fav' in first) return 'wallabag-json';
  if ('slug' in first || 'readingProgress' in first || 'labels' in first) return 'omnivore-json';
  return undefined;
}

/** The entries of a parsed JSON export of `format`. */
export function jsonEntries(format: ImportFormat, doc: unknown): MigrateEntry[] {
  switch (format) {
    case 'chrome-json':
      return chromeEntries(doc);
    case 'firefox-json':
      return firefoxEntries(doc);
    case 'readability-json':
      return records(format, isRecord(doc) ? doc.bookmarks : undefined).map(readabilityEntry);
    case 'pinboard-json':
      return records(format, doc).map(pinboardEntry);
    case 'wallabag-json':
      return records(format, doc).map(wallabagEntry);
    case 'omnivore-json':
      return records(format, doc).map(omnivoreEntry);
    default:
      throw malformed(format, 'not a JSON format');
  }
}

function records(format: string, list: unknown): Json[] {
  if (!Array.isArray(list)) throw malformed(format, 'no list of entries');
  return list.filter(isRecord);
}

function readabilityEntry(r: Json): MigrateEntry {
  return entry(str(r.article__url), cleanTitle(r.article__title), {
    savedAt: toIso(r.date_added),
    read: flag(r.archive) || Boolean(r.date_archived),
    bookmarked: flag(r.favorite),
  });
}

function pinboardEntry(r: Json): MigrateEntry {
  return entry(str(r.href), cleanTitle(r.description), {
    savedAt: toIso(r.time),
    tags: cleanTags(str(r.tags).split(/\s+/)),
    // Pinboard's "toread: yes" is an unread bookmark; every other one the user has read.
    read: str(r.toread) === 'no',
  });
}

// v1 has is_read / is_fav and tags as "a,b"; v2 has is_archived / is_starred and a tag list.
function wallabagEntry(r: Json): MigrateEntry {
  const tags = Array.isArray(r.tags) ? r.tags.map((t) => (isRecord(t) ? str(t.label) : str(t))) : str(r.tags).split(',');
  const content = str(r.content);
  const highlights = wallabagHighlights(r.annotations);
  return entry(str(r.url), cleanTitle(r.title), {
    savedAt: toIso(r.created_at),
    tags: cleanTags(tags),
    read: flag(r.is_archived) || flag(r.is_read),
    bookmarked: flag(r.is_starred) || flag(r.is_fav),
    ...(content.trim() ? { content } : {}),
    ...(typeof r.language === 'string' && r.language ? { lang: r.language } : {}),
    ...(highlights.length > 0 ? { highlights } : {}),
    // Kabar's own field (wallabag has no reading progress); other files never carry it.
    ...(typeof r.reading_progress === 'number' && r.reading_progress > 0 && r.reading_progress <= 1 ? { progress: r.reading_progress } : {}),
    // Kabar's own field too: the note on the whole article (wallabag's annotations are per quote).
    ...(typeof r.kabar_note === 'string' && r.kabar_note.trim() ? { note: r.kabar_note } : {}),
  });
}

function omnivoreEntry(r: Json): MigrateEntry {
  const progress = typeof r.readingProgress === 'number' ? r.readingProgress : Number(r.readingProgress);
  return entry(str(r.url), cleanTitle(r.title), {
    savedAt: toIso(r.savedAt),
    tags: cleanTags(Array.isArray(r.labels) ? r.labels.map((l) => (isRecord(l) ? str(l.name) : str(l))) : []),
    read: /^archived$/i.test(str(r.state)),
    // Omnivore counts progress in percent.
    ...(Number.isFinite(progress) && progress > 0 ? { progress: Math.min(1, progress / 100) } : {}),
  });
}

/** Walks a bookmark tree, giving each bookmark the names of the folders above it. */
function walk(node: unknown, folders: string[], visit: (node: Json, folders: string[]) => void, depth = 0): void {
  if (!isRecord(node) || depth > 100) return;
  visit(node, folders);
  const children = node.children;
  if (!Array.isArray(children)) return;
  const name = cleanTitle(node.title ?? node.name);
  // The browser's own roots (toolbar, menu, "Other bookmarks") are places, not the user's folders.
  const below = depth > 0 && name && !('root' in node) ? [...folders, name] : folders;
  for (const child of children) walk(child, below, visit, depth + 1);
}

function firefoxEntries(doc: unknown): MigrateEntry[] {
  const out: MigrateEntry[] = [];
  walk(doc, [], (node, folders) => {
    if (node.type !== 'text/x-moz-place' || typeof node.uri !== 'string') return;
    out.push(
      entry(node.uri, cleanTitle(node.title), {
        savedAt: toIso(node.dateAdded),
        tags: cleanTags([...folders, ...str(node.tags).split(',')]),
      }),
    );
  });
  return out;
}

function chromeEntries(doc: unknown): MigrateEntry[] {
  const out: MigrateEntry[] = [];
  const roots = isRecord(doc) && isRecord(doc.roots) ? doc.roots : {};
  for (const root of Object.values(roots)) {
    walk(root, [], (node, folders) => {
      if (node.type !== 'url' || typeof node.url !== 'string') return;
      out.push(entry(node.url, cleanTitle(node.name), { savedAt: toIso(node.date_added, 'chrome'), tags: cleanTags(folders) }));
    });
  }
  return out;
}
