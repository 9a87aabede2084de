/**
 * The translation IPC handlers over a real library and the real Apertium: progress events, the
 * stored translation and its searchable words, cancel, the source-language correction, the engine
 * chosen in Settings, no engine at all, language packs from a folder (the host's folder dialog) and
 * from a local HTTP server (size and SHA-256 checked), strict argument schemas, and close() cancelling
 * running work. Every call goes through main/wire.ts's answer(), as IPC does.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerContext, type HandlerSet } from '../../../main/handlers';
import { answer } from '../../../main/wire';
import type { Args, Channel, Events, Result, Wire } from '../../../preload/contract';
import { SEED, tempDir } from '../helpers';
import { APERTIUM, fakePack } from './helpers';

type Emitted = { event: keyof Events; payload: unknown }[];

async function open(over: Partial<HandlerContext> = {}): Promise<{ set: HandlerSet; emitted: Emitted; call: <C extends Channel>(c: C, ...a: Args<C>) => Promise<Wire<Result<C>>> }> {
  const emitted: Emitted = [];
  const set = await createHandlers({
    dataDir: await tempDir('kabar-translate-ipc-'),
    version: '0.0.0-test',
    systemLocale: 'en-US',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: (event, payload) => void emitted.push({ event, payload }),
    chooseFiles: async () => [],
    setMenuStrings: () => undefined,
    ...over,
  });
  const call = <C extends Channel>(channel: C, ...args: Args<C>) => answer(channel, args, async () => set.handlers);
  return { set, emitted, call };
}

function value<T>(wire: Wire<T>): T {
  if (!wire.ok) throw new Error(`${wire.error.code}: ${wire.error.message}`);
  return wire.value;
}

async function importSeed(call: Awaited<ReturnType<typeof open>>['call']): Promise<string> {
  const summary = value(await call('import:paths', [SEED], []));
  return (summary.results[0] as { id: string }).id;
}

describe.skipIf(!APERTIUM)('translation handlers with the real Apertium (SKIPPED without the apertium command)', () => {
  it('translates with progress events, stores the translation and its title, and search finds its words', async () => {
    const { set, emitted, call } = await open();
    const id = await importSeed(call);
    const translation = value(await call('translate:article', id, 'ms', null));
    expect(translation).toMatchObject({ lang: 'ms', engine: 'apertium', model: 'ind-zlm' });
    const progress = emitted.filter((e) => e.event === 'translate:progress').map((e) => e.payload as Events['translate:progress']);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p) => p.id === id && p.failed === 0)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: translation.blocks.length + 1, total: translation.blocks.length + 1 });

    const article = value(await call('article:get', id));
    expect(article.translations.ms?.title).toBe(translation.title);
    expect(article.translatedTitles).toEqual({ ms: translation.title });
    expect(value(await call('library:list', {})).items[0]?.translatedTitles?.ms).toBe(translation.title);
    // A word only the Malay translation has finds the article.
    const originalWords = new Set(article.blocks.map((b) => b.text).join(' ').toLowerCase().match(/\p{L}{6,}/gu));
    const malayOnly = translation.blocks.map((b) => b.text).join(' ').toLowerCase().match(/\p{L}{6,}/gu)?.find((w) => !originalWords.has(w));
    expect(malayOnly, 'a word the translation added').toBeTruthy();
    expect(value(await call('search:query', malayOnly as string, 10)).map((h) => h.id)).toEqual([id]);
    await set.close();
  });

  it('cancels a running translation (nothing stored), and close() cancels what still runs', async () => {
    const { set, emitted, call } = await open();
    const id = await importSeed(call);
    const running = call('translate:article', id, 'ms', null);
    await expect.poll(() => emitted.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(value(await call('translate:cancel', id))).toBe(true);
    const result = await running;
    expect(result.ok ? 'finished' : result.error.code).toBe('CANCELLED');
    expect(value(await call('translate:cancel', id))).toBe(false);
    expect(value(await call('article:get', id)).translations).toEqual({});

    const again = call('translate:article', id, 'ms', null);
    await set.close();
    const closed = await again;
    expect(closed.ok ? 'finished' : closed.error.code).toBe('CANCELLED');
  });

  it('remembers the corrected source language, and uses the engine Settings pick for the pair', async () => {
    const { set, call } = await open();
    const id = await importSeed(call);
    expect(value(await call('translate:setSourceLang', id, 'MS')).lang).toBe('ms');
    expect(value(await call('article:get', id)).lang).toBe('ms');
    const same = await call('translate:article', id, 'ms', null);
    expect(same.ok ? 'ok' : same.error.code).toBe('INVALID_ARGUMENT');
    value(await call('translate:setSourceLang', id, 'id'));

    value(await call('settings:set', { translationEngines: { 'id-ms': 'bergamot' } }));
    const bergamot = await call('translate:article', id, 'ms', null);
    expect(bergamot.ok ? 'ok' : bergamot.error).toMatchObject({ code: 'TRANSLATION_UNAVAILABLE', params: { pack: 'id-ms' } });
    value(await call('settings:set', { translationEngines: { 'id-ms': 'auto' } }));
    expect(value(await call('translate:article', id, 'ms', null)).engine).toBe('apertium');
    await set.close();
  });
});

describe('translation handlers without an engine, packs, and schemas', () => {
  let server: Server;
  let base: string;
  let packDir: string;

  beforeEach(async () => {
    packDir = await fakePack('en', 'es');
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = (req.url ?? '/').split('/').pop() ?? '';
      readFile(join(packDir, name)).then(
        (data) => res.writeHead(200).end(req.url?.startsWith('/evil/') && name !== 'kabar-pack.json' ? Buffer.concat([data.subarray(1), Buffer.from('!')]) : data),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('with no engine, says which pack is missing; engines list no pairs', async () => {
    const { set, call } = await open({ translator: { apertium: { command: '/nonexistent/apertium' } } });
    const id = await importSeed(call);
    const engines = value(await call('translate:engines'));
    expect(engines.engines.map((e) => [e.id, e.pairs.length])).toEqual([['bergamot', 0], ['apertium', 0]]);
    const result = await call('translate:article', id, 'ms', null);
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'TRANSLATION_UNAVAILABLE', params: { from: 'id', to: 'ms', pack: 'id-ms' } });
    await set.close();
  });

  it('installs a pack from the folder the host dialog returns, lists it with sizes and hashes, removes it', async () => {
    let asked = 0;
    const { set, emitted, call } = await open({
      chooseFolder: async (strings) => {
        asked += 1;
        expect(strings).toEqual({ title: 'Choose', button: 'Install' });
        return asked === 1 ? packDir : null;
      },
    });
    const pack = value(await call('packs:installFolder', { title: 'Choose', button: 'Install' }));
    expect(pack).toMatchObject({ id: 'en-es', version: '1.0' });
    expect(pack).not.toHaveProperty('dir');
    expect(pack?.files?.map((f) => f.part).sort()).toEqual(['lex', 'model', 'vocab']);
    expect(pack?.files?.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.size > 0)).toBe(true);
    expect(emitted.filter((e) => e.event === 'packs:progress').at(-1)?.payload).toMatchObject({ source: packDir, done: pack?.bytes, total: pack?.bytes });
    expect(value(await call('packs:installFolder', { title: 'Choose', button: 'Install' }))).toBeNull();
    const engines = value(await call('translate:engines'));
    expect(engines.packs.map((p) => p.id)).toEqual(['en-es']);
    expect(engines.engines.find((e) => e.id === 'bergamot')?.pairs).toEqual([{ from: 'en', to: 'es' }]);
    value(await call('packs:remove', 'en-es'));
    expect(value(await call('translate:engines')).packs).toEqual([]);
    const gone = await call('packs:remove', 'en-es');
    expect(gone.ok ? 'ok' : gone.error.code).toBe('PACK_INVALID');
    await set.close();
  });

  it('refuses folder installs where the host has no folder dialog', async () => {
    const { set, call } = await open();
    const result = await call('packs:installFolder', { title: 'Choose', button: 'Install' });
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_ARGUMENT');
    await set.close();
  });

  it('downloads a pack from a URL with progress, and rejects a tampered download', async () => {
    const { set, emitted, call } = await open();
    const pack = value(await call('packs:installUrl', `${base}/good/kabar-pack.json`, null));
    expect(pack.id).toBe('en-es');
    const progress = emitted.filter((e) => e.event === 'packs:progress').map((e) => e.payload as Events['packs:progress']);
    expect(progress.at(-1)).toEqual({ source: `${base}/good/kabar-pack.json`, done: pack.bytes, total: pack.bytes });
    value(await call('packs:remove', 'en-es'));
    const evil = await call('packs:installUrl', `${base}/evil/kabar-pack.json`, null);
    expect(evil.ok ? 'ok' : evil.error.code).toBe('PACK_INVALID');
    expect(value(await call('translate:engines')).packs).toEqual([]);
    await set.close();
  });

  it('validates arguments and translation settings strictly', async () => {
    const { set, call } = await open();
    const bad = async (wire: Promise<Wire<unknown>>): Promise<string> => {
      const r = await wire;
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await bad(answer('translate:article', ['x', 'ms'], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('translate:article', ['x', 'not a language', null], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('translate:article', ['x', 'ms', 'google'], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('packs:remove', ['../../etc'], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('settings:set', [{ translationEngines: { 'id-ms': 'google' } }], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('settings:set', [{ packRegistryUrl: 'file:///etc/passwd' }], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    expect(await bad(answer('settings:set', [{ translateFrom: 'id' }], async () => set.handlers))).toBe('INVALID_ARGUMENT');
    const settings = value(await call('settings:set', { translateTo: 'ms', alwaysTranslateFrom: ['id'], readingMode: 'bilingual', packRegistryUrl: `${base}/registry.json` }));
    expect(settings).toMatchObject({ translateTo: 'ms', alwaysTranslateFrom: ['id'], neverTranslateFrom: [], readingMode: 'bilingual' });
    await set.close();
  });
});
