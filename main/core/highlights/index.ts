/** Highlights and notes (DESIGN.md §10): the model, anchoring by block offsets and text quote, undoable operations. */
export {
  CONTEXT_CHARS,
  HIGHLIGHT_COLORS,
  MAX_NOTE_CHARS,
  checkColor,
  isColor,
  isEmptyMarks,
  isHighlight,
  parseMarks,
  type Anchor,
  type ArticleMarks,
  type ArticleNote,
  type Highlight,
  type HighlightColor,
  type TextQuote,
  type HighlightEntry,
  type HighlightFilter,
  type HighlightHit,
  type HighlightPage,
  type Rule,
  type RuleActions,
  type RulesReport,
  type SmartView,
} from './model';
export { anchorHolds, findQuote, place, quoteAt, type TextBlock } from './anchor';
export { applyOp, newHighlight, type MarksOp, type NewHighlight, type OpResult } from './ops';
