/** How CLI results are printed: one JSON document with --json, readable lines otherwise. */
import type { ArticleMeta, ImportSummary, SearchHit, SnippetPart } from '../core/types';

/** A command's result: the JSON document, and the same for people. */
export interface CommandResult {
  json: unknown;
  text: string;
  /** Non-zero when some of the work failed (e.g. one import out of three). */
  exitCode?: number;
}

/** One article as a list line: id, language, date, title and tags. */
export function metaLine(meta: ArticleMeta): string {
  const flags = `${meta.readAt ? ' ' : '•'}${meta.bookmarked ? '★' : ' '}`;
  const tags = meta.tags.length ? `  [${meta.tags.join(', ')}]` : '';
  return `${meta.id.slice(0, 10)} ${flags} ${meta.lang.padEnd(3)} ${meta.savedAt.slice(0, 10)}  ${meta.title}${tags}`;
}

/** Snippet parts with hits shown as «…» on a terminal. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `«${p.text}»` : p.text)).join('');
}

/** Search hits as text. */
export function hitsText(hits: SearchHit[]): string {
  if (hits.length === 0) return 'No articles match.';
  return hits.map((h) => `${h.id.slice(0, 10)}  ${snippetText(h.title)}\n    ${snippetText(h.snippet)}`).join('\n');
}

/** An import summary as text, one line per source. */
export function importText(summary: ImportSummary): string {
  const lines = summary.results.map((r) =>
    r.ok ? `${r.created ? 'imported ' : 'already saved'}  ${r.id.slice(0, 10)}  ${r.title}` : `failed    ${r.source}: ${r.error.message}`,
  );
  lines.push(`${summary.imported} imported, ${summary.duplicates} already saved, ${summary.failed} failed`);
  return lines.join('\n');
}
