/** Handlers for the highlights contract (preload/contract-marks.ts): highlights, notes, smart views and rules. */
import {
  addHighlight,
  addRule,
  addView,
  applyRules,
  catalogOf,
  changeMarks,
  countViews,
  editRule,
  listRules,
  listViews,
  readMarks,
  removeRule,
  removeView,
  testRule,
  type Library,
} from './core/store';
import { KabarError } from './core/errors';
import { parseQuery } from './core/search';
import type { MarksHandlers } from '../preload/contract';

/** Where a stored view's query fails to parse (the window's message names the position). */
function queryErrorParams(query: string): Record<string, string | number> {
  try {
    parseQuery(query);
    return {};
  } catch (error) {
    return error instanceof KabarError ? ((error.params ?? {}) as Record<string, string | number>) : {};
  }
}

/** The highlights domain's handlers over an opened library. */
export function marksHandlers(library: Library): MarksHandlers {
  const catalog = catalogOf(library);
  return {
    'marks:get': async (articleId) => readMarks(library, articleId),
    'marks:add': async (articleId, input) => addHighlight(library, articleId, input),
    'marks:change': async (articleId, op) => changeMarks(library, articleId, op),
    'marks:list': async (filter) => catalog.list(filter),
    'marks:search': async (query, limit) => catalog.search(query, limit),
    'views:list': async () => {
      const counts = new Map((await countViews(library)).map((c) => [c.id, c]));
      return listViews(library).map((v) => {
        const error = counts.get(v.id)?.error;
        return { ...v, count: counts.get(v.id)?.count ?? null, ...(error ? { error, errorParams: queryErrorParams(v.query) } : {}) };
      });
    },
    'views:add': async (input) => addView(library, input),
    'views:remove': async (id) => removeView(library, id),
    'rules:list': async () => listRules(library),
    'rules:add': async (input) => addRule(library, input),
    'rules:remove': async (id) => removeRule(library, id),
    'rules:edit': async (id, patch) => editRule(library, id, patch),
    'rules:test': async (query) => testRule(library, query),
    'rules:apply': async (id) => applyRules(library, undefined, id ?? undefined),
  };
}
