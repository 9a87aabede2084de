/** main/ipc.ts with ipcMain mocked: registration, sender refusal, and errors turned into Wires. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { KabarError } from '../../../main/core/errors';
import type { Handlers } from '../../../main/handlers';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const registered = new Map<string, Listener>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('../../../main/ipc');
const { answer } = await import('../../../main/wire');
const { CHANNEL_NAMES: CHANNELS } = await import('../../../main/wire');

// Only the handlers a test calls exist; the cast stands in for the rest of the set.
const fake = (partial: Partial<Handlers>): (() => Promise<Handlers>) => async () => partial as Handlers;
const event = {} as IpcMainInvokeEvent;

describe('registerIpc', () => {
  beforeEach(() => registered.clear());

  it('registers every channel and removes them again', () => {
    const off = registerIpc({ handlers: fake({}), isTrustedSender: () => true });
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    off();
    expect(registered.size).toBe(0);
  });

  it('refuses untrusted senders before touching the handlers', async () => {
    const handlers = vi.fn(fake({}));
    registerIpc({ handlers, isTrustedSender: () => false });
    expect(() => registered.get('app:info')?.(event)).toThrow(/untrusted/);
    expect(handlers).not.toHaveBeenCalled();
  });
});

describe('answer', () => {
  it('wraps values', async () => {
    const wire = await answer('article:setProgress', ['a1', 0.5], fake({ 'article:setProgress': async () => undefined }));
    expect(wire).toEqual({ ok: true, value: undefined });
  });

  it('keeps a KabarError code and params', async () => {
    const missing = fake({
      'article:get': async (id) => {
        throw new KabarError('NOT_FOUND', `No article ${id}`, { id });
      },
    });
    expect(await answer('article:get', ['a1'], missing)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No article a1', params: { id: 'a1' } },
    });
  });

  it('turns bad arguments into INVALID_ARGUMENT without calling the handler', async () => {
    const get = vi.fn();
    const wire = await answer('article:get', [42], fake({ 'article:get': get }));
    expect(wire).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', params: { channel: 'article:get' } } });
    expect(get).not.toHaveBeenCalled();
  });

  it('turns anything else, including a library that failed to open, into IO', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = fake({ 'tags:list': () => Promise.reject(new Error('disk on fire')) });
    expect(await answer('tags:list', [], boom)).toMatchObject({ ok: false, error: { code: 'IO', message: 'disk on fire' } });
    const unopened = () => Promise.reject(new KabarError('LIBRARY_CORRUPT', 'damaged'));
    expect(await answer('tags:list', [], unopened)).toMatchObject({ ok: false, error: { code: 'LIBRARY_CORRUPT' } });
  });
});
