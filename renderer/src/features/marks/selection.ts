/**
 * From a DOM selection in the reader to a core anchor: the block (found by its `data-block` and
 * `data-side`) and UTF-16 offsets into that block's `text`. Offsets are counted over the block's own
 * text nodes: controls the marks layer adds (`data-mark-ui`) do not count, and list items count one
 * "\n" between them, as the core joins them.
 */
import type { Anchor, Block } from '../../../../preload/contract';
import type { Side } from './context';

/** A selection made in the article, ready to become a highlight. */
export interface PickedSelection {
  side: Side;
  anchor: Anchor;
  /** Where to show the popover (viewport coordinates). */
  rect: { left: number; top: number; bottom: number };
}

function blockOf(node: Node): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>('[data-block]') ?? null;
}

/** Text length from the start of `root` to the point, counted as the core counts block text. */
export function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  const fragment = range.cloneContents();
  for (const ui of fragment.querySelectorAll('[data-mark-ui]')) ui.remove();
  const items = fragment.querySelectorAll('li').length;
  return (fragment.textContent ?? '').length + Math.max(0, items - 1);
}

/** The whole text of a block element as offsets see it. */
export function textOf(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const ui of clone.querySelectorAll('[data-mark-ui]')) ui.remove();
  const items = clone.querySelectorAll('li');
  if (items.length === 0) return clone.textContent ?? '';
  return [...items].map((li) => li.textContent ?? '').join('\n');
}

interface Point {
  el: HTMLElement;
  index: number;
  side: Side;
  offset: number;
}

function pointOf(node: Node, offset: number): Point | null {
  const el = blockOf(node);
  if (!el) return null;
  const side = el.dataset.side === 'translation' ? 'translation' : 'original';
  return { el, index: Number(el.dataset.block), side, offset: offsetIn(el, node, offset) };
}

/**
 * Where the DOM offset lands in the stored text. They agree when the rendered text is the stored
 * text (the usual case); otherwise the selected words are looked up in the stored text near it.
 */
function storedOffset(point: Point, blocks: readonly Block[], selected: string, isEnd: boolean): number {
  const text = blocks[point.index]?.text ?? '';
  if (textOf(point.el) === text) return Math.min(point.offset, text.length);
  const probe = isEnd ? selected.slice(-Math.min(12, selected.length)) : selected.slice(0, 12);
  const found = text.indexOf(probe);
  if (found < 0) return Math.min(point.offset, text.length);
  return isEnd ? found + probe.length : found;
}

/**
 * The selection inside the reader body as an anchor on `side`'s blocks, or null when there is none,
 * it is empty, or it runs between the original and the translation.
 */
export function pickSelection(body: HTMLElement, sides: { original: readonly Block[]; translation?: readonly Block[] }): PickedSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  const selected = range.toString();
  if (selected.trim() === '') return null;
  const start = pointOf(range.startContainer, range.startOffset);
  let end = pointOf(range.endContainer, range.endOffset);
  if (!start || !end || start.side !== end.side) return null;
  const blocks = start.side === 'translation' ? sides.translation : sides.original;
  if (!blocks) return null;
  // A triple click ends the selection at the very start of the next block: it means "to the end of this one".
  if (end.index > start.index && end.offset === 0) {
    const prev = body.querySelector<HTMLElement>(`[data-side="${start.side}"][data-block="${end.index - 1}"]`);
    if (prev) end = { el: prev, index: end.index - 1, side: start.side, offset: textOf(prev).length };
  }
  const s = storedOffset(start, blocks, selected, false);
  const e = storedOffset(end, blocks, selected, true);
  if (end.index < start.index || (end.index === start.index && e <= s)) return null;
  const anchor: Anchor = { block: start.index, start: s, end: e };
  if (end.index !== start.index) anchor.endBlock = end.index;
  const box = range.getBoundingClientRect();
  return { side: start.side, anchor, rect: { left: box.left + box.width / 2, top: box.top, bottom: box.bottom } };
}
