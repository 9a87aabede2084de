/**
 * The highlights contract (issue 13): highlights and notes, the highlight catalog, smart views
 * and rules, each channel with its argument schema and result type. preload/contract.ts merges
 * it; main/handlers-marks.ts answers it. Article changes (highlight counts, rule actions) reach
 * the window through the library domain's 'library:changed'.
 */
import { z } from 'zod';
import type { ArticleMarks, Highlight, HighlightHit, HighlightPage, MarksOp, OpResult, Rule, RulesReport, SmartView } from '../main/core/highlights';
import { id, lang, tag } from './contract-common';
import { channel } from './define';

const color = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
const offset = z.number().int().min(0).max(50_000_000);
const anchor = z.strictObject({ block: offset, start: offset, end: offset, endBlock: offset.optional() });
const note = z.string().max(20_000);
/** A query in the search syntax (parsed in main: malformed ones answer QUERY_* with the position). */
const query = z.string().min(1).max(2000);
const name = z.string().min(1).max(200);
const actions = z.strictObject({ addTags: z.array(tag).max(50).optional(), bookmark: z.boolean().optional(), markRead: z.boolean().optional() });

const highlight: z.ZodType<Highlight> = z.strictObject({
  id: z.string().min(1).max(200),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  color,
  note: note.optional(),
  lang: lang.optional(),
  anchor: anchor.nullable(),
  quote: z.strictObject({ exact: z.string().min(1).max(100_000), prefix: z.string().max(200), suffix: z.string().max(200) }),
  detached: z.boolean().optional(),
});

/** One undoable change (what marks:change takes and every change answers as `undo`). */
const op: z.ZodType<MarksOp> = z.union([
  z.strictObject({ op: z.literal('add'), highlight, index: z.number().int().min(0).max(100_000).optional() }),
  z.strictObject({ op: z.literal('update'), id: z.string().min(1).max(200), color: color.optional(), note: note.nullable().optional() }),
  z.strictObject({ op: z.literal('delete'), id: z.string().min(1).max(200) }),
  z.strictObject({ op: z.literal('note'), text: note.nullable() }),
]);

/** A view in the sidebar with its live count (null with an error code when its query no longer parses). */
export interface CountedView extends SmartView {
  count: number | null;
  error?: string;
  /** The error's parameters (where in the query it is), for its translated message. */
  errorParams?: Record<string, string | number>;
}

/** Highlights invoke channels: argument schemas and results. */
export const marksChannels = {
  /** An article's highlights and note, placed on its current text (moved or detached as needed). */
  'marks:get': channel(z.tuple([id])).returns<ArticleMarks>(),
  /** Makes a highlight from a selection (on the translation into `lang` when given); answers it and its undo. */
  'marks:add': channel(z.tuple([id, z.strictObject({ anchor, color, note: note.optional(), lang: lang.optional() })])).returns<OpResult>(),
  /** Colour, note, delete, the article note, or an undo; answers the new marks and the undo of this change. */
  'marks:change': channel(z.tuple([id, op])).returns<OpResult>(),
  /** The Highlights view: every highlight, newest first, filtered by article, tag, colour or language. */
  'marks:list': channel(
    z.tuple([
      z.strictObject({
        articleId: id.optional(),
        tag: tag.optional(),
        color: color.optional(),
        lang: lang.optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      }),
    ]),
  ).returns<HighlightPage>(),
  /** The search box's Highlights group: highlights whose text or note holds the words. */
  'marks:search': channel(z.tuple([z.string().max(1000), z.number().int().min(1).max(200)])).returns<HighlightHit[]>(),
  /** Smart views with their live counts. */
  'views:list': channel(z.tuple([])).returns<CountedView[]>(),
  'views:add': channel(z.tuple([z.strictObject({ name, query })])).returns<SmartView>(),
  /** Removes a view; answers it (add it back to undo). */
  'views:remove': channel(z.tuple([id])).returns<SmartView>(),
  /** Rules in the order they run. */
  'rules:list': channel(z.tuple([])).returns<Rule[]>(),
  'rules:add': channel(
    z.tuple([
      z.strictObject({
        name: name.optional(),
        query,
        actions,
        index: z.number().int().min(0).max(10_000).optional(),
      }),
    ]),
  ).returns<Rule>(),
  /** Removes a rule; answers it and its place (add it back at `index` to undo). */
  'rules:remove': channel(z.tuple([id])).returns<{ rule: Rule; index: number }>(),
  /** Turns a rule on or off, moves it, or changes its name, query or actions (a malformed query answers QUERY_*). */
  'rules:edit': channel(
    z.tuple([
      id,
      z.strictObject({ enabled: z.boolean().optional(), index: z.number().int().min(0).max(10_000).optional(), name: name.optional(), query: query.optional(), actions: actions.optional() }),
    ]),
  ).returns<Rule>(),
  /** How many articles a query matches now ("this rule matches 42 articles"). */
  'rules:test': channel(z.tuple([query])).returns<number>(),
  /** Applies the enabled rules (or one) to every article now. */
  'rules:apply': channel(z.tuple([id.nullable()])).returns<RulesReport>(),
};

/** Highlights events: none of their own (see the module comment). */
export const marksEvents = {};
