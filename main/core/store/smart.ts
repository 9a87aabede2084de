/**
 * Smart views (saved queries with live counts) and rules ("when an article matches this query, add
 * tags / bookmark / mark read"), kept in library.json (`views`, `rules`; schema 2). Rules run in
 * order on every article an import or feed refresh creates, and on demand over the whole library.
 */
import { randomUUID } from 'node:crypto';
import { KabarError } from '../errors';
import type { Rule, RuleActions, RulesReport, SmartView } from '../highlights';
import { parseQuery } from '../search';

export type { Rule, RuleActions, RulesReport, SmartView } from '../highlights';
import type { ArticleMeta } from '../types';
import type { Library } from './library';
import { compileQuery, type MetaTest } from './smart-query';
import { cleanTag, tagKey, withTags } from './tags';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isView(v: unknown): v is SmartView {
  return isRecord(v) && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.query === 'string';
}

function isRule(v: unknown): v is Rule {
  return isView(v) && isRecord((v as unknown as Rule).actions) && typeof (v as unknown as Rule).enabled === 'boolean';
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw new KabarError('INVALID_ARGUMENT', 'A name must be 1 to 200 characters of text.', { field: 'name' });
  }
  return name.trim();
}

/** Checks a query's syntax (throws QUERY_* with the position) and returns it trimmed. */
function checkQuery(query: unknown): string {
  if (typeof query !== 'string' || query.trim() === '') throw new KabarError('INVALID_ARGUMENT', 'A query is needed.', { field: 'query' });
  parseQuery(query);
  return query.trim();
}

/** Resolves an id or a unique prefix of one among `items`. */
function pick<T extends { id: string }>(items: T[], given: string, what: string): T {
  const found = items.filter((x) => x.id === given || x.id.startsWith(given));
  if (found.length === 1 || (found.length > 1 && found.some((x) => x.id === given))) return found.find((x) => x.id === given) ?? (found[0] as T);
  if (found.length > 1) throw new KabarError('INVALID_ARGUMENT', `The ${what} id ${given} is ambiguous; type more of it.`);
  throw new KabarError('NOT_FOUND', `No ${what} with id ${given}.`, { id: given });
}

// ---- smart views ----

/** The saved views, in order (entries that are not views are skipped, and kept in the file). */
export function listViews(library: Library): SmartView[] {
  return library.dataList('views').filter(isView);
}

/** Saves a new view; QUERY_* when the query is malformed. */
export function addView(library: Library, input: { name: unknown; query: unknown }): SmartView {
  const view: SmartView = { id: randomUUID(), name: checkName(input.name), query: checkQuery(input.query), createdAt: library.time().toISOString() };
  library.saveDataList('views', [...library.dataList('views'), view]);
  return view;
}

/** Removes a view (by id or unique id prefix); returns it, so it can be added back (undo). */
export function removeView(library: Library, id: string): SmartView {
  const view = pick(listViews(library), id, 'view');
  library.saveDataList('views', library.dataList('views').filter((v) => !isView(v) || v.id !== view.id));
  return view;
}

/**
 * Live counts of every view. A view whose stored query no longer parses counts as null with its
 * error code, so one bad view never hides the others.
 */
export async function countViews(library: Library): Promise<{ id: string; count: number | null; error?: string }[]> {
  const views = listViews(library);
  const tests = await Promise.all(views.map((v) => compileQuery(library, v.query).catch((e: unknown) => e as KabarError)));
  const counts = tests.map(() => 0);
  for (const meta of library.allMeta()) {
    tests.forEach((test, i) => {
      if (typeof test === 'function' && test(meta)) counts[i] = (counts[i] as number) + 1;
    });
  }
  return views.map((v, i) => {
    const test = tests[i];
    return typeof test === 'function' ? { id: v.id, count: counts[i] as number } : { id: v.id, count: null, error: (test as KabarError).code ?? 'IO' };
  });
}

// ---- rules ----

/** The rules, in the order they run. */
export function listRules(library: Library): Rule[] {
  return library.dataList('rules').filter(isRule);
}

function checkActions(actions: RuleActions): RuleActions {
  const out: RuleActions = {};
  const tags = (actions.addTags ?? []).map(cleanTag).filter((t) => t !== '');
  if (tags.length > 0) out.addTags = withTags([], tags);
  if (actions.bookmark) out.bookmark = true;
  if (actions.markRead) out.markRead = true;
  if (!out.addTags && !out.bookmark && !out.markRead) {
    throw new KabarError('INVALID_ARGUMENT', 'A rule must add a tag, bookmark or mark read.', { field: 'actions' });
  }
  return out;
}

/** Adds a rule at the end (or at `index`); QUERY_* when the query is malformed. */
export function addRule(library: Library, input: { name?: unknown; query: unknown; actions: RuleActions; index?: number }): Rule {
  const query = checkQuery(input.query);
  const rule: Rule = {
    id: randomUUID(),
    name: input.name === undefined ? query : checkName(input.name),
    query,
    actions: checkActions(input.actions),
    enabled: true,
    createdAt: library.time().toISOString(),
  };
  const rules = library.dataList('rules');
  rules.splice(Math.min(input.index ?? rules.length, rules.length), 0, rule);
  library.saveDataList('rules', rules);
  return rule;
}

/** Removes a rule; returns it and where it was, so it can be added back (undo). */
export function removeRule(library: Library, id: string): { rule: Rule; index: number } {
  const rule = pick(listRules(library), id, 'rule');
  const all = library.dataList('rules');
  const index = all.findIndex((r) => isRule(r) && r.id === rule.id);
  library.saveDataList('rules', all.filter((_, i) => i !== index));
  return { rule, index };
}

/** What editRule can change: on/off, the place, and the name, query or actions (checked as addRule checks them). */
export interface RulePatch {
  enabled?: boolean;
  index?: number;
  name?: unknown;
  query?: unknown;
  actions?: RuleActions;
}

/** Turns a rule on or off, moves it to position `index` (rules run in order), or changes what it matches and does. */
export function editRule(library: Library, id: string, patch: RulePatch): Rule {
  const rule = pick(listRules(library), id, 'rule');
  // Checked before anything is written: a malformed query (QUERY_*) leaves the rule as it was.
  const query = patch.query === undefined ? rule.query : checkQuery(patch.query);
  const next: Rule = {
    ...rule,
    ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
    query,
    // A rule named after its query follows the query when no name is given.
    name: patch.name !== undefined ? checkName(patch.name) : rule.name === rule.query ? query : rule.name,
    actions: patch.actions === undefined ? rule.actions : checkActions(patch.actions),
  };
  const rest = library.dataList('rules').filter((r) => !isRule(r) || r.id !== rule.id);
  rest.splice(Math.min(Math.max(0, patch.index ?? library.dataList('rules').findIndex((r) => isRule(r) && r.id === rule.id)), rest.length), 0, next);
  library.saveDataList('rules', rest);
  return next;
}

/** How many live articles a query (a rule's, before saving it) matches now: "matches 42". */
export async function testRule(library: Library, query: string): Promise<number> {
  const test = await compileQuery(library, checkQuery(query));
  let n = 0;
  for (const meta of library.allMeta()) if (test(meta)) n++;
  return n;
}

function act(meta: ArticleMeta, actions: RuleActions, canonical: (tag: string) => string, at: string): void {
  if (actions.addTags) meta.tags = withTags(meta.tags, actions.addTags.map(canonical));
  if (actions.bookmark) meta.bookmarked = true;
  if (actions.markRead && !meta.readAt) meta.readAt = at;
}

/**
 * Runs the enabled rules, in order, over the given articles (default: every live one). A later rule
 * sees what earlier ones did (a tag added by rule 1 can trigger rule 2). All changes go to the
 * journal in one write. A rule whose stored query no longer parses is skipped.
 */
export async function applyRules(library: Library, ids?: string[], only?: string): Promise<RulesReport> {
  const rules = listRules(library).filter((r) => r.enabled && (only === undefined || r.id === only));
  const report: RulesReport = { changed: 0, matched: {} };
  if (rules.length === 0) return report;
  const targets = (ids ?? library.ids()).filter((id) => library.has(id));
  const known = new Map(library.tags().map((t) => [tagKey(t.name), t.name]));
  const canonical = (tag: string): string => known.get(tagKey(tag)) ?? tag;
  const working = new Map<string, ArticleMeta>();
  const at = library.time().toISOString();
  for (const rule of rules) {
    const test: MetaTest | null = await compileQuery(library, rule.query).catch(() => null);
    if (!test) continue;
    let matched = 0;
    for (const id of targets) {
      const meta = working.get(id) ?? library.meta(id);
      if (!test(meta)) continue;
      matched++;
      const copy = working.get(id) ?? { ...meta, tags: [...meta.tags] };
      act(copy, rule.actions, canonical, at);
      working.set(id, copy);
    }
    report.matched[rule.id] = matched;
  }
  const edits = new Map<string, (m: ArticleMeta) => void>();
  for (const [id, copy] of working) {
    const meta = library.meta(id);
    const same = copy.bookmarked === meta.bookmarked && copy.readAt === meta.readAt && copy.tags.length === meta.tags.length;
    if (!same) edits.set(id, (m) => Object.assign(m, { tags: copy.tags, bookmarked: copy.bookmarked, readAt: copy.readAt }));
  }
  report.changed = library.changeMany(edits).length;
  return report;
}

/** Runs the rules on every article an import or feed refresh creates (called once per opened library). */
export function installRules(library: Library): void {
  library.onAdded(async (created) => {
    if (listRules(library).length === 0) return;
    // A rule must never fail an import: the article is saved already; a failed rule run is retried by "apply".
    await applyRules(library, created.map((m) => m.id)).catch(() => undefined);
  });
}
