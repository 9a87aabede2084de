/** Server items → the feeds pipeline's ParsedItem (so they become articles exactly like feed stories), and their state. */
import type { ParsedItem } from '../feeds';
import { LABEL, READ, STARRED } from './client';
import { Item, shortId, type GItem } from './shapes';

/** An item's state as the server reports it. */
export interface ServerState {
  read: boolean;
  starred: boolean;
  /** User labels (folders left out). */
  labels: string[];
}

/** Reads one raw item; undefined when it is not an item (it is skipped, the others go on). */
export function readItem(raw: unknown): GItem | undefined {
  const parsed = Item.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The item as the feeds pipeline knows items. */
export function toParsedItem(item: GItem): ParsedItem {
  const link = item.canonical?.[0]?.href || item.alternate?.[0]?.href || undefined;
  const html = item.content?.content ?? item.summary?.content;
  const parsed: ParsedItem = { guid: `greader:${shortId(item.id)}`, enclosures: [] };
  if (link && /^https?:/i.test(link)) parsed.link = link;
  if (item.title) parsed.title = item.title;
  if (html) parsed.content = html;
  if (item.author) parsed.author = item.author;
  if (typeof item.published === 'number' && item.published > 0) parsed.publishedAt = new Date(item.published * 1000).toISOString();
  return parsed;
}

/** When the server stored the item (its clock, seconds): the `ot` watermark moves with it. */
export function crawlSeconds(item: GItem): number {
  if (item.crawlTimeMsec !== undefined) return Math.floor(Number(item.crawlTimeMsec) / 1000);
  if (item.timestampUsec !== undefined) return Math.floor(Number(item.timestampUsec) / 1_000_000);
  return 0;
}

/** Read, starred and labels from an item's categories; labels that are folders are not tags. */
export function stateOf(item: GItem, folders: Set<string>): ServerState {
  const categories = item.categories ?? [];
  const labels = categories
    .map((c) => labelName(c))
    .filter((name): name is string => name !== undefined && !folders.has(name));
  return { read: categories.includes(READ), starred: categories.includes(STARRED), labels };
}

/** The label name of a `user/-/label/…` or `user/<id>/label/…` stream; undefined for anything else. */
export function labelName(stream: string): string | undefined {
  if (stream.startsWith(LABEL)) return stream.slice(LABEL.length);
  const m = /^user\/[^/]+\/label\/(.+)$/.exec(stream);
  return m?.[1];
}
