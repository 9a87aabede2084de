/**
 * Netscape bookmark HTML (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`): the file every browser, Pinboard,
 * Shaarli, Pocket and wallabag import. One flat list; ADD_DATE is the saved time, TAGS the tags and
 * TOREAD="1"/"0" marks unread/read articles (Pinboard's reading). Only http(s) links are written.
 */
import type { ArticleMeta } from '../types';

function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters would break importers' parsers
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Whether an article can be a bookmark: it needs a web address. */
export function isBookmarkable(meta: ArticleMeta): boolean {
  return meta.url !== undefined && /^https?:\/\//i.test(meta.url);
}

/** Unix seconds of an ISO time (bookmark files and Pocket count in seconds). */
export function unixSeconds(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function line(meta: ArticleMeta): string {
  const url = meta.url as string;
  // Tags are comma-separated in TAGS: a comma inside a tag would split it, so it becomes a space.
  const tags = meta.tags.map((t) => t.replace(/,/g, ' ').trim()).filter(Boolean).join(',');
  const attrs = [`HREF="${escapeHtml(url)}"`, `ADD_DATE="${unixSeconds(meta.savedAt)}"`];
  if (tags) attrs.push(`TAGS="${escapeHtml(tags)}"`);
  // Pinboard's way: TOREAD="1" unread, "0" read, so a reader importing the file (Kabar too) keeps the state.
  attrs.push(`TOREAD="${meta.readAt ? 0 : 1}"`);
  const title = meta.title.replace(/\s+/g, ' ').trim() || url;
  const out = [`    <DT><A ${attrs.join(' ')}>${escapeHtml(title)}</A>`];
  const note = meta.excerpt.replace(/\s+/g, ' ').trim();
  if (note) out.push(`    <DD>${escapeHtml(note)}`);
  return out.join('\n');
}

/** The articles with a web address as a Netscape bookmark file (articles without one cannot be bookmarks). */
export function toNetscape(metas: ArticleMeta[], title = 'Kabar'): string {
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file.',
    '     It will be read and overwritten.',
    '     DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${escapeHtml(title)}</TITLE>`,
    `<H1>${escapeHtml(title)}</H1>`,
    '<DL><p>',
    ...metas.filter(isBookmarkable).map(line),
    '</DL><p>',
    '',
  ].join('\n');
}
