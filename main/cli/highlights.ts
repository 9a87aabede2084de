/** `kabar highlights …`, `kabar rules …` and `kabar views …`: highlights and notes, rules and smart views over the same core. */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { exportHighlights } from '../core/export';
import { isColor, type HighlightColor } from '../core/highlights';
import {
  addRule,
  addView,
  applyRules,
  catalogOf,
  countViews,
  listRules,
  listViews,
  removeRule,
  removeView,
  testRule,
  type HighlightEntry,
  type Library,
  type Rule,
} from '../core/store';
import { resolveId, type Command, type CommandOptions } from './base';
import { snippetText, type CommandResult } from './output';

/** Options these commands read beyond the shared ones. */
type MarkOptions = CommandOptions & { article?: string; color?: string; name?: string; 'mark-read'?: boolean };

function usage(text: string): KabarError {
  return new KabarError('INVALID_ARGUMENT', `Usage: kabar ${text}`);
}

function entryLine(e: HighlightEntry): string {
  const h = e.highlight;
  const flags = [h.color, h.lang ? `on ${h.lang}` : '', h.detached ? 'detached' : ''].filter(Boolean).join(', ');
  const note = h.note ? `\n      note: ${h.note.replace(/\s+/g, ' ')}` : '';
  return `${e.articleId.slice(0, 10)}  ${h.createdAt.slice(0, 10)}  [${flags}]  “${h.quote.exact.replace(/\s+/g, ' ')}”\n      ${e.title}${note}`;
}

function colorOption(value: string | undefined): HighlightColor | undefined {
  if (value === undefined) return undefined;
  if (!isColor(value)) throw new KabarError('INVALID_ARGUMENT', `"${value}" is not a highlight colour (yellow, green, blue, pink, purple).`, { field: 'color' });
  return value;
}

async function highlights(library: Library, o: MarkOptions): Promise<CommandResult> {
  const [sub = 'list', ...rest] = o.positionals;
  const catalog = catalogOf(library);
  if (sub === 'list') {
    const page = await catalog.list({
      articleId: o.article ? resolveId(library, o.article) : undefined,
      tag: o.tag[0],
      color: colorOption(o.color),
      lang: o.lang,
      offset: o.offset ? Number(o.offset) : 0,
      limit: o.limit ? Number(o.limit) : undefined,
    });
    const text = page.items.length ? page.items.map(entryLine).join('\n') : 'No highlights.';
    return { json: page, text: `${text}\n(${page.items.length} of ${page.total})` };
  }
  if (sub === 'search') {
    if (rest.length === 0) throw usage('highlights search <words>');
    const hits = await catalog.search(rest.join(' '), o.limit ? Number(o.limit) : 20);
    const text = hits.length ? hits.map((h) => `${h.articleId.slice(0, 10)}  “${snippetText(h.text)}”${h.note ? `  — ${snippetText(h.note)}` : ''}`).join('\n') : 'No highlights match.';
    return { json: hits, text };
  }
  if (sub === 'export') {
    if (!o.out) throw usage('highlights export --out DIR [--article ID]');
    const files = await exportHighlights(library, resolve(o.cwd, o.out), o.article ? [resolveId(library, o.article)] : undefined);
    return { json: { files }, text: files.length ? files.join('\n') : 'No articles with highlights or notes.' };
  }
  throw usage('highlights list [--article ID] [--tag T] [--color C] [--lang L] | search <words> | export --out DIR');
}

function ruleLine(rule: Rule, index: number): string {
  const a = rule.actions;
  const does = [...(a.addTags ?? []).map((t) => `+tag ${t}`), a.bookmark ? 'bookmark' : '', a.markRead ? 'mark read' : ''].filter(Boolean).join(', ');
  return `${index + 1}. ${rule.id.slice(0, 8)}  ${rule.enabled ? '' : '(off) '}when ${rule.query}  →  ${does}${rule.name !== rule.query ? `  (${rule.name})` : ''}`;
}

async function rules(library: Library, o: MarkOptions): Promise<CommandResult> {
  const [sub = 'list', ...rest] = o.positionals;
  if (sub === 'list') {
    const all = listRules(library);
    return { json: all, text: all.length ? all.map(ruleLine).join('\n') : 'No rules. Add one with: kabar rules add "QUERY" --tag T' };
  }
  if (sub === 'add') {
    if (rest.length === 0) throw usage('rules add "QUERY" [--tag T]... [--bookmarked] [--mark-read] [--name N]');
    const rule = addRule(library, { name: o.name, query: rest.join(' '), actions: { addTags: o.tag, bookmark: o.bookmarked, markRead: o['mark-read'] } });
    const matches = await testRule(library, rule.query);
    return { json: { rule, matches }, text: `added rule ${rule.id.slice(0, 8)}; it matches ${matches} articles now (kabar rules apply changes them)` };
  }
  if (sub === 'remove') {
    if (!rest[0]) throw usage('rules remove ID');
    const { rule } = removeRule(library, rest[0]);
    return { json: rule, text: `removed rule ${rule.id.slice(0, 8)} (${rule.query})` };
  }
  if (sub === 'test') {
    if (rest.length === 0) throw usage('rules test "QUERY"');
    const matches = await testRule(library, rest.join(' '));
    return { json: { matches }, text: `matches ${matches} articles` };
  }
  if (sub === 'apply') {
    const only = rest[0] ? listRules(library).find((r) => r.id.startsWith(rest[0] as string))?.id : undefined;
    if (rest[0] && !only) throw new KabarError('NOT_FOUND', `No rule with id ${rest[0]}.`, { id: rest[0] });
    const report = await applyRules(library, undefined, only);
    return { json: report, text: `${report.changed} articles changed` };
  }
  throw usage('rules list | add "QUERY" [--tag T] [--bookmarked] [--mark-read] | remove ID | test "QUERY" | apply [ID]');
}

async function views(library: Library, o: MarkOptions): Promise<CommandResult> {
  const [sub = 'list', ...rest] = o.positionals;
  if (sub === 'list') {
    const counts = new Map((await countViews(library)).map((c) => [c.id, c]));
    const all = listViews(library).map((v) => ({ ...v, count: counts.get(v.id)?.count ?? null, error: counts.get(v.id)?.error }));
    const text = all.map((v) => `${v.id.slice(0, 8)}  ${String(v.count ?? `! ${v.error}`).padStart(6)}  ${v.name}  (${v.query})`).join('\n');
    return { json: all, text: all.length ? text : 'No smart views. Add one with: kabar views add NAME "QUERY"' };
  }
  if (sub === 'add') {
    const [name, ...query] = rest;
    if (!name || query.length === 0) throw usage('views add NAME "QUERY"');
    const view = addView(library, { name, query: query.join(' ') });
    return { json: view, text: `added view ${view.id.slice(0, 8)}  ${view.name}` };
  }
  if (sub === 'remove') {
    if (!rest[0]) throw usage('views remove ID');
    const view = removeView(library, rest[0]);
    return { json: view, text: `removed view ${view.name}` };
  }
  throw usage('views list | add NAME "QUERY" | remove ID');
}

/** The commands this file adds, by name. */
export const MARK_COMMANDS: Record<string, Command> = {
  highlights: (library, o) => highlights(library, o as MarkOptions),
  rules: (library, o) => rules(library, o as MarkOptions),
  views: (library, o) => views(library, o as MarkOptions),
};
