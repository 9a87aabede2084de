/**
 * The one query syntax of the search box, smart views, rules and `kabar search`:
 *   tag:x  -tag:x  lang:id  site:kompas.com  feed:"Name"  is:unread|read|bookmarked|highlighted
 *   has:translation|note  before:2026-01-01  after:2025-12-31  "a phrase"  -word  a OR b  ( … )
 * Words next to each other must all match; OR binds tighter than that (`a b OR c` = a AND (b OR c)).
 * A malformed query is a KabarError naming what is wrong and where (a 1-based character position).
 */
import { KabarError, type ErrorCode } from '../errors';

/** Filters that take a value after a colon. */
export const FILTER_KEYS = ['tag', 'lang', 'site', 'feed', 'is', 'has', 'before', 'after'] as const;
/** One of the filter keys. */
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Values `is:` accepts. */
export const IS_VALUES = ['unread', 'read', 'bookmarked', 'highlighted'] as const;
/** Values `has:` accepts. */
export const HAS_VALUES = ['translation', 'note'] as const;

/** A parsed query. */
export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  /** Words of the text (all must match, each as a word beginning), or an exact phrase. */
  | { kind: 'text'; text: string; phrase: boolean }
  | { kind: 'filter'; key: FilterKey; value: string };

/** Nesting deeper than this is refused (a query is typed, not generated). */
const MAX_DEPTH = 32;
/** Longer queries are refused before parsing. */
export const MAX_QUERY_CHARS = 2000;

type Token =
  | { t: 'word'; text: string; at: number; neg: boolean }
  | { t: 'phrase'; text: string; at: number; neg: boolean }
  | { t: 'filter'; key: string; value: string; at: number; neg: boolean; quoted: boolean }
  | { t: 'or'; at: number }
  | { t: 'open'; at: number; neg: boolean }
  | { t: 'close'; at: number };

function fail(code: ErrorCode, message: string, at: number, token = ''): never {
  throw new KabarError(code, `${message} (at character ${at + 1} of the query)`, { position: at + 1, token });
}

/** Reads a "…" string starting at `at` (the opening quote); returns its text and the index after it. */
function quoted(query: string, at: number): [string, number] {
  const close = query.indexOf('"', at + 1);
  if (close < 0) fail('QUERY_UNCLOSED_QUOTE', 'A quotation mark is not closed', at, '"');
  return [query.slice(at + 1, close), close + 1];
}

const SPACE = /\s/;
const STOP = /[\s()"]/;
const KEY = /^([a-z]+):/i;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (ch === ')') {
      tokens.push({ t: 'close', at: i++ });
      continue;
    }
    const at = i;
    // "-" negates what directly follows it; alone (or before a space) it is just a dash.
    const neg = ch === '-' && i + 1 < query.length && !SPACE.test(query[i + 1] as string);
    if (neg) i++;
    const c = query[i] as string;
    if (c === '(') {
      tokens.push({ t: 'open', at, neg });
      i++;
    } else if (c === '"') {
      const [text, end] = quoted(query, i);
      tokens.push({ t: 'phrase', text, at, neg });
      i = end;
    } else {
      let end = i;
      while (end < query.length && !STOP.test(query[end] as string)) end++;
      const word = query.slice(i, end);
      const key = KEY.exec(word);
      if (key && !word.startsWith(`${key[1]}://`)) {
        let value = word.slice(key[0].length);
        let isQuoted = false;
        if (value === '' && query[end] === '"') [value, end, isQuoted] = [...quoted(query, end), true];
        tokens.push({ t: 'filter', key: (key[1] as string).toLowerCase(), value, at, neg, quoted: isQuoted });
      } else if (word === 'OR' && !neg) tokens.push({ t: 'or', at });
      else tokens.push({ t: 'word', text: word, at, neg });
      i = end;
    }
  }
  return tokens;
}

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Checks a filter's value; returns it normalized (dates as YYYY-MM-DD, others lower-case where case means nothing). */
function filterValue(token: Extract<Token, { t: 'filter' }>): string {
  const { key, value, at } = token;
  if (!(FILTER_KEYS as readonly string[]).includes(key)) fail('QUERY_UNKNOWN_FILTER', `There is no filter "${key}:"`, at, `${key}:`);
  if (value.trim() === '') fail('QUERY_BAD_VALUE', `"${key}:" needs a value`, at, `${key}:`);
  if (key === 'is' || key === 'has') {
    const allowed: readonly string[] = key === 'is' ? IS_VALUES : HAS_VALUES;
    const v = value.toLowerCase();
    if (!allowed.includes(v)) fail('QUERY_BAD_VALUE', `"${key}:${value}" is not known; use ${allowed.map((a) => `${key}:${a}`).join(', ')}`, at, `${key}:${value}`);
    return v;
  }
  if (key === 'before' || key === 'after') {
    const m = DATE.exec(value);
    const date = m ? new Date(`${m[1]}-${m[2]}-${m[3] ?? '01'}T00:00:00Z`) : null;
    if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3] ?? '01'}`) {
      fail('QUERY_BAD_VALUE', `"${value}" is not a date; write it as 2026-01-31`, at, `${key}:${value}`);
    }
    return date.toISOString().slice(0, 10);
  }
  if (key === 'site') return value.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
  if (key === 'lang') return value.toLowerCase();
  return value.trim();
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.and();
    const extra = this.tokens[this.i];
    if (extra) fail('QUERY_UNBALANCED', 'A closing parenthesis has no opening one', extra.at, ')');
    return node;
  }

  /** Items next to each other, up to a ")" or the end. */
  private and(): QueryNode {
    const items: QueryNode[] = [];
    for (let next = this.tokens[this.i]; next && next.t !== 'close'; next = this.tokens[this.i]) items.push(this.or());
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', items };
  }

  private or(): QueryNode {
    const items = [this.unary()];
    while (this.tokens[this.i]?.t === 'or') {
      const or = this.tokens[this.i++] as Token;
      const next = this.tokens[this.i];
      if (!next || next.t === 'or' || next.t === 'close') fail('QUERY_MISPLACED_OR', 'OR needs something on both sides', or.at, 'OR');
      items.push(this.unary());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'or', items };
  }

  private unary(): QueryNode {
    const token = this.tokens[this.i++] as Token;
    let node: QueryNode;
    switch (token.t) {
      case 'or':
        fail('QUERY_MISPLACED_OR', 'OR needs something on both sides', token.at, 'OR');
      // falls through: fail never returns
      case 'close':
        fail('QUERY_UNBALANCED', 'A closing parenthesis has no opening one', token.at, ')');
      // falls through: fail never returns
      case 'open': {
        if (++this.depth > MAX_DEPTH) fail('QUERY_TOO_COMPLEX', `Parentheses nest more than ${MAX_DEPTH} deep`, token.at, '(');
        node = this.and();
        if (this.tokens[this.i]?.t !== 'close') fail('QUERY_UNBALANCED', 'A parenthesis is not closed', token.at, '(');
        this.i++;
        this.depth--;
        if (node.kind === 'and' && node.items.length === 0) fail('QUERY_UNBALANCED', 'The parentheses hold nothing', token.at, '()');
        break;
      }
      case 'word':
        node = { kind: 'text', text: token.text, phrase: false };
        break;
      case 'phrase':
        node = { kind: 'text', text: token.text, phrase: true };
        break;
      case 'filter':
        node = { kind: 'filter', key: token.key as FilterKey, value: filterValue(token) };
        break;
    }
    return 'neg' in token && token.neg ? { kind: 'not', item: node } : node;
  }
}

/** Parses a query; throws a KabarError (QUERY_*) with `position` and `token` when it is malformed. */
export function parseQuery(query: string): QueryNode {
  if (query.length > MAX_QUERY_CHARS) fail('QUERY_TOO_COMPLEX', `A query can be at most ${MAX_QUERY_CHARS} characters long`, MAX_QUERY_CHARS, '');
  return new Parser(tokenize(query)).parse();
}

/** Whether a parsed query is only words (the plain full-text search, ranked as before). */
export function isPlainText(node: QueryNode): boolean {
  if (node.kind === 'text') return !node.phrase;
  return node.kind === 'and' && node.items.every((n) => n.kind === 'text' && !n.phrase);
}

/** The words a query requires at its top level (used to rank and mark its results). */
export function requiredWords(node: QueryNode): string[] {
  if (node.kind === 'text') return [node.text];
  if (node.kind === 'and') return node.items.flatMap((n) => (n.kind === 'text' ? [n.text] : []));
  return [];
}
