/** Text directly inside <ul>/<ol> with no <li> around it is kept as a list item (issue 12, pipeline fix 1). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../main/core/articles';
import type { Block } from '../../../main/core/types';
import { CORPUS, FAKEHOST } from './helpers';

const FILLER = 'The council met on Tuesday to discuss the new budget for the harbour and the schools of the town.';

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Loose lists</title></head><body><article><h1>Loose lists</h1>
    <p>${FILLER} ${FILLER}</p>${body}<p>${FILLER}</p></article></body></html>`;
}

function lists(blocks: Block[]): Block[] {
  return blocks.filter((b) => b.type === 'list');
}

describe('text straight inside a list element', () => {
  it('keeps `<ul> some words <i>more</i></ul>` as one item with its emphasis', () => {
    const article = parseHtml(page('<ul> some words <i>more</i></ul>'), 'http://example.test/a');
    const [list] = lists(article.blocks);
    expect(list).toEqual({ type: 'list', text: 'some words more', items: [[{ text: 'some words ' }, { text: 'more', em: true }]] });
  });

  it('keeps loose text beside real items, in document order, in <ul> and <ol>', () => {
    const article = parseHtml(
      page('<ol>Before the items <li>first</li> between <b>them</b><li>second</li>after<br>and a new line</ol>'),
      'http://example.test/a',
    );
    const [list] = lists(article.blocks);
    expect(list?.ordered).toBe(true);
    expect(list?.text.split('\n')).toEqual(['Before the items', 'first', 'between them', 'second', 'after', 'and a new line']);
  });

  it('keeps a paragraph and a link put straight inside a list', () => {
    const article = parseHtml(page('<ul><p>A paragraph in a list</p><a href="/more">read more</a></ul>'), 'http://example.test/a');
    const [list] = lists(article.blocks);
    expect(list?.items).toEqual([[{ text: 'A paragraph in a list' }], [{ text: 'read more', href: 'http://example.test/more' }]]);
  });

  it('still flattens nested lists after their item and ignores whitespace between items', () => {
    const article = parseHtml(page('<ul>\n  <li>Paths<ul> <li>Lit at night</li> </ul></li>\n  <li>Trees</li>\n</ul>'), 'http://example.test/a');
    expect(lists(article.blocks)[0]?.text).toBe('Paths\nLit at night\nTrees');
  });

  it('keeps the loose list words on a real corpus page (pages/001 with such a list in its body)', () => {
    const source = readFileSync(join(CORPUS, 'pages/001/source.html'), 'utf8');
    const marker = '<p>The idea behind code coverage';
    expect(source).toContain(marker);
    const html = source.replace(marker, '<ul> Istanbul instruments <i>every line</i> of the tests</ul>' + marker);
    const before = parseHtml(source, FAKEHOST);
    const after = parseHtml(html, FAKEHOST);
    const text = after.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Istanbul instruments every line of the tests');
    // Nothing else on the page changed.
    expect(after.blocks.filter((b) => !b.text.includes('Istanbul'))).toEqual(before.blocks);
  });
});
