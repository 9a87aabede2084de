/** The highlight and note model (DESIGN.md §10): what is stored with an article in `articles/<id>.json`. */
import { KabarError } from '../errors';
import type { SnippetPart } from '../types';

/** The five named highlight colours (the window maps each to a theme colour). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** One of the five highlight colours. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * Where a highlight sits: block index and UTF-16 offsets into that block's `text`. When a highlight
 * runs over several blocks, `end` is an offset into `endBlock`.
 */
export interface Anchor {
  block: number;
  start: number;
  end: number;
  endBlock?: number;
}

/** A W3C Web Annotation text-quote selector: the exact text and a little context on each side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One highlight. `anchor: null` means "place by quote" (importers store foreign highlights that way). */
export interface Highlight {
  id: string;
  createdAt: string;
  updatedAt: string;
  color: HighlightColor;
  note?: string;
  /** Set when the highlight was made on a stored translation: its anchor is into that translation's blocks. */
  lang?: string;
  anchor: Anchor | null;
  quote: TextQuote;
  /** The quote could not be found in the current text: kept and listed with its text, never dropped. */
  detached?: boolean;
}

/** A note on the whole article. */
export interface ArticleNote {
  text: string;
  updatedAt: string;
}

/** Everything the user marked on one article. */
export interface ArticleMarks {
  highlights: Highlight[];
  note?: ArticleNote;
  /** Stored entries that are not valid highlights: written back untouched, never dropped. */
  damaged?: unknown[];
}

/** How much context a quote keeps on each side (Hypothesis uses 32 too). */
export const CONTEXT_CHARS = 32;
/** The longest note kept, in characters (a note is a note, not a second article). */
export const MAX_NOTE_CHARS = 20_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is one of the five colours. */
export function isColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

function isAnchor(value: unknown): value is Anchor {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  const ints = [value.block, value.start, value.end].every((n) => Number.isInteger(n) && (n as number) >= 0);
  return ints && (value.endBlock === undefined || (Number.isInteger(value.endBlock) && (value.endBlock as number) >= (value.block as number)));
}

function isQuote(value: unknown): value is TextQuote {
  return isRecord(value) && typeof value.exact === 'string' && value.exact.length > 0 && typeof value.prefix === 'string' && typeof value.suffix === 'string';
}

/** Whether a stored value is a whole highlight. */
export function isHighlight(value: unknown): value is Highlight {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string' &&
    isColor(value.color) &&
    (value.note === undefined || typeof value.note === 'string') &&
    (value.lang === undefined || typeof value.lang === 'string') &&
    isAnchor(value.anchor) &&
    isQuote(value.quote)
  );
}

/**
 * Reads the `marks` of an article file. Anything that is not a valid highlight is kept aside in
 * `damaged` (and written back as it was), so one bad entry never costs the others.
 */
export function parseMarks(raw: unknown): ArticleMarks {
  if (raw === undefined || raw === null) return { highlights: [] };
  if (!isRecord(raw)) return { highlights: [], damaged: [raw] };
  const highlights: Highlight[] = [];
  const damaged: unknown[] = Array.isArray(raw.damaged) ? [...(raw.damaged as unknown[])] : [];
  for (const entry of Array.isArray(raw.highlights) ? raw.highlights : []) {
    if (isHighlight(entry)) highlights.push(entry);
    else damaged.push(entry);
  }
  const marks: ArticleMarks = { highlights };
  const note = raw.note;
  if (isRecord(note) && typeof note.text === 'string' && typeof note.updatedAt === 'string') marks.note = { text: note.text, updatedAt: note.updatedAt };
  else if (note !== undefined) damaged.push({ note });
  if (damaged.length > 0) marks.damaged = damaged;
  return marks;
}

/** Whether marks hold nothing worth writing. */
export function isEmptyMarks(marks: ArticleMarks): boolean {
  return marks.highlights.length === 0 && !marks.note && !(marks.damaged && marks.damaged.length > 0);
}

/** Checks and trims a note; INVALID_ARGUMENT when it is not text or far too long. */
export function cleanNote(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note !== 'string') throw new KabarError('INVALID_ARGUMENT', 'A note must be text.', { field: 'note' });
  if (note.length > MAX_NOTE_CHARS) throw new KabarError('INVALID_ARGUMENT', `A note can hold at most ${MAX_NOTE_CHARS} characters.`, { field: 'note' });
  const trimmed = note.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Checks a colour; INVALID_ARGUMENT names the five that exist. */
export function checkColor(color: unknown): HighlightColor {
  if (!isColor(color)) throw new KabarError('INVALID_ARGUMENT', `"${String(color)}" is not a highlight colour (${HIGHLIGHT_COLORS.join(', ')}).`, { field: 'color' });
  return color;
}

// ---- shapes shared with the window (pure types: the preload and renderer import this file) ----

/** One change to an article's marks. */
export type MarksOp =
  /** Adds a whole highlight (a new one, or one brought back by undo), at `index` when given. */
  | { op: 'add'; highlight: Highlight; index?: number }
  /** Changes a highlight's colour and/or note (`note: null` removes it). */
  | { op: 'update'; id: string; color?: HighlightColor; note?: string | null }
  | { op: 'delete'; id: string }
  /** Sets (or with null removes) the note on the whole article. */
  | { op: 'note'; text: string | null };

/** What a new highlight is made from (the window's selection). */
export interface NewHighlight {
  anchor: Anchor;
  color: HighlightColor;
  note?: string;
  /** Made on the stored translation into this language (`anchor` is into its blocks). */
  lang?: string;
}

/** The outcome of an operation: new marks, the operation that undoes it, the highlight it touched. */
export interface OpResult {
  marks: ArticleMarks;
  undo: MarksOp;
  highlight?: Highlight;
}

/** One highlight with the article it belongs to. */
export interface HighlightEntry {
  articleId: string;
  title: string;
  /** The language of the highlighted text: the translation's when made on one, else the article's. */
  lang: string;
  highlight: Highlight;
}

/** Which highlights to list (all optional); newest first. */
export interface HighlightFilter {
  articleId?: string;
  tag?: string;
  color?: HighlightColor;
  lang?: string;
  /** Include highlights of trashed articles (left out by default). */
  trash?: boolean;
  offset?: number;
  limit?: number;
}

/** One page of highlights. */
export interface HighlightPage {
  items: HighlightEntry[];
  total: number;
  offset: number;
}

/** A highlight found by search: its text and note with the matching words marked. */
export interface HighlightHit extends HighlightEntry {
  text: SnippetPart[];
  note?: SnippetPart[];
}

/** A saved search shown in the sidebar. */
export interface SmartView {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

/** What a rule does to an article that matches. */
export interface RuleActions {
  addTags?: string[];
  bookmark?: boolean;
  markRead?: boolean;
}

/** A rule: a query and its actions; rules run in list order. */
export interface Rule {
  id: string;
  name: string;
  query: string;
  actions: RuleActions;
  enabled: boolean;
  createdAt: string;
}

/** What applying rules did: articles changed, and matches per rule id. */
export interface RulesReport {
  changed: number;
  matched: Record<string, number>;
}
