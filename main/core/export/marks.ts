/**
 * Highlights and notes in exports: a section added to the Markdown, HTML and JSON exports, and the
 * notes file per article (YAML front matter with title, url, tags and saved date, then highlights and
 * notes as an outline) that Obsidian and Logseq read as a page with properties.
 */
import type { ArticleMarks, Highlight } from '../highlights';
import type { Article, ArticleMeta } from '../types';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Markdown-inert text on one line (block text may hold line breaks; a bullet must not). */
function inlineText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#=|])/g, '\\$1');
}

/** A YAML double-quoted scalar: JSON's string escapes are valid YAML 1.2 escapes. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** A tag as Obsidian accepts one (no spaces, no '#', ',' or other punctuation it stops at). */
export function obsidianTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/[#,;:!?.'"`()[\]{}<>|\\^*&%$@+=~]/g, '') || 'tag';
}

function labels(h: Highlight): string[] {
  const out: string[] = [h.color];
  if (h.lang) out.push(`translation: ${h.lang}`);
  if (h.detached) out.push('detached: no longer found in the text');
  return out;
}

/** Highlights (newest last, in reading order where placed) as a Markdown section, or '' when there are none. */
export function marksMarkdown(marks: ArticleMarks | undefined): string {
  if (!marks || (marks.highlights.length === 0 && !marks.note)) return '';
  const lines: string[] = [];
  if (marks.note) lines.push('## Note', '', ...marks.note.text.split('\n').map((l) => l.trimEnd()), '');
  if (marks.highlights.length > 0) {
    lines.push('## Highlights', '');
    for (const h of inReadingOrder(marks.highlights)) {
      lines.push(`- ==${inlineText(h.quote.exact)}== (${labels(h).join(', ')})`);
      if (h.note) for (const l of h.note.split('\n')) if (l.trim()) lines.push(`  - ${inlineText(l)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Highlights in the order they appear in the text (originals first, then each translation's, then detached). */
function inReadingOrder(highlights: Highlight[]): Highlight[] {
  const key = (h: Highlight): [number, string, number, number] => [h.detached || !h.anchor ? 2 : h.lang ? 1 : 0, h.lang ?? '', h.anchor?.block ?? 0, h.anchor?.start ?? 0];
  return [...highlights].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2] - y[2] || x[3] - y[3] || a.createdAt.localeCompare(b.createdAt);
  });
}

/** Highlights and the note as an HTML section (escaped), or '' when there are none. */
export function marksHtml(marks: ArticleMarks | undefined): string {
  if (!marks || (marks.highlights.length === 0 && !marks.note)) return '';
  const parts: string[] = ['<section class="kabar-marks">'];
  if (marks.note) parts.push('<h2>Note</h2>', ...marks.note.text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`));
  if (marks.highlights.length > 0) {
    parts.push('<h2>Highlights</h2><ul>');
    for (const h of inReadingOrder(marks.highlights)) {
      const note = h.note ? `<br><small>${escapeHtml(h.note)}</small>` : '';
      parts.push(`<li><mark data-color="${h.color}">${escapeHtml(h.quote.exact)}</mark> <small>(${escapeHtml(labels(h).join(', '))})</small>${note}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** YAML front matter with the article's title, url, tags, saved date, language and Kabar id. */
export function frontMatter(meta: ArticleMeta): string {
  const lines = ['---', `title: ${yamlString(meta.title)}`];
  if (meta.url) lines.push(`url: ${yamlString(meta.url)}`);
  if (meta.tags.length > 0) lines.push('tags:', ...[...new Set(meta.tags.map(obsidianTag))].map((t) => `  - ${yamlString(t)}`));
  lines.push(`saved: ${meta.savedAt.slice(0, 10)}`);
  if (meta.publishedAt) lines.push(`published: ${meta.publishedAt.slice(0, 10)}`);
  if (meta.siteName) lines.push(`site: ${yamlString(meta.siteName)}`);
  lines.push(`lang: ${yamlString(meta.lang)}`, `kabar-id: ${yamlString(meta.id)}`, '---', '');
  return lines.join('\n');
}

/** The notes page of one article: front matter, a link to the source, its note and highlights. */
export function notesMarkdown(article: Pick<Article, keyof ArticleMeta>, marks: ArticleMarks): string {
  const head = [frontMatter(article), `# ${inlineText(article.title)}`, ''];
  if (article.url) head.push(`<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`, '');
  return head.join('\n') + marksMarkdown(marks);
}
