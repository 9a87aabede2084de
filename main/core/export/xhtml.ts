/**
 * Blocks → well-formed XHTML markup, shared by the EPUB chapters and wallabag's `content` field.
 * Output is XML (every element closed, every attribute quoted, characters XML forbids removed), so
 * it is also valid HTML; it never carries script, style or a link other than http(s) and mailto.
 */
import type { Block, Inline } from '../types';

/** Characters XML 1.0 does not allow (C0 controls but tab/newline/CR, unpaired surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what XML must not contain
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for XML element content and double-quoted attribute values, dropping characters XML forbids. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ENTITIES[c] as string);
}

const SAFE_HREF = /^(https?:|mailto:)/i;

/** How a block list is written: where images are, and which to show. */
export interface XhtmlOptions {
  /** The src for an image block, or undefined to leave the image out (not saved, or not a type the target takes). */
  imageSrc: (block: Block) => string | undefined;
  /** The article's direction: blocks note only differences (as Block.dir does). */
  dir?: 'ltr' | 'rtl';
  /** Markup to put right after block `index` (a bilingual book puts the paragraph's translation there). */
  after?: (block: Block, index: number) => string;
}

/** Inline runs (or plain text) as XHTML: links, emphasis, strong and code; line breaks as <br/>. */
export function inlineXhtml(runs: Inline[] | undefined, fallback: string): string {
  const parts = runs ?? [{ text: fallback }];
  return parts
    .map((run) => {
      let html = escapeXml(run.text).replace(/\n/g, '<br/>');
      if (run.code) html = `<code>${html}</code>`;
      if (run.strong) html = `<strong>${html}</strong>`;
      if (run.em) html = `<em>${html}</em>`;
      return run.href && SAFE_HREF.test(run.href) ? `<a href="${escapeXml(run.href)}">${html}</a>` : html;
    })
    .join('');
}

function dirAttr(block: Block, options: XhtmlOptions): string {
  return block.dir && block.dir !== options.dir ? ` dir="${block.dir}"` : '';
}

function listItems(block: Block): Inline[][] {
  return block.items ?? block.text.split('\n').map((text) => [{ text }]);
}

/** One block as XHTML (an image only when `imageSrc` gives it a source; its caption is handled by blocksXhtml). */
export function blockXhtml(block: Block, options: XhtmlOptions, extraAttrs = ''): string {
  const attrs = `${dirAttr(block, options)}${extraAttrs}`;
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(2, block.level ?? 2));
      return `<h${level}${attrs}>${inlineXhtml(block.inline, block.text)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote${attrs}><p>${inlineXhtml(block.inline, block.text)}</p></blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = listItems(block).map((item) => `<li>${inlineXhtml(item, '')}</li>`);
      return items.length ? `<${tag}${attrs}>${items.join('')}</${tag}>` : '';
    }
    case 'image': {
      const src = options.imageSrc(block);
      const alt = escapeXml(block.alt ?? '');
      if (src) return `<img src="${escapeXml(src)}" alt="${alt}"${attrs}/>`;
      // An image the book cannot hold keeps its description, so no information is lost silently.
      return alt ? `<p class="image-missing"${attrs}>${alt}</p>` : '';
    }
    case 'caption':
      return `<p class="caption"${attrs}>${inlineXhtml(block.inline, block.text)}</p>`;
    case 'code':
      return `<pre${attrs}><code>${escapeXml(block.text)}</code></pre>`;
    case 'paragraph':
      return `<p${attrs}>${inlineXhtml(block.inline, block.text)}</p>`;
  }
}

/** A paragraph made from a data-table row: its cells are separated by tabs (see articles/blocks.ts). */
function isTableRow(block: Block | undefined): boolean {
  return block?.type === 'paragraph' && block.text.includes('\t');
}

/** The inline runs of a table row, cut into cells at its tabs. */
function rowCells(block: Block): Inline[][] {
  const cells: Inline[][] = [[]];
  for (const run of block.inline ?? [{ text: block.text }]) {
    run.text.split('\t').forEach((part, i) => {
      if (i > 0) cells.push([]);
      if (part) (cells[cells.length - 1] as Inline[]).push({ ...run, text: part });
    });
  }
  return cells;
}

/** Consecutive table-row paragraphs as one table, so the rows read as a table and come back as rows when imported. */
function tableXhtml(rows: Block[]): string {
  const trs = rows.map((row) => `<tr>${rowCells(row).map((cell) => `<td>${inlineXhtml(cell, '')}</td>`).join('')}</tr>`);
  return `<table><tbody>${trs.join('')}</tbody></table>`;
}

/** Blocks as XHTML; an image followed by its caption becomes one <figure>, table rows one <table>. */
export function blocksXhtml(blocks: Block[], options: XhtmlOptions): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const next = blocks[i + 1];
    if (isTableRow(block) && !options.after) {
      const rows = [block];
      while (isTableRow(blocks[i + 1])) rows.push(blocks[++i] as Block);
      out.push(tableXhtml(rows));
      continue;
    }
    if (block.type === 'image' && options.imageSrc(block)) {
      const caption = next?.type === 'caption' ? `<figcaption${dirAttr(next, options)}>${inlineXhtml(next.inline, next.text)}</figcaption>` : '';
      out.push(`<figure>${blockXhtml(block, options)}${caption}</figure>`);
      if (caption) {
        i++;
        out.push(options.after?.(next as Block, i) ?? '');
      }
      continue;
    }
    out.push(blockXhtml(block, options), options.after?.(block, i) ?? '');
  }
  return out.filter(Boolean).join('\n');
}
