/**
 * Cutting a block's inline runs at highlight boundaries, so each highlighted stretch renders as a
 * <mark> around text nodes only. Offsets are UTF-16 units into the block's `text` (as the core
 * anchors them); a list's items are joined by "\n" in that text.
 */
import type { HighlightColor, Inline } from '../../../../preload/contract';

/** One highlight's stretch within one block. */
export interface MarkRange {
  id: string;
  color: HighlightColor;
  start: number;
  end: number;
  /** The highlight carries a note (shown with a small sign). */
  note?: boolean;
}

/** A run (or part of one) and the highlight over it, if any. */
export interface Piece {
  run: Inline;
  mark?: MarkRange;
}

/** The runs cut at every highlight boundary; where highlights overlap the newest (last) one shows. */
export function splitRuns(runs: readonly Inline[], ranges: readonly MarkRange[], base = 0): Piece[] {
  if (ranges.length === 0) return runs.map((run) => ({ run }));
  const out: Piece[] = [];
  let at = base;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length;
    at = to;
    const cuts = new Set<number>([from, to]);
    for (const r of ranges) {
      if (r.start > from && r.start < to) cuts.add(r.start);
      if (r.end > from && r.end < to) cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i] as number;
      const e = points[i + 1] as number;
      let mark: MarkRange | undefined;
      for (const r of ranges) if (r.start <= s && r.end >= e) mark = r;
      out.push({ run: { ...run, text: run.text.slice(s - from, e - from) }, ...(mark ? { mark } : {}) });
    }
  }
  return out;
}

/** Where each list item starts in the list block's text (items joined by "\n"). */
export function itemBases(items: readonly (readonly Inline[])[]): number[] {
  const bases: number[] = [];
  let at = 0;
  for (const item of items) {
    bases.push(at);
    at += item.reduce((n, run) => n + run.text.length, 0) + 1;
  }
  return bases;
}
