/**
 * OPML: import (feedsmith's parser; nested outlines become folder paths) and export (a small
 * writer: attribute escaping is all OPML needs). Kabar's own settings ride along as
 * `kabarFullText` / `kabarKeepDays` attributes, so export → import loses nothing.
 */
import { parseOpml } from 'feedsmith';
import { decodeBytes } from '../articles';
import type { Library } from '../store';
import { FeedError } from './errors';
import { feedId, readFeeds, type FeedRecord } from './model';
import { absoluteUrl } from './parse-values';
import { newFeed } from './subscribe';

/** One feed found in an OPML file. */
export interface OpmlFeed {
  url: string;
  title: string;
  siteUrl?: string;
  description?: string;
  folder: string[];
  fullText?: boolean;
  keepDays?: number | null;
}

/** A parsed OPML document. */
export interface OpmlDocument {
  title?: string;
  feeds: OpmlFeed[];
}

type Outline = Record<string, unknown> & { outlines?: Outline[] };

const EXTRA = ['kabarFullText', 'kabarKeepDays', 'kabarId'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Parses OPML bytes. Malformed files: FEED_MALFORMED with the parser's reason, never a crash. */
export function parseOpmlBytes(bytes: Uint8Array): OpmlDocument {
  const decoded = decodeBytes(bytes).text.replace(/^\uFEFF/, '').trimStart();
  let doc;
  try {
    doc = parseOpml(decoded, { extraOutlineAttributes: EXTRA });
  } catch (error) {
    throw new FeedError('FEED_MALFORMED', `This OPML file cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, folder: string[]): void => {
    for (const o of outlines ?? []) {
      // type="source" lists another subscription list, not a feed (listparser's reading).
      const url = text(o.type)?.toLowerCase() === 'source' ? undefined : absoluteUrl(text(o.xmlUrl) ?? text(o.xmlurl), undefined);
      const label = text(o.text) ?? text(o.title);
      if (url) {
        if (!seen.has(url)) {
          seen.add(url);
          const keep = Number(o.kabarKeepDays);
          const siteUrl = absoluteUrl(text(o.htmlUrl), undefined);
          const description = text(o.description);
          feeds.push({
            url,
            title: label ?? url,
            folder,
            ...(siteUrl ? { siteUrl } : {}),
            ...(description ? { description } : {}),
            ...(o.kabarFullText === 'true' ? { fullText: true } : {}),
            ...(Number.isInteger(keep) && keep > 0 ? { keepDays: keep } : {}),
          });
        }
        walk(o.outlines, folder); // a feed outline with children: keep the children too
      } else {
        walk(o.outlines, label ? [...folder, label] : folder);
      }
    }
  };
  walk(doc.body?.outlines as Outline[] | undefined, []);
  return { ...(text(doc.head?.title) ? { title: text(doc.head?.title) } : {}), feeds };
}

/** Adds the feeds of an OPML file that are not subscribed yet (they are fetched on the next refresh). */
export function importOpml(library: Library, bytes: Uint8Array, now: Date): { added: FeedRecord[]; existing: number; total: number } {
  const doc = parseOpmlBytes(bytes);
  const known = new Set(readFeeds(library).map((f) => f.id));
  const added: FeedRecord[] = [];
  for (const f of doc.feeds) {
    const id = feedId(f.url);
    if (known.has(id)) continue;
    known.add(id);
    const feed = newFeed(
      f.url,
      {
        title: f.title,
        renamed: true,
        folder: f.folder,
        fullText: f.fullText ?? false,
        keepDays: f.keepDays ?? null,
        ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
        ...(f.description ? { description: f.description } : {}),
      },
      now,
    );
    added.push(feed);
  }
  if (added.length > 0) library.saveFeeds([...library.feedRecords(), ...added.map((f) => ({ ...f }))]);
  return { added, existing: doc.feeds.length - added.length, total: doc.feeds.length };
}

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- these control characters are what must go
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function esc(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function outline(feed: OpmlFeed, indent: string): string {
  const attrs: [string, string | undefined][] = [
    ['type', 'rss'],
    ['text', feed.title],
    ['title', feed.title],
    ['xmlUrl', feed.url],
    ['htmlUrl', feed.siteUrl],
    ['description', feed.description],
    ['kabarFullText', feed.fullText ? 'true' : undefined],
    ['kabarKeepDays', feed.keepDays ? String(feed.keepDays) : undefined],
  ];
  return `${indent}<outline ${attrs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${esc(v as string)}"`).join(' ')}/>`;
}

/** OPML 2.0 text of feeds, folders as nested outlines (in first-seen order). */
export function writeOpml(feeds: OpmlFeed[], opts: { title?: string; now?: Date } = {}): string {
  interface Node {
    folders: Map<string, Node>;
    feeds: OpmlFeed[];
  }
  const root: Node = { folders: new Map(), feeds: [] };
  for (const f of feeds) {
    let node = root;
    for (const part of f.folder) {
      let next = node.folders.get(part);
      if (!next) {
        next = { folders: new Map(), feeds: [] };
        node.folders.set(part, next);
      }
      node = next;
    }
    node.feeds.push(f);
  }
  const lines: string[] = [];
  const emit = (node: Node, indent: string): void => {
    for (const f of node.feeds) lines.push(outline(f, indent));
    for (const [name, child] of node.folders) {
      lines.push(`${indent}<outline text="${esc(name)}" title="${esc(name)}">`);
      emit(child, `${indent}  `);
      lines.push(`${indent}</outline>`);
    }
  };
  emit(root, '    ');
  const head = [`    <title>${esc(opts.title ?? 'Kabar subscriptions')}</title>`];
  if (opts.now) head.push(`    <dateCreated>${opts.now.toUTCString()}</dateCreated>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>', ...head, '  </head>', '  <body>', ...lines, '  </body>', '</opml>', ''].join('\n');
}

/** The library's subscriptions as OPML. */
export function exportOpml(library: Library, now: Date): string {
  const feeds = readFeeds(library).map(
    (f): OpmlFeed => ({
      url: f.url,
      title: f.title,
      folder: f.folder,
      ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}),
      ...(f.description ? { description: f.description } : {}),
      ...(f.fullText ? { fullText: true } : {}),
      ...(f.keepDays ? { keepDays: f.keepDays } : {}),
    }),
  );
  return writeOpml(feeds, { now });
}
