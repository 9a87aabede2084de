import { describe, expect, it } from 'vitest';
import { assembleBlock, collect, planUnits, translateBlocksWith } from '../../../main/core/translate/engine';
import { decodeEntities, fromFragment, toFragment } from '../../../main/core/translate/markup';
import type { Block, Inline } from '../../../main/core/types';

describe('markup fragments', () => {
  it('round-trips runs with links, emphasis and code', () => {
    const runs: Inline[] = [
      { text: 'Read ' },
      { text: 'the report', href: 'https://example.org/a?b=1&c=2' },
      { text: ' and ' },
      { text: 'this', em: true, strong: true },
      { text: ' ' },
      { text: 'x < y', code: true },
      { text: ' now & "later".' },
    ];
    const fragment = toFragment(runs);
    expect(fragment.html).not.toContain('example.org');
    expect(fragment.html).not.toContain('x < y');
    expect(fromFragment(fragment.html, fragment)).toEqual(runs);
  });

  it('keeps line breaks as <br>', () => {
    const fragment = toFragment([{ text: 'one\ntwo ' }, { text: 'three', em: true }]);
    expect(fragment.html).toBe('one<br>two <i>three</i>');
    expect(fromFragment(' uno <br> dos <i>tres</i> ', fragment)).toEqual([{ text: 'uno\ndos ' }, { text: 'tres', em: true }]);
  });

  it('drops tags it did not write and decodes entities', () => {
    expect(fromFragment(' <font x="1">Hola</font> &amp; <i>mundo</i> &#233;&#x41; ', { hrefs: [], codes: [] })).toEqual([
      { text: 'Hola & ' },
      { text: 'mundo', em: true },
      { text: ' éA' },
    ]);
    expect(decodeEntities('&lt;b&gt; &nbsp; &bogus;')).toBe('<b> \u00a0 &bogus;');
  });
});

describe('block driver', () => {
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'Head' },
    { type: 'image', text: '', src: 'https://x.test/a.png' },
    { type: 'list', text: 'one\ntwo', items: [[{ text: 'one' }], [{ text: 'two', strong: true }]] },
    { type: 'code', text: 'let a = 1' },
    { type: 'paragraph', text: 'bad' },
  ];

  it('plans one fragment per text block and list item, none for images and code', () => {
    const { units, byBlock } = planUnits(blocks);
    expect(units).toHaveLength(4);
    expect(byBlock.map((u) => u.length)).toEqual([1, 0, 2, 0, 1]);
  });

  it('streams blocks in order, passes images through and marks a failed block', async () => {
    const progress: number[] = [];
    const out = await collect(
      translateBlocksWith(
        blocks,
        async function* (fragments) {
          // Results out of order: the driver still yields blocks in order.
          for (let i = fragments.length - 1; i >= 0; i -= 1) {
            const html = fragments[i] as string;
            yield html.includes('bad') ? { index: i, error: 'boom' } : { index: i, html: html.toUpperCase().replace(/<\/?B>/g, (t) => t.toLowerCase()) };
          }
        },
        { onProgress: (done) => progress.push(done) },
      ),
    );
    expect(out.map((b) => b.type)).toEqual(blocks.map((b) => b.type));
    expect(out[0]?.text).toBe('HEAD');
    expect(out[1]).toEqual(blocks[1]);
    expect(out[2]?.items).toEqual([[{ text: 'ONE' }], [{ text: 'TWO', strong: true }]]);
    expect(out[2]?.text).toBe('ONE\nTWO');
    expect(out[3]).toEqual(blocks[3]);
    expect(out[4]).toEqual({ ...blocks[4], failed: 'boom' });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('assembles a block with inline runs', () => {
    const block: Block = { type: 'paragraph', text: 'a b', inline: [{ text: 'a ' }, { text: 'b', href: 'h' }] };
    expect(assembleBlock(block, [[{ text: 'x ' }, { text: 'y', href: 'h' }]])).toEqual({ type: 'paragraph', text: 'x y', inline: [{ text: 'x ' }, { text: 'y', href: 'h' }] });
  });
});
