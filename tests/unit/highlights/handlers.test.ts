/** The highlights IPC handlers (preload/contract-marks.ts) over a real library: argument checks, highlights with undo, views, rules, search syntax. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { parseArgs } from '../../../main/wire';
import { SEED, tempDir } from '../helpers';

let set: HandlerSet;

beforeEach(async () => {
  set = await createHandlers({
    dataDir: await tempDir(),
    version: 'x',
    systemLocale: 'en',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: () => undefined,
    chooseFiles: async () => [],
    setMenuStrings: () => undefined,
  });
});
afterEach(async () => {
  await set.close();
});

async function seed(): Promise<{ id: string; block: number; start: number }> {
  const summary = await set.handlers['import:paths']([SEED], ['intel']);
  const id = (summary.results[0] as { id: string }).id;
  const article = await set.handlers['article:get'](id);
  const block = article.blocks.findIndex((b) => b.text.includes('Sergei Naryshkin'));
  return { id, block, start: article.blocks[block]!.text.indexOf('Sergei Naryshkin') };
}

describe('highlights handlers', () => {
  it('refuse bad arguments before any handler runs', () => {
    expect(() => parseArgs('marks:add', ['abc', { anchor: { block: 0, start: 0, end: 5 }, color: 'orange' }])).toThrow(ZodError);
    expect(() => parseArgs('marks:add', ['abc', { anchor: { block: -1, start: 0, end: 5 }, color: 'blue' }])).toThrow(ZodError);
    expect(() => parseArgs('marks:change', ['abc', { op: 'explode' }])).toThrow(ZodError);
    expect(() => parseArgs('rules:add', [{ query: '', actions: {} }])).toThrow(ZodError);
    expect(parseArgs('marks:change', ['abc', { op: 'update', id: 'h', color: 'pink', note: null }])).toBeTruthy();
  });

  it('make, list, search, change and undo a highlight; views count it; rules act on it', async () => {
    const { id, block, start } = await seed();
    const made = await set.handlers['marks:add'](id, { anchor: { block, start, end: start + 16 }, color: 'yellow', note: 'kepala SVR' });
    expect(made.highlight?.quote.exact).toBe('Sergei Naryshkin');
    expect((await set.handlers['marks:list']({ color: 'yellow' })).total).toBe(1);
    expect((await set.handlers['marks:search']('svr', 10)).map((h) => h.articleId)).toEqual([id]);
    const recoloured = await set.handlers['marks:change'](id, { op: 'update', id: made.highlight!.id, color: 'green' });
    await set.handlers['marks:change'](id, recoloured.undo);
    expect((await set.handlers['marks:get'](id)).highlights[0]?.color).toBe('yellow');
    const deleted = await set.handlers['marks:change'](id, { op: 'delete', id: made.highlight!.id });
    expect((await set.handlers['marks:get'](id)).highlights).toEqual([]);
    await set.handlers['marks:change'](id, deleted.undo);
    expect((await set.handlers['marks:get'](id)).highlights.map((h) => h.id)).toEqual([made.highlight!.id]);

    await set.handlers['views:add']({ name: 'Ditandai', query: 'is:highlighted tag:intel' });
    expect((await set.handlers['views:list']()).map((v) => v.count)).toEqual([1]);
    await expect(set.handlers['views:add']({ name: 'x', query: 'is:' })).rejects.toMatchObject({ code: 'QUERY_BAD_VALUE' });

    expect(await set.handlers['rules:test']('naryshkin is:highlighted')).toBe(1);
    const rule = await set.handlers['rules:add']({ query: 'is:highlighted', actions: { addTags: ['ditandai'], bookmark: true } });
    expect((await set.handlers['rules:apply'](null)).changed).toBe(1);
    expect((await set.handlers['article:get'](id)).tags).toEqual(['intel', 'ditandai']);
    const off = await set.handlers['rules:edit'](rule.id, { enabled: false });
    expect(off.enabled).toBe(false);
    expect((await set.handlers['rules:remove'](rule.id)).index).toBe(0);

    expect((await set.handlers['search:query']('naryshkin is:bookmarked', 10)).map((h) => h.id)).toEqual([id]);
    await expect(set.handlers['search:query']('naryshkin "open', 10)).rejects.toMatchObject({ code: 'QUERY_UNCLOSED_QUOTE', params: { position: 11 } });
  });
});
