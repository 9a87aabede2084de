/** What the reader's blocks learn from the marks layer: the highlights over each block, and flags. */
import { createContext, useContext, type ReactNode } from 'react';
import type { MarkRange } from './segments';

/** Which rendering of the article a block belongs to. */
export type Side = 'original' | 'translation';

/** A block's decorations. */
export interface BlockDecor {
  ranges: MarkRange[];
  /** The block (or its pair) holds a highlight shown elsewhere: a side bar marks it. */
  flagged?: boolean;
  /** A control shown at the block's end (e.g. "Jump to original"); its text never counts as article text. */
  extra?: ReactNode;
}

/** Answers a block's decorations (none outside a marks layer). */
export type DecorFor = (side: Side, index: number) => BlockDecor | undefined;

/** The context the marks layer provides. */
export const MarksContext = createContext<DecorFor>(() => undefined);

/** The decorations of block `index` on `side` (undefined when the block is not indexed). */
export function useBlockDecor(side: Side, index: number | undefined): BlockDecor | undefined {
  const decorFor = useContext(MarksContext);
  return index === undefined ? undefined : decorFor(side, index);
}
