/** Article export formats: Markdown, standalone HTML and JSON, all built from sanitized blocks. */
import type { ArticleMarks } from '../highlights';
import type { Article, Block, Inline } from '../types';
import { frontMatter, marksHtml, marksMarkdown } from './marks';

/** Export formats the CLI and the app offer. */
export type ExportFormat = 'md' | 'html' | 'json';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

const SAFE_HREF = /^(https?:|mailto:)/i;

function inlineMarkdown(runs: Inline[] | undefined, fallback: string): string {
  if (!runs) return escapeMarkdown(fallback);
  return runs
    .map((run) => {
      let text = run.code ? `\`${run.text.replace(/`/g, '')}\`` : escapeMarkdown(run.text);
      if (run.strong) text = `**${text}**`;
      if (run.em) text = `*${text}*`;
      return run.href && SAFE_HREF.test(run.href) ? `[${text}](<${run.href.replace(/[<>]/g, '')}>)` : text;
    })
    .join('');
}

function inlineHtml(runs: Inline[] | undefined, fallback: string): string {
  if (!runs) return escapeHtml(fallback);
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.code) html = `<code>${html}</code>`;
      if (run.strong) html = `<strong>${html}</strong>`;
      if (run.em) html = `<em>${html}</em>`;
      return run.href && SAFE_HREF.test(run.href) ? `<a href="${escapeHtml(run.href)}">${html}</a>` : html;
    })
    .join('');
}

function listItems(block: Block): Inline[][] {
  return block.items ?? block.text.split('\n').map((text) => [{ text }]);
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level ?? 2))} ${inlineMarkdown(block.inline, block.text)}`;
    case 'quote':
      return inlineMarkdown(block.inline, block.text)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return listItems(block)
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item, '')}`)
        .join('\n');
    case 'image':
      return `![${escapeMarkdown(block.alt ?? '')}](<${block.media ? `media/${block.media}` : (block.src ?? '')}>)`;
    case 'caption':
      return `*${escapeMarkdown(block.text)}*`;
    case 'code':
      return '```\n' + block.text.replace(/```/g, '` ` `') + '\n```';
    case 'paragraph':
      return inlineMarkdown(block.inline, block.text);
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level ?? 2));
      return `<h${level}>${inlineHtml(block.inline, block.text)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(block.inline, block.text)}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${listItems(block)
        .map((item) => `<li>${inlineHtml(item, '')}</li>`)
        .join('')}</${tag}>`;
    }
    case 'image': {
      const src = block.media ? `media/${block.media}` : (block.src ?? '');
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(block.alt ?? '')}">`;
    }
    case 'caption':
      return `<figcaption>${escapeHtml(block.text)}</figcaption>`;
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'paragraph':
      return `<p>${inlineHtml(block.inline, block.text)}</p>`;
  }
}

function metaLine(article: Article): string[] {
  return [article.siteName, article.place, article.credit, article.byline, article.publishedAt?.slice(0, 10)].filter(
    (v): v is string => Boolean(v),
  );
}

/**
 * The article as Markdown: YAML front matter (title, url, tags, saved: what Obsidian and Logseq read
 * as page properties), a line of metadata, its source URL, the text, then its note and highlights.
 */
export function toMarkdown(article: Article, marks?: ArticleMarks): string {
  const head = [frontMatter(article), `# ${escapeMarkdown(article.title)}`, ''];
  const line = metaLine(article);
  if (line.length) head.push(`*${line.map(escapeMarkdown).join(' · ')}*`, '');
  if (article.url) head.push(`<${article.url}>`, '');
  const extra = marksMarkdown(marks);
  return head.join('\n') + article.blocks.map(blockMarkdown).join('\n\n') + '\n' + (extra ? `\n${extra}` : '');
}

/** The article as a standalone HTML page that runs no script and loads nothing remote. */
export function toHtml(article: Article, marks?: ArticleMarks): string {
  const dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
  const line = metaLine(article);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(article.lang)}" dir="${dir}">`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(article.title)}</title>`,
    '<style>body{max-width:40em;margin:2em auto;padding:0 1em;font:18px/1.6 Georgia,serif}img{max-width:100%}</style>',
    '</head><body><article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    line.length ? `<p><small>${line.map(escapeHtml).join(' · ')}</small></p>` : '',
    ...article.blocks.map(blockHtml),
    article.url ? `<p><small><a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a></small></p>` : '',
    marksHtml(marks),
    '</article></body></html>',
    '',
  ].join('\n');
}

/** The article as JSON: all metadata, blocks, stored translations, and its highlights and note when it has any. */
export function toJson(article: Article, marks?: ArticleMarks): string {
  const withMarks = marks && (marks.highlights.length > 0 || marks.note) ? { ...article, highlights: marks.highlights, note: marks.note ?? null } : article;
  return JSON.stringify(withMarks, null, 2) + '\n';
}

/** The article in the given format (with its highlights and note when given). */
export function render(article: Article, format: ExportFormat, marks?: ArticleMarks): string {
  return format === 'md' ? toMarkdown(article, marks) : format === 'html' ? toHtml(article, marks) : toJson(article, marks);
}

/** Longest name part kept, in UTF-8 bytes: with " (id).html" the name stays far below the 255-byte limit of common file systems. */
const MAX_NAME_BYTES = 200;

/** Windows device names, reserved with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
function cutBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/**
 * A file name from a title: no path separators, no control, bidi or reserved characters, no
 * leading dot (hidden) or trailing dot/space (dropped by Windows), at most MAX_NAME_BYTES bytes.
 * The id suffix keeps names unique and stops a title from being a reserved device name (CON, NUL).
 */
export function safeFileName(title: string, id: string, format: ExportFormat): string {
  const base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must lose
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const short = cutBytes(base, MAX_NAME_BYTES).replace(/[.\s]+$/, '') || 'article';
  // Windows reads "nul.txt (…).md" as the NUL device: the part before the first dot must not be a device name.
  const device = RESERVED.test(short.split('.')[0]?.trim() ?? '');
  return `${device ? '_' : ''}${short} (${id.slice(0, 8)}).${format}`;
}
