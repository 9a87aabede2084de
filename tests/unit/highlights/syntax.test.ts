/** The query syntax: what it parses to, and what a malformed query says (never a crash). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KabarError } from '../../../main/core/errors';
import { parseQuery, type QueryNode } from '../../../main/core/search';

function codeOf(query: string): { code: string; position: number } | null {
  try {
    parseQuery(query);
    return null;
  } catch (error) {
    if (!(error instanceof KabarError)) throw error;
    return { code: error.code, position: error.params.position as number };
  }
}

describe('parsing', () => {
  it('reads every filter of the brief in one query', () => {
    const node = parseQuery('tag:politik -tag:olahraga lang:id site:https://www.Kompas.com/berita feed:"Berita Satu" is:unread is:bookmarked is:highlighted has:translation before:2026-01-01 after:2025-06');
    expect(node).toEqual({
      kind: 'and',
      items: [
        { kind: 'filter', key: 'tag', value: 'politik' },
        { kind: 'not', item: { kind: 'filter', key: 'tag', value: 'olahraga' } },
        { kind: 'filter', key: 'lang', value: 'id' },
        { kind: 'filter', key: 'site', value: 'kompas.com' },
        { kind: 'filter', key: 'feed', value: 'Berita Satu' },
        { kind: 'filter', key: 'is', value: 'unread' },
        { kind: 'filter', key: 'is', value: 'bookmarked' },
        { kind: 'filter', key: 'is', value: 'highlighted' },
        { kind: 'filter', key: 'has', value: 'translation' },
        { kind: 'filter', key: 'before', value: '2026-01-01' },
        { kind: 'filter', key: 'after', value: '2025-06-01' },
      ],
    });
  });

  it('reads phrases, negated words, OR (tighter than AND) and parentheses', () => {
    const node = parseQuery('"diplomasi bayangan" -rusia inggris OR amerika (tag:a OR -tag:b)');
    const expected: QueryNode = {
      kind: 'and',
      items: [
        { kind: 'text', text: 'diplomasi bayangan', phrase: true },
        { kind: 'not', item: { kind: 'text', text: 'rusia', phrase: false } },
        { kind: 'or', items: [{ kind: 'text', text: 'inggris', phrase: false }, { kind: 'text', text: 'amerika', phrase: false }] },
        { kind: 'or', items: [{ kind: 'filter', key: 'tag', value: 'a' }, { kind: 'not', item: { kind: 'filter', key: 'tag', value: 'b' } }] },
      ],
    };
    expect(node).toEqual(expected);
  });

  it('keeps words that only look like filters as words: URLs, times, lower-case or, a lone dash', () => {
    expect(parseQuery('https://kompas.com')).toEqual({ kind: 'text', text: 'https://kompas.com', phrase: false });
    expect(parseQuery('10:30')).toEqual({ kind: 'text', text: '10:30', phrase: false });
    expect(parseQuery('kopi or teh')).toMatchObject({ kind: 'and', items: [{ text: 'kopi' }, { text: 'or' }, { text: 'teh' }] });
    expect(parseQuery('a - b')).toMatchObject({ kind: 'and', items: [{ text: 'a' }, { text: '-' }, { text: 'b' }] });
    expect(parseQuery('Tag:Politik')).toEqual({ kind: 'filter', key: 'tag', value: 'Politik' });
    expect(parseQuery('')).toEqual({ kind: 'and', items: [] });
  });
});

describe('malformed queries', () => {
  it.each([
    ['tag:x "unclosed phrase', 'QUERY_UNCLOSED_QUOTE', 7],
    ['feed:"Berita', 'QUERY_UNCLOSED_QUOTE', 6],
    ['colour:red', 'QUERY_UNKNOWN_FILTER', 1],
    ['a is:sleeping', 'QUERY_BAD_VALUE', 3],
    ['has:wings', 'QUERY_BAD_VALUE', 1],
    ['before:yesterday', 'QUERY_BAD_VALUE', 1],
    ['after:2026-02-30', 'QUERY_BAD_VALUE', 1],
    ['tag:', 'QUERY_BAD_VALUE', 1],
    ['OR kopi', 'QUERY_MISPLACED_OR', 1],
    ['kopi OR', 'QUERY_MISPLACED_OR', 6],
    ['kopi OR OR teh', 'QUERY_MISPLACED_OR', 6],
    ['(kopi teh', 'QUERY_UNBALANCED', 1],
    ['kopi) teh', 'QUERY_UNBALANCED', 5],
    ['()', 'QUERY_UNBALANCED', 1],
    ['('.repeat(40) + 'a' + ')'.repeat(40), 'QUERY_TOO_COMPLEX', 33],
    ['x'.repeat(2001), 'QUERY_TOO_COMPLEX', 2001],
  ])('%j → %s at %i', (query, code, position) => {
    expect(codeOf(query)).toEqual({ code, position });
  });

  it('never throws anything but a KabarError with a position, on any input (fast-check, fixed seed)', () => {
    const alphabet = fc.constantFrom('tag:', 'is:', 'has:', 'before:', 'feed:', '"', '(', ')', '-', ' ', 'OR', 'x', 'ü', '日本', '2026-01-01', ':', '\u202e', '\n');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''))), (query) => {
        try {
          parseQuery(query);
        } catch (error) {
          expect(error).toBeInstanceOf(KabarError);
          expect((error as KabarError).code).toMatch(/^QUERY_/);
          expect((error as KabarError).params.position).toBeGreaterThan(0);
        }
      }),
      { seed: 1313, numRuns: 3000 },
    );
  });
});
