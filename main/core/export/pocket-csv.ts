/**
 * Pocket's CSV export (`title,url,time_added,tags,status`; tags joined by `|`; status `unread` or
 * `archive`), which Pocket's importers and wallabag read. Cells are quoted as RFC 4180 asks, and a
 * cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading apostrophe
 * (OWASP's advice against CSV injection), so `=HYPERLINK(…)` in a title stays text.
 */
import type { ArticleMeta } from '../types';
import { isBookmarkable, unixSeconds } from './netscape';

/** The CSV header Pocket writes. */
export const POCKET_HEADER = 'title,url,time_added,tags,status';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text defused, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One article as a Pocket CSV row. */
export function pocketRow(meta: ArticleMeta): string {
  // Pocket separates tags with "|": one inside a tag name would split it.
  const tags = meta.tags.map((t) => t.replace(/\|/g, ' ').trim()).filter(Boolean).join('|');
  return [meta.title, meta.url ?? '', String(unixSeconds(meta.savedAt)), tags, meta.readAt ? 'archive' : 'unread'].map(csvCell).join(',');
}

/** The articles with a web address as Pocket CSV, LF line ends and no final newline, as Pocket writes it. */
export function toPocketCsv(metas: ArticleMeta[]): string {
  return [POCKET_HEADER, ...metas.filter(isBookmarkable).map(pocketRow)].join('\n');
}
