/**
 * Bergamot: the real WASM worker, pack validation, hash checks, install/remove from folders and a
 * local HTTP server, pivoting, the missing-pack error, and the engine choice. Real translations
 * need real Firefox Translations models: set KABAR_BERGAMOT_MODELS to a folder of pack folders
 * (each with kabar-pack.json) to run those; without it they are skipped.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BergamotEngine, PACK_FILE, PackStore, Translator, validatePackMeta, type PackMeta } from '../../../main/core/translate';
import { BergamotWorker } from '../../../main/core/translate/bergamot/worker';
import { collect } from '../../../main/core/translate/engine';
import { tempDir } from '../helpers';
import { fakePack } from './helpers';

describe('bergamot worker', () => {
  it('boots the real WASM runtime in a worker thread (CommonJS worker inside a "type": "module" project)', async () => {
    const worker = await BergamotWorker.start();
    expect(worker.alive).toBe(true);
    expect(await worker.call('hasTranslationModel', { from: 'en', to: 'es' })).toBe(false);
    await worker.terminate();
    expect(worker.alive).toBe(false);
    await expect(worker.call('hasTranslationModel', { from: 'en', to: 'es' })).rejects.toThrow(/stopped/);
  });
});

describe('bergamot packs', () => {
  it('installs a pack from a folder after checking sizes and SHA-256, lists and removes it', async () => {
    const data = await tempDir();
    const store = new PackStore(join(data, 'packs'));
    const progress: number[] = [];
    const pack = await store.installFromDir(await fakePack('en', 'es'), (done) => progress.push(done));
    expect(pack).toMatchObject({ id: 'en-es', from: 'en', to: 'es', version: '1.0' });
    expect(pack.problem).toBeUndefined();
    expect(progress.at(-1)).toBe(pack.bytes);
    expect((await store.list()).map((p) => p.id)).toEqual(['en-es']);
    expect((await readdir(join(data, 'packs', 'en-es'))).sort()).toContain(PACK_FILE);
    const buffers = await store.load('en-es');
    expect(buffers.vocabs).toHaveLength(1);
    expect(buffers.model.byteLength).toBe('model en-es '.length * 200);
    await store.remove('en-es');
    expect(await store.list()).toEqual([]);
    await expect(store.remove('en-es')).rejects.toThrow(/No language pack "en-es" is installed/);
  });

  it('rejects malformed packs with a clear message and leaves nothing behind', async () => {
    const data = await tempDir();
    const store = new PackStore(join(data, 'packs'));
    await expect(store.installFromDir(await tempDir())).rejects.toThrow(/is not a language pack: it has no kabar-pack.json/);
    const notJson = await fakePack('en', 'de');
    await writeFile(join(notJson, PACK_FILE), '{ nope');
    await expect(store.installFromDir(notJson)).rejects.toThrow(/kabar-pack.json is not JSON/);
    const noLex = await fakePack('en', 'de', (m) => delete m.files.lex);
    await expect(store.installFromDir(noLex)).rejects.toThrow(/lexical shortlist \("files.lex"\) is missing/);
    const traversal = await fakePack('en', 'de', (m) => ((m.files.model as { name: string }).name = '../../etc/passwd'));
    await expect(store.installFromDir(traversal)).rejects.toThrow(/must be a plain file name/);
    const badHash = await fakePack('en', 'de', (m) => ((m.files.vocab as { sha256: string }).sha256 = 'abc'));
    await expect(store.installFromDir(badHash)).rejects.toThrow(/64 lowercase hex digits/);
    const badLang = await fakePack('en', 'de', (m) => (m.from = 'English'));
    await expect(store.installFromDir(badLang)).rejects.toThrow(/"from" must be a language code/);
    expect(() => validatePackMeta({ format: 'kabar-language-pack', formatVersion: 1, from: 'en', to: 'de', version: '1', files: {}, config: { 'cpu-threads': 8 } }, 'x')).toThrow();
    expect(await readdir(join(data, 'packs')).catch(() => [])).toEqual([]);
  });

  it('rejects a tampered pack (a file changed after its metadata was written) and a file of the wrong size', async () => {
    const data = await tempDir();
    const store = new PackStore(join(data, 'packs'));
    const tampered = await fakePack('en', 'fr');
    const model = (await readdir(tampered)).find((n) => n.startsWith('model.')) as string;
    const bytes = await readFile(join(tampered, model));
    bytes[10] = (bytes[10] as number) ^ 0xff; // same size, different content
    await writeFile(join(tampered, model), bytes);
    await expect(store.installFromDir(tampered)).rejects.toThrow(/damaged or tampered with: the SHA-256 of model\.enfr\.intgemm\.alphas\.bin does not match/);

    const short = await fakePack('en', 'fr');
    await writeFile(join(short, 'vocab.enfr.spm'), 'short');
    await expect(store.installFromDir(short)).rejects.toThrow(/vocab\.enfr\.spm is 5 bytes, not/);
    expect(await readdir(join(data, 'packs'))).toEqual([]);

    // Changed after install: listing still sees the right size, loading checks the hash.
    await store.installFromDir(await fakePack('en', 'fr'));
    const installed = join(data, 'packs', 'en-fr', 'lex.50.50.enfr.s2t.bin');
    const lex = await readFile(installed);
    lex[0] = 0;
    await writeFile(installed, lex);
    await expect(store.load('en-fr')).rejects.toThrow(/en-fr is damaged or was changed/);
    await writeFile(installed, 'x');
    expect((await store.list())[0]?.problem).toMatch(/wrong size/);
  });

  it('a pack whose files are not a Bergamot model is refused by the real WASM worker with a clear message', async () => {
    const data = await tempDir();
    const engine = new BergamotEngine({ packsDir: join(data, 'packs') });
    await engine.packs.installFromDir(await fakePack('en', 'es'));
    try {
      const stream = engine.translate([{ type: 'paragraph', text: 'Hello world' }], 'en', 'es');
      await expect(collect(stream)).rejects.toThrow(/language pack en-es could not be loaded: its files are not a Bergamot model/);
      // The engine recovers: a new worker boots for the next call.
      await engine.boot();
    } finally {
      await engine.close();
    }
  });

  it('says which pack is missing and how to add one; pivots through English', async () => {
    const data = await tempDir();
    const engine = new BergamotEngine({ packsDir: join(data, 'packs') });
    expect(await engine.languages()).toEqual([]);
    expect(() => engine.translate([], 'id', 'fr')).not.toThrow();
    await expect(collect(engine.translate([{ type: 'paragraph', text: 'x' }], 'id', 'fr'))).rejects.toThrow(
      'No Bergamot language pack for Indonesian → French is installed. Add the pack "id-fr" (or "id-en" and "en-fr" to go through English) with "kabar packs install DIR|URL" or in Settings → Language packs.',
    );
    await expect(engine.route('id', 'fr')).rejects.toMatchObject({ code: 'TRANSLATION_UNAVAILABLE', params: { pack: 'id-fr' } });
    await engine.packs.installFromDir(await fakePack('id', 'en'));
    await engine.packs.installFromDir(await fakePack('en', 'fr'));
    expect(await engine.languages()).toEqual(expect.arrayContaining([{ from: 'id', to: 'en' }, { from: 'en', to: 'fr' }, { from: 'id', to: 'fr' }]));
    expect((await engine.route('id', 'fr')).map((p) => p.id)).toEqual(['id-en', 'en-fr']);
    expect(await engine.model('id', 'fr')).toBe('id-en@1.0+en-fr@1.0');
    const noPivot = new BergamotEngine({ packsDir: join(data, 'packs'), pivot: null });
    await expect(noPivot.route('id', 'fr')).rejects.toThrow(/Add the pack "id-fr" with/);
  });
});

describe('bergamot pack downloads (local HTTP server)', () => {
  let server: Server;
  let base: string;
  const served = new Map<string, Buffer>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      if (!body) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-length': body.length });
      // Two chunks, so progress moves more than once per file.
      res.write(body.subarray(0, body.length >> 1));
      setTimeout(() => res.end(body.subarray(body.length >> 1)), 5);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [from, to] of [['en', 'de'], ['de', 'en']] as const) {
      const dir = await fakePack(from, to);
      for (const name of await readdir(dir)) served.set(`/packs/${from}-${to}/${name}`, await readFile(join(dir, name)));
    }
    const registry = { format: 'kabar-pack-registry', packs: [{ id: 'en-de', from: 'en', to: 'de', version: '1.0', url: 'packs/en-de/kabar-pack.json' }] };
    served.set('/registry.json', Buffer.from(JSON.stringify(registry)));
    // A Bergamot-style registry ({"deen": {"model": {"name", "size", "expectedSha256Hash"}, …}}).
    const meta = JSON.parse((served.get('/packs/de-en/kabar-pack.json') as Buffer).toString()) as PackMeta;
    const bergamot = {
      deen: Object.fromEntries(
        Object.entries(meta.files).map(([part, f]) => [part, { name: `${base}/packs/de-en/${f.name}`, size: f.size, expectedSha256Hash: f.sha256 }]),
      ),
    };
    served.set('/index.json', Buffer.from(JSON.stringify(bergamot)));
    // A pack whose server sends other bytes than its metadata promises.
    const evil = JSON.parse((served.get('/packs/en-de/kabar-pack.json') as Buffer).toString()) as PackMeta;
    served.set('/evil/kabar-pack.json', Buffer.from(JSON.stringify(evil)));
    for (const f of Object.values(evil.files)) served.set(`/evil/${f.name}`, Buffer.alloc(f.size, 7));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('downloads a pack from its kabar-pack.json URL with progress and hash check', async () => {
    const store = new PackStore(join(await tempDir(), 'packs'));
    const progress: [number, number][] = [];
    const pack = await store.installFromUrl(`${base}/packs/en-de/kabar-pack.json`, undefined, { onProgress: (d, t) => progress.push([d, t]) });
    expect(pack).toMatchObject({ id: 'en-de', version: '1.0' });
    // At least one report per file (model, shortlist, vocabulary); how many more depends on how
    // the socket happens to chunk the bodies, so only the order is checked beyond that.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
    expect(progress.at(-1)).toEqual([pack.bytes, pack.bytes]);
    expect(await store.load('en-de')).toBeTruthy();
  });

  it('installs by id from a Kabar registry and from a Bergamot registry', async () => {
    const store = new PackStore(join(await tempDir(), 'packs'));
    expect((await store.installFromUrl(`${base}/registry.json`, 'en-de')).id).toBe('en-de');
    await expect(store.installFromUrl(`${base}/registry.json`, 'fr-de')).rejects.toThrow(/has no pack "fr-de". It offers: en-de/);
    expect((await store.installFromUrl(`${base}/index.json`, 'de-en')).id).toBe('de-en');
    expect((await store.list()).map((p) => p.id)).toEqual(['de-en', 'en-de']);
  });

  it('rejects a download that does not match its SHA-256, and HTTP errors, leaving nothing behind', async () => {
    const dir = join(await tempDir(), 'packs');
    const store = new PackStore(dir);
    await expect(store.installFromUrl(`${base}/evil/kabar-pack.json`)).rejects.toThrow(/does not match its SHA-256: it is damaged or was tampered with/);
    await expect(store.installFromUrl(`${base}/nothing.json`)).rejects.toThrow(/HTTP 404/);
    await expect(store.installFromUrl('file:///etc/passwd')).rejects.toThrow(/http\(s\) only/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('engine choice', () => {
  it('prefers Bergamot when a pack covers the pair, else Apertium; an explicit engine wins', async () => {
    const data = await tempDir();
    const translator = new Translator({ dataDir: data });
    try {
      expect((await translator.choose('en', 'es')).id).toBe('apertium');
      await translator.bergamot.packs.installFromDir(await fakePack('en', 'es'));
      expect((await translator.choose('en', 'es')).id).toBe('bergamot');
      expect((await translator.choose('en', 'es', 'apertium')).id).toBe('apertium');
      expect((await translator.choose('id', 'ms')).id).toBe('apertium');
      await expect(translator.choose('fi', 'ja')).rejects.toThrow(/Install the Bergamot language pack "fi-ja"/);
      expect(() => translator.engine('google')).toThrow(/Unknown translation engine "google"/);
      const report = await translator.report();
      expect(report.packs.map((p) => p.id)).toEqual(['en-es']);
      expect(report.engines.map((e) => e.id)).toEqual(['bergamot', 'apertium']);
    } finally {
      await translator.close();
    }
  });
});

const MODELS = process.env.KABAR_BERGAMOT_MODELS;

describe('bergamot with real models (KABAR_BERGAMOT_MODELS)', () => {
  it.skipIf(!MODELS)('translates with a real Firefox Translations pack (skipped: set KABAR_BERGAMOT_MODELS to a folder of pack folders)', async () => {
    const data = await tempDir();
    const engine = new BergamotEngine({ packsDir: join(data, 'packs') });
    try {
      for (const name of await readdir(MODELS as string)) {
        const dir = join(MODELS as string, name);
        if (await readFile(join(dir, PACK_FILE)).then(() => true, () => false)) await engine.packs.installFromDir(dir);
      }
      const [pair] = await engine.languages();
      expect(pair, 'a pack in KABAR_BERGAMOT_MODELS').toBeTruthy();
      const { from, to } = pair as { from: string; to: string };
      const source = 'Hello world. The president of the country said nothing.';
      const out = await collect(
        engine.translate(
          [
            { type: 'paragraph', text: source, inline: [{ text: 'Hello world. The ' }, { text: 'president', href: 'https://x.test/' }, { text: ' of the country said nothing.' }] },
            { type: 'image', text: '', src: 'https://x.test/a.png' },
          ],
          from,
          to,
        ),
      );
      expect(out[0]?.failed).toBeUndefined();
      expect(out[0]?.text).not.toBe(source);
      expect(out[0]?.inline?.some((r) => r.href === 'https://x.test/')).toBe(true);
      expect(out[1]).toEqual({ type: 'image', text: '', src: 'https://x.test/a.png' });
    } finally {
      await engine.close();
    }
  });
});


