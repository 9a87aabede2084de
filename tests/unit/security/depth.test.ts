/** The depth guard: pathological nesting is flattened before jsdom sees it; real pages pass through untouched. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../main/core/articles';
import { limitDepth, MAX_DEPTH } from '../../../main/core/articles/depth';
import { CORPUS } from '../helpers';

const PAGES = join(CORPUS, 'pages');
const FILLER = '<p>The council met on Tuesday to decide the future of the old ferry pier, and the vote was close.</p>'.repeat(4);

/** How deep the markup really nests, as jsdom's parser builds it. */
function treeDepth(html: string): number {
  const { window } = new JSDOM(html);
  let max = 0;
  const stack: [Element, number][] = [[window.document.documentElement, 1]];
  while (stack.length) {
    const [el, d] = stack.pop() as [Element, number];
    max = Math.max(max, d);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

describe('limitDepth', () => {
  it('leaves every corpus page byte-identical (real pages never nest that deep)', () => {
    const pages = readdirSync(PAGES);
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const html = readFileSync(join(PAGES, page, 'source.html'), 'utf8');
      expect(limitDepth(html) === html, page).toBe(true);
    }
  });

  it('leaves sloppy but shallow markup alone: thousands of unclosed <p>, <li>, <td>', () => {
    const sloppy = `<body>${'<p>para'.repeat(3000)}<ul>${'<li>item'.repeat(3000)}</ul><table>${'<tr><td>a<td>b'.repeat(2000)}</table>`;
    expect(limitDepth(sloppy)).toBe(sloppy);
  });

  for (const [name, open, close] of [
    ['div', '<div>', '</div>'],
    ['inline', '<b><i>', '</i></b>'],
    ['list', '<ul><li>', '</li></ul>'],
    ['blockquote', '<blockquote>', '</blockquote>'],
    ['self-closed div', '<div/>', ''],
    ['svg', '<svg><g>', '</g></svg>'],
  ] as const) {
    it(`caps ${name} nesting 5000 deep, keeps the text, and imports in seconds`, () => {
      const html = `<html><head><title>Deep ${name}</title></head><body><article><h1>Deep ${name}</h1>${FILLER}${open.repeat(5000)}innermost words${close.repeat(5000)}${FILLER}</article></body></html>`;
      const limited = limitDepth(html);
      expect(limited).toContain('innermost words');
      expect(treeDepth(limited)).toBeLessThanOrEqual(2 * MAX_DEPTH + 10);
      const start = performance.now();
      const article = extractFromBytes(Buffer.from(html), { fileName: 'deep.html' });
      expect(performance.now() - start).toBeLessThan(10_000);
      expect(article.blocks.map((b) => b.text).join(' ')).toContain('council met');
    });
  }
});
