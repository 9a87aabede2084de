/** The per-channel argument schemas main/ipc.ts validates every call with. */
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CHANNEL_NAMES as CHANNELS, parseArgs } from '../../../main/wire';

const rejects = (fn: () => unknown): void => {
  expect(fn).toThrow(ZodError);
};

describe('IPC argument schemas', () => {
  it('lists every channel once', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(CHANNELS).toContain('library:list');
    expect(CHANNELS).toContain('shell:openExternal');
  });

  it('accepts well-formed calls and returns the parsed arguments', () => {
    expect(parseArgs('library:list', [{ limit: 50, tags: ['asia'], sort: 'savedAt' }])).toEqual([
      { limit: 50, tags: ['asia'], sort: 'savedAt' },
    ]);
    expect(parseArgs('article:setBookmarked', ['a1', true])).toEqual(['a1', true]);
    expect(parseArgs('app:info', [])).toEqual([]);
    const data = new Uint8Array([1, 2, 3]);
    expect(parseArgs('import:files', [[{ name: 'a.txt', data }], []])[0][0].data).toBe(data);
    expect(parseArgs('settings:set', [{ locale: null, theme: 'sepia' }])).toEqual([{ locale: null, theme: 'sepia' }]);
  });

  it('rejects wrong types', () => {
    rejects(() => parseArgs('article:get', [42]));
    rejects(() => parseArgs('article:setBookmarked', ['a1', 'yes']));
    rejects(() => parseArgs('library:list', [{ limit: '50' }]));
    rejects(() => parseArgs('library:list', [null]));
    rejects(() => parseArgs('search:query', ['news', 2.5]));
    rejects(() => parseArgs('import:files', [[{ name: 'a.txt', data: [1, 2, 3] }], []]));
    rejects(() => parseArgs('settings:set', [{ theme: 'neon' }]));
    rejects(() => parseArgs('article:setProgress', ['a1', 1.5]));
  });

  it('rejects missing and extra arguments', () => {
    rejects(() => parseArgs('article:get', []));
    rejects(() => parseArgs('article:get', ['a1', 'a2']));
    rejects(() => parseArgs('library:counts', ['surplus']));
    rejects(() => parseArgs('tags:add', ['a1']));
  });

  it('rejects unknown keys in objects, so typos do not pass silently', () => {
    rejects(() => parseArgs('library:list', [{ limit: 10, lmit: 5 }]));
    rejects(() => parseArgs('settings:set', [{ fontsize: 18 }]));
    rejects(() => parseArgs('import:files', [[{ name: 'a.txt', data: new Uint8Array(), path: '/etc/passwd' }], []]));
  });

  it('rejects empty ids and tags', () => {
    rejects(() => parseArgs('article:delete', ['']));
    rejects(() => parseArgs('tags:add', ['a1', ['']]));
  });
});
