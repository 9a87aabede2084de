/**
 * Netscape bookmark HTML (every browser, Pinboard, Shaarli, Pocket's ril_export.html). The format
 * is tag soup (`<DT>` and `<p>` never closed), so it is read as a stream of tags rather than a DOM:
 * `<H3>` names the folder whose `<DL>` follows, `<A>` is a bookmark, `<H1>` a Pocket section.
 */
import type { MigrateEntry } from './entry';
import { cleanTags, cleanTitle, entry, toIso } from './entry';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Decodes the character references bookmark files use (numeric ones and the basic named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    out[(m[1] as string).toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function innerText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** Whether HTML text looks like a bookmark export (Netscape doctype, or Pocket's export page). */
export function looksLikeBookmarks(head: string): 'netscape' | 'pocket-html' | undefined {
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(head)) return 'netscape';
  if (/<title>\s*Pocket Export\s*<\/title>/i.test(head) || /<a\s[^>]*\btime_added=/i.test(head)) return 'pocket-html';
  return undefined;
}

// Bounded inner lengths keep a file of unclosed tags linear, not quadratic.
const TOKEN = /<(h[1-6])\b[^>]{0,2000}>([\s\S]{0,4000}?)<\/\1\s*>|<a\b([^>]{0,20000})>([\s\S]{0,20000}?)<\/a\s*>|<(\/?)dl\b[^>]{0,2000}>/gi;

/** The bookmarks of a Netscape or Pocket HTML export, with folders as tags. */
export function bookmarkEntries(html: string, pocket: boolean): MigrateEntry[] {
  const out: MigrateEntry[] = [];
  const folders: (string | null)[] = [];
  let pendingFolder: string | null = null;
  // Pocket writes "Unread" and "Read Archive" as <h1> sections.
  let section = '';
  for (const m of html.matchAll(TOKEN)) {
    const [, heading, headingHtml, aAttrs, aHtml, closing] = m;
    if (heading) {
      const name = cleanTitle(innerText(headingHtml ?? ''));
      if (heading.toLowerCase() === 'h1') section = name;
      else pendingFolder = name || null;
    } else if (aAttrs !== undefined) {
      const attrs = attributes(aAttrs);
      const href = attrs.href ?? '';
      const tags = cleanTags([...folders.filter((f): f is string => Boolean(f)), ...(attrs.tags ?? '').split(',')]);
      // Pocket's export says what was read by its "Read Archive" section; Pinboard's and Kabar's by
      // TOREAD="0"; a browser's bookmark file says nothing (its bookmarks come in unread).
      const read = pocket ? /archive|read/i.test(section) && !/unread/i.test(section) : attrs.toread?.trim() === '0';
      out.push(entry(href, cleanTitle(innerText(aHtml ?? '')), { savedAt: toIso(attrs.add_date ?? attrs.time_added), tags, read }));
    } else if (closing === '') {
      folders.push(pendingFolder);
      pendingFolder = null;
    } else if (closing === '/') {
      folders.pop();
    }
  }
  return out;
}
