// @vitest-environment jsdom
/**
 * Highlights in the reader's blocks: runs cut at highlight boundaries render as <mark> over text only,
 * list items count as the core joins them, and DOM offsets (skipping the layer's own controls) map
 * back to the stored text; which side shows what in each reading mode.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Block, Highlight } from '../../preload/contract';
import { MarksContext, type DecorFor } from '../../renderer/src/features/marks/context';
import { planDecor } from '../../renderer/src/features/marks/decor';
import { itemBases, splitRuns } from '../../renderer/src/features/marks/segments';
import { offsetIn, textOf } from '../../renderer/src/features/marks/selection';
import { SmartViews } from '../../renderer/src/features/marks/MarksSidebar';
import { Blocks } from '../../renderer/src/features/reader/Blocks';
import { useLibrary } from '../../renderer/src/stores/library';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

beforeEach(async () => {
  await setupDom();
});
afterEach(cleanup);

const hl = (id: string, block: number, start: number, end: number, extra: Partial<Highlight> = {}): Highlight => ({
  id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  color: 'yellow',
  anchor: { block, start, end },
  quote: { exact: 'x', prefix: '', suffix: '' },
  ...extra,
});

describe('splitRuns', () => {
  it('cuts runs at every boundary and keeps link and emphasis on each piece', () => {
    const runs = [{ text: 'Hello ' }, { text: 'brave new', href: 'https://example.com/', em: true }, { text: ' world' }];
    const pieces = splitRuns(runs, [{ id: 'a', color: 'green', start: 3, end: 12 }]);
    expect(pieces.map((p) => [p.run.text, p.mark?.id ?? null, Boolean(p.run.href)])).toEqual([
      ['Hel', null, false],
      ['lo ', 'a', false],
      ['brave ', 'a', true],
      ['new', null, true],
      [' world', null, false],
    ]);
  });

  it('lets the newest of two overlapping highlights show', () => {
    const pieces = splitRuns([{ text: 'abcdefgh' }], [
      { id: 'old', color: 'yellow', start: 0, end: 6 },
      { id: 'new', color: 'blue', start: 4, end: 8 },
    ]);
    expect(pieces.map((p) => [p.run.text, p.mark?.id])).toEqual([
      ['abcd', 'old'],
      ['ef', 'new'],
      ['gh', 'new'],
    ]);
  });

  it('numbers list items as the core joins them (one "\\n" between)', () => {
    expect(itemBases([[{ text: 'one' }], [{ text: 'tw' }, { text: 'o' }], [{ text: 'three' }]])).toEqual([0, 4, 8]);
  });
});

describe('blocks with highlights', () => {
  const blocks: Block[] = [
    { type: 'paragraph', text: 'Sir Richard Moore called.', inline: [{ text: 'Sir ' }, { text: 'Richard Moore', strong: true }, { text: ' called.' }] },
    { type: 'list', text: 'alpha\nbeta gamma', items: [[{ text: 'alpha' }], [{ text: 'beta gamma' }]] },
  ];
  const decor: DecorFor = (side, index) =>
    side !== 'original'
      ? undefined
      : index === 0
        ? { ranges: [{ id: 'h1', color: 'pink', start: 4, end: 17 }] }
        : index === 1
          ? { ranges: [{ id: 'h2', color: 'blue', start: 6, end: 10 }], flagged: true, extra: <button data-mark-ui="">Jump</button> }
          : undefined;

  it('render <mark> over the exact stored offsets, and offsets read back from the DOM', () => {
    const { container } = render(
      <MarksContext.Provider value={decor}>
        <Blocks blocks={blocks} />
      </MarksContext.Provider>,
    );
    const p = container.querySelector<HTMLElement>('[data-block="0"]')!;
    expect(p.querySelector('mark.hl-pink')?.textContent).toBe('Richard Moore');
    expect(p.querySelector('mark strong')?.textContent).toBe('Richard Moore');
    const list = container.querySelector<HTMLElement>('[data-block="1"]')!;
    expect(list.className).toContain('hl-flag');
    expect(list.querySelector('mark.hl-blue')?.textContent).toBe('beta');
    // The control's text never counts; list items count one separator.
    expect(textOf(list)).toBe('alpha\nbeta gamma');
    const mark = list.querySelector('mark')!;
    expect(offsetIn(list, mark.firstChild!.firstChild ?? mark.firstChild!, 0)).toBe(6);
    const strong = p.querySelector('strong')!.firstChild!;
    expect(offsetIn(p, strong, 8)).toBe(12);
  });
});

describe('planDecor', () => {
  const original: Block[] = [{ type: 'paragraph', text: 'abcdef' }, { type: 'paragraph', text: 'ghijkl' }];
  const translation = { lang: 'ms', blocks: [{ type: 'paragraph', text: 'ABCDEF' }, { type: 'paragraph', text: 'GHIJKL' }] as Block[] };
  const highlights = [hl('o', 0, 1, 3), hl('t', 1, 0, 2, { lang: 'ms' }), hl('d', 0, 0, 1, { detached: true }), hl('other', 1, 0, 1, { lang: 'fr' })];

  it('original: only original highlights, no flags', () => {
    const plan = planDecor(highlights, original, translation, 'original');
    expect([...plan.ranges.original.keys()]).toEqual([0]);
    expect(plan.ranges.translation.size).toBe(0);
    expect(plan.flags.original.size + plan.flags.translation.size).toBe(0);
  });

  it('bilingual: both sides, each flagging its pair', () => {
    const plan = planDecor(highlights, original, translation, 'bilingual');
    expect(plan.ranges.original.get(0)?.map((r) => r.id)).toEqual(['o']);
    expect(plan.ranges.translation.get(1)?.map((r) => r.id)).toEqual(['t']);
    expect(plan.flags.translation.get(0)).toBe('o');
    expect(plan.flags.original.get(1)).toBe('t');
  });

  it('translated: translation highlights in place, original ones flag their block', () => {
    const plan = planDecor(highlights, original, translation, 'translated');
    expect(plan.ranges.translation.get(1)?.map((r) => r.id)).toEqual(['t']);
    expect(plan.flags.translation.get(0)).toBe('o');
    expect(plan.flags.original.size).toBe(0);
  });

  it('a highlight over two blocks marks the end of the first and the start of the second', () => {
    const plan = planDecor([hl('two', 0, 4, 2, { anchor: { block: 0, start: 4, end: 2, endBlock: 1 } })], original, undefined, 'original');
    expect(plan.ranges.original.get(0)?.[0]).toMatchObject({ start: 4, end: 6 });
    expect(plan.ranges.original.get(1)?.[0]).toMatchObject({ start: 0, end: 2 });
  });
});

describe('smart views in the sidebar', () => {
  it('a view whose query no longer parses shows its translated error in place; the others still count and filter the list', async () => {
    const fake = new FakeKabar(2).install();
    const view = (id: string, name: string, query: string) => ({ id, name, query, createdAt: '2026-01-01T00:00:00.000Z' });
    fake.handlers['views:list'] = async () => [
      { ...view('v1', 'Broken', 'is:nonsense'), count: null, error: 'QUERY_BAD_VALUE', errorParams: { token: 'is:nonsense', position: 1 } },
      { ...view('v2', 'Unread', 'is:unread'), count: 7 },
    ];
    render(<SmartViews />);
    expect((await screen.findByTestId('smart-view-error')).textContent).toContain('The filter "is:nonsense" has a missing or wrong value (at character 1).');
    const unread = screen.getAllByTestId('smart-view')[1]!;
    expect(unread.textContent).toBe('Unread7×');
    fireEvent.click(unread.querySelector('.side-item')!);
    expect(useLibrary.getState().filter.smart).toEqual({ id: 'v2', query: 'is:unread' });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'library:list' && (c.args[0] as { query?: string }).query === 'is:unread')).toBe(true));
  });
});
