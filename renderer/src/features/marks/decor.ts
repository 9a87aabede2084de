/**
 * Which highlights show on which block in each reading mode: original highlights on the original,
 * highlights made on a translation on that translation; the other side's blocks are flagged.
 */
import type { Block, Highlight, ReadingMode } from '../../../../preload/contract';
import type { Side } from './context';
import type { MarkRange } from './segments';

/** Highlights by side and block index, and the blocks flagged for a highlight on the other side. */
export interface DecorPlan {
  ranges: Record<Side, Map<number, MarkRange[]>>;
  /** Blocks flagged on each side, with the first highlight that flags them. */
  flags: Record<Side, Map<number, string>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each block's stretch of a (possibly multi-block) highlight. */
function stretches(h: Highlight, blocks: readonly Block[]): [number, MarkRange][] {
  const a = h.anchor;
  if (!a) return [];
  const last = a.endBlock ?? a.block;
  const out: [number, MarkRange][] = [];
  for (let b = a.block; b <= last; b++) {
    const length = blocks[b]?.text.length ?? 0;
    const start = b === a.block ? a.start : 0;
    const end = b === last ? a.end : length;
    if (end > start) out.push([b, { id: h.id, color: h.color, start, end, ...(h.note ? { note: true } : {}) }]);
  }
  return out;
}

/** The plan for one article in one mode (`translation` the one shown, if any). */
export function planDecor(highlights: readonly Highlight[], original: readonly Block[], given: { lang: string; blocks: readonly Block[] } | undefined, mode: ReadingMode): DecorPlan {
  const plan: DecorPlan = { ranges: { original: new Map(), translation: new Map() }, flags: { original: new Map(), translation: new Map() } };
  // The original view shows no translation: its highlights are not drawn, and flag nothing.
  const translation = mode === 'original' ? undefined : given;
  const shown = !translation ? 'original' : mode;
  for (const h of highlights) {
    if (h.detached || !h.anchor) continue;
    const onTranslation = h.lang !== undefined;
    if (onTranslation && h.lang !== translation?.lang) continue;
    const side: Side = onTranslation ? 'translation' : 'original';
    const blocks = onTranslation ? (translation?.blocks ?? []) : original;
    for (const [b, range] of stretches(h, blocks)) {
      // The other side's paired block gets a side bar (bilingual) or a flag with "jump" (translated).
      const other: Side = side === 'original' ? 'translation' : 'original';
      if (!plan.flags[other].has(b)) plan.flags[other].set(b, h.id);
      push(plan.ranges[side], b, range);
    }
  }
  if (shown === 'original') {
    plan.flags.original.clear();
    plan.flags.translation.clear();
  }
  if (shown === 'translated') plan.flags.original.clear();
  return plan;
}
