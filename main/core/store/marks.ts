/**
 * Highlights and notes in the store: kept in the article's own file (`marks`), counted in its
 * metadata (`highlights`, `marksRev`), placed on the text every time they are read, and listed and
 * searched library-wide through the catalog (marks-catalog.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  applyOp,
  isEmptyMarks,
  newHighlight,
  parseMarks,
  place,
  type ArticleMarks,
  type Highlight,
  type MarksOp,
  type NewHighlight,
  type OpResult,
} from '../highlights';
import { KabarError } from '../errors';
import type { ArticleMeta, Block } from '../types';
import { readArticleFile, writeArticleFile, type ArticleFile } from './article-files';
import type { Library } from './library';
import { catalogOf } from './marks-catalog';

/** The blocks a highlight is anchored to: the original's, or the stored translation's it was made on. */
function blocksFor(file: ArticleFile, lang: string | undefined): Block[] | null {
  if (lang === undefined) return file.blocks;
  return file.translations[lang]?.blocks ?? null;
}

/** Every highlight placed on the file's current text (moved by quote, or detached, as needed). */
export function placeAll(file: ArticleFile, marks: ArticleMarks): ArticleMarks {
  const highlights = marks.highlights.map((h): Highlight => {
    const blocks = blocksFor(file, h.lang);
    // A translation that is gone (or damaged) leaves its highlights detached, never dropped.
    if (blocks === null) return h.detached ? h : { ...h, detached: true };
    return place(blocks, h);
  });
  return { ...marks, highlights };
}

/**
 * The marks an article file holds: `marks`, plus the quote-only highlights an import from another
 * app stored beside them (`highlights`, anchor null) that `marks` does not have yet. The next write
 * of the marks folds those in (persist drops the separate field).
 */
export function fileMarks(file: ArticleFile): ArticleMarks {
  const marks = parseMarks(file.marks);
  if (!file.highlights || file.highlights.length === 0) return marks;
  const known = new Set(marks.highlights.map((h) => h.id));
  // An import records when a highlight was made, not when it changed: the two are the same then.
  const given = file.highlights.map((h) => (h && typeof h === 'object' && !('updatedAt' in h) ? { ...h, updatedAt: (h as { createdAt?: unknown }).createdAt } : h));
  const imported = parseMarks({ highlights: given }).highlights.filter((h) => !known.has(h.id));
  return imported.length === 0 ? marks : { ...marks, highlights: [...marks.highlights, ...imported] };
}

/** An article's highlights and note, placed on its current text. */
export async function readMarks(library: Library, id: string): Promise<ArticleMarks> {
  library.meta(id);
  const file = await readArticleFile(library.dir, id);
  return placeAll(file, fileMarks(file));
}

function newRev(now: Date): string {
  return `${now.toISOString()}~${randomBytes(4).toString('hex')}`;
}

/**
 * Writes new marks: the metadata first (count and a new revision, journaled), then the article file.
 * If the file cannot be written the metadata goes back, so the two never disagree for long; the
 * catalog learns of the change only once both are on disk.
 */
async function persist(library: Library, file: ArticleFile, marks: ArticleMarks): Promise<void> {
  const id = file.id;
  const before = library.meta(id);
  const old = { highlights: before.highlights, marksRev: before.marksRev };
  const rev = newRev(library.time());
  const count = marks.highlights.length;
  library.changeMany(
    new Map([
      [
        id,
        (m: ArticleMeta) => {
          if (count > 0) m.highlights = count;
          else delete m.highlights;
          m.marksRev = rev;
        },
      ],
    ]),
  );
  try {
    // Imported quote-only highlights are in `marks` by now (fileMarks): the separate field is not written again.
    await writeArticleFile(library.dir, library.meta(id), file.blocks, file.translations, { marks: isEmptyMarks(marks) ? undefined : stripPlacement(marks) });
  } catch (error) {
    library.changeMany(new Map([[id, (m: ArticleMeta) => Object.assign(m, old)]]));
    catalogOf(library).forget(id);
    throw error;
  }
  catalogOf(library).put(id, rev, marks);
}

/** What is written: placed highlights keep their new anchors; an empty `damaged` list is left out. */
function stripPlacement(marks: ArticleMarks): ArticleMarks {
  if (marks.damaged && marks.damaged.length === 0) {
    const { damaged: _damaged, ...rest } = marks;
    return rest;
  }
  return marks;
}

/**
 * Applies one operation to an article's marks (after placing them on the current text, so
 * re-anchoring is saved with it) and returns the operation that undoes it.
 */
export function changeMarks(library: Library, id: string, op: MarksOp): Promise<OpResult> {
  library.meta(id);
  return library.withBody(async () => {
    const file = await readArticleFile(library.dir, id);
    const placed = placeAll(file, fileMarks(file));
    const result = applyOp(placed, op, library.time());
    await persist(library, file, result.marks);
    return result;
  });
}

/** Makes a highlight on the article (or on its stored translation into `input.lang`). */
export function addHighlight(library: Library, id: string, input: NewHighlight): Promise<OpResult> {
  library.meta(id);
  return library.withBody(async () => {
    const file = await readArticleFile(library.dir, id);
    const blocks = blocksFor(file, input.lang);
    if (blocks === null) {
      throw new KabarError('NOT_FOUND', `This article has no stored translation into ${String(input.lang)}.`, { id, lang: String(input.lang) });
    }
    const highlight = newHighlight(blocks, input, library.time());
    const placed = placeAll(file, fileMarks(file));
    const result = applyOp(placed, { op: 'add', highlight }, library.time());
    await persist(library, file, result.marks);
    return result;
  });
}

/**
 * Adds highlights carried by another app's export (Omnivore, wallabag): they may come with
 * `anchor: null` and are placed by quote; ones whose quote is not in the text are kept detached.
 * Highlights whose quote and note the article already has are skipped (a re-import adds nothing).
 */
export function importHighlights(library: Library, id: string, incoming: Highlight[]): Promise<Highlight[]> {
  library.meta(id);
  return library.withBody(async () => {
    const file = await readArticleFile(library.dir, id);
    const marks = placeAll(file, fileMarks(file));
    const key = (h: Highlight): string => `${h.lang ?? ''}\u0000${h.quote.exact.replace(/\s+/g, ' ').trim()}\u0000${h.note ?? ''}`;
    const known = new Set(marks.highlights.map(key));
    const added = placeAll(file, { highlights: incoming.filter((h) => !known.has(key(h))) }).highlights;
    if (added.length === 0) return [];
    await persist(library, file, { ...marks, highlights: [...marks.highlights, ...added] });
    return added;
  });
}

/**
 * Places every highlight on the article's current text and saves the new anchors (after its body or
 * a translation was extracted again). Returns the highlights now detached.
 */
export function reanchorMarks(library: Library, id: string): Promise<Highlight[]> {
  library.meta(id);
  return library.withBody(async () => {
    const file = await readArticleFile(library.dir, id);
    const stored = fileMarks(file);
    if (isEmptyMarks(stored)) return [];
    const placed = placeAll(file, stored);
    if (JSON.stringify(placed) !== JSON.stringify(stored)) await persist(library, file, placed);
    return placed.highlights.filter((h) => h.detached);
  });
}
