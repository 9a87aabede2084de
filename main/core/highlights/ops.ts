/**
 * Changes to an article's marks as operations. Applying one returns the operation that undoes it,
 * so the window's undo (and the CLI) need no other bookkeeping.
 */
import { KabarError } from '../errors';
import { quoteAt, type TextBlock } from './anchor';
import { checkColor, cleanNote, type ArticleMarks, type Highlight, type MarksOp, type NewHighlight, type OpResult } from './model';

export type { MarksOp, NewHighlight, OpResult } from './model';

/** A new highlight on `blocks` (the original's, or the translation's when `input.lang` is set). */
export function newHighlight(blocks: readonly TextBlock[], input: NewHighlight, now: Date, id: string = globalThis.crypto.randomUUID()): Highlight {
  const at = now.toISOString();
  const highlight: Highlight = {
    id,
    createdAt: at,
    updatedAt: at,
    color: checkColor(input.color),
    anchor: { ...input.anchor },
    quote: quoteAt(blocks, input.anchor),
  };
  const note = cleanNote(input.note);
  if (note !== undefined) highlight.note = note;
  if (input.lang !== undefined) highlight.lang = input.lang;
  return highlight;
}

function findIndex(marks: ArticleMarks, id: string): number {
  const at = marks.highlights.findIndex((h) => h.id === id);
  if (at < 0) throw new KabarError('NOT_FOUND', `No highlight with id ${id} on this article.`, { id });
  return at;
}

function update(marks: ArticleMarks, op: Extract<MarksOp, { op: 'update' }>, now: Date): OpResult {
  const at = findIndex(marks, op.id);
  const old = marks.highlights[at] as Highlight;
  const next: Highlight = { ...old, updatedAt: now.toISOString() };
  if (op.color !== undefined) next.color = checkColor(op.color);
  if (op.note !== undefined) {
    const note = cleanNote(op.note);
    if (note === undefined) delete next.note;
    else next.note = note;
  }
  const highlights = marks.highlights.map((h, i) => (i === at ? next : h));
  const undo: MarksOp = { op: 'update', id: op.id, color: old.color, note: old.note ?? null };
  return { marks: { ...marks, highlights }, undo, highlight: next };
}

/** Applies an operation; NOT_FOUND for an unknown highlight id, INVALID_ARGUMENT for bad values. */
export function applyOp(marks: ArticleMarks, op: MarksOp, now: Date): OpResult {
  switch (op.op) {
    case 'add': {
      if (marks.highlights.some((h) => h.id === op.highlight.id)) {
        throw new KabarError('INVALID_ARGUMENT', `A highlight with id ${op.highlight.id} exists already.`, { field: 'id' });
      }
      const highlights = [...marks.highlights];
      highlights.splice(Math.min(op.index ?? highlights.length, highlights.length), 0, op.highlight);
      return { marks: { ...marks, highlights }, undo: { op: 'delete', id: op.highlight.id }, highlight: op.highlight };
    }
    case 'update':
      return update(marks, op, now);
    case 'delete': {
      const index = findIndex(marks, op.id);
      const highlight = marks.highlights[index] as Highlight;
      return { marks: { ...marks, highlights: marks.highlights.filter((h) => h.id !== op.id) }, undo: { op: 'add', highlight, index }, highlight };
    }
    case 'note': {
      const text = cleanNote(op.text);
      const { note: old, ...rest } = marks;
      const next: ArticleMarks = text === undefined ? rest : { ...rest, note: { text, updatedAt: now.toISOString() } };
      return { marks: next, undo: { op: 'note', text: old?.text ?? null } };
    }
  }
}
