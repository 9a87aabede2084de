/**
 * Language packs from a Remote Settings server (the format Firefox downloads its models from),
 * served locally: listing with sizes and installed state, download with progress, a hash mismatch
 * refused, cancel, resume after a restart, pivot through English, offline.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KabarError } from '../../../main/core/errors';
import { BergamotEngine, PackSource, PackStore, type PackDownloadProgress } from '../../../main/core/translate';
import { tempDir } from '../helpers';
import { pairFiles, startRsServer, type RsServer } from './rs-server';

let rs: RsServer;

beforeAll(async () => {
  rs = await startRsServer([...pairFiles('id', 'en', '1.0', 200_000), ...pairFiles('en', 'ms'), ...pairFiles('en', 'id'), ...pairFiles('en', 'es', '1.1'), ...pairFiles('en', 'es', '1.0')]);
});
afterAll(async () => rs.close());

async function source(server = `${rs.url}/v1`): Promise<{ src: PackSource; store: PackStore; dir: string }> {
  const dir = join(await tempDir('kabar-packs-'), 'packs');
  const store = new PackStore(dir);
  return { src: new PackSource({ store, server, timeoutMs: 5_000 }), store, dir };
}

/** A port nothing listens on (a server started and closed). */
async function deadServer(): Promise<string> {
  const s = await startRsServer([]);
  await s.close();
  return `${s.url}/v1`;
}

function reset(): void {
  rs.log.length = 0;
  rs.knobs.chunk = 1 << 20;
  rs.knobs.delayMs = 0;
  rs.knobs.ignoreRange = false;
  rs.knobs.corrupt.clear();
}

describe('pack source (local Remote Settings server)', () => {
  it('lists the pairs with download sizes and marks the installed ones', async () => {
    reset();
    const { src } = await source();
    const before = await src.available();
    expect(before.cached).toBe(false);
    expect(before.packs.map((p) => `${p.id}@${p.version}`)).toEqual(['en-es@1.1', 'en-id@1.0', 'en-ms@1.0', 'id-en@1.0']);
    const idEn = before.packs.find((p) => p.id === 'id-en');
    expect(idEn?.bytes).toBe(200_000 + 50_000 + 25_000);
    expect(idEn?.installed).toBeNull();
    // The server root was asked where attachments live, as Firefox does.
    expect(rs.log.map((r) => r.path)).toContain('/v1/');
    await src.get('id', 'en');
    const after = await src.available();
    expect(after.packs.find((p) => p.id === 'id-en')).toMatchObject({ installed: '1.0', update: false });
    expect(after.packs.filter((p) => p.installed).map((p) => p.id)).toEqual(['id-en']);
  });

  it('downloads a pair with progress, checks each hash, installs it and leaves no partial files', async () => {
    reset();
    rs.knobs.chunk = 16_384;
    const { src, store, dir } = await source();
    const progress: PackDownloadProgress[] = [];
    const result = await src.get('id', 'en', { onProgress: (p) => progress.push(p) });
    expect(result.route).toBe('id-en@1.0');
    expect(result.fetchedBytes).toBe(275_000);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    expect(progress.at(-1)).toMatchObject({ phase: 'installing', done: 275_000, total: 275_000 });
    const buffers = await store.load('id-en');
    expect(buffers.model.byteLength).toBe(200_000);
    expect(await readdir(join(dir, '.downloads'))).toEqual([]);
    // Asking again downloads nothing: the pack is installed at the listed version.
    rs.log.length = 0;
    expect((await src.get('id', 'en')).fetchedBytes).toBe(0);
    expect(rs.log.filter((r) => r.path.startsWith('/attachments/'))).toEqual([]);
  });

  it('refuses a file whose bytes do not match the published SHA-256, deletes it and installs nothing', async () => {
    reset();
    rs.knobs.corrupt.add('lex.50.50.enms.s2t.bin');
    const { src, store, dir } = await source();
    const error = await src.get('en', 'ms').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KabarError);
    expect(error).toMatchObject({ code: 'PACK_HASH_MISMATCH', params: { file: 'lex.50.50.enms.s2t.bin' } });
    expect(await store.list()).toEqual([]);
    const partial = join(dir, '.downloads', 'en-ms@1.0');
    expect(existsSync(join(partial, 'lex.50.50.enms.s2t.bin'))).toBe(false);
    expect(existsSync(join(partial, 'lex.50.50.enms.s2t.bin.part'))).toBe(false);
    // With the server fixed, the next attempt installs it (the good model file is not fetched again).
    rs.knobs.corrupt.clear();
    rs.log.length = 0;
    expect((await src.get('en', 'ms')).route).toBe('en-ms@1.0');
    expect(rs.log.filter((r) => r.path.startsWith('/attachments/')).length).toBe(2);
  });

  it('cancels mid-download keeping the partial file, then resumes after a restart with an HTTP Range request', async () => {
    reset();
    rs.knobs.chunk = 8_192;
    rs.knobs.delayMs = 15;
    const { src, store, dir } = await source();
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = await src
      .get('id', 'en', {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done >= 60_000) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(cancelled).toMatchObject({ code: 'CANCELLED' });
    expect(await store.list()).toEqual([]);
    const part = join(dir, '.downloads', 'id-en@1.0', 'model.iden.intgemm.alphas.bin.part');
    const kept = (await stat(part)).size;
    expect(kept).toBeGreaterThanOrEqual(60_000);
    expect(kept).toBeLessThan(200_000);
    // The listing says how much an interrupted download already has, so the window can offer to resume.
    expect((await src.available()).packs.find((p) => p.id === 'id-en')?.partialBytes).toBe(kept);

    // "Restart": a new PackSource over the same folder, as after quitting Kabar.
    rs.log.length = 0;
    rs.knobs.delayMs = 0;
    const again = new PackSource({ store: new PackStore(dir), server: `${rs.url}/v1`, timeoutMs: 5_000 });
    const progress: PackDownloadProgress[] = [];
    const result = await again.get('id', 'en', { onProgress: (p) => progress.push(p) });
    const model = rs.log.find((r) => r.path.startsWith('/attachments/') && r.range);
    expect(model).toMatchObject({ range: `bytes=${kept}-`, status: 206, sent: 200_000 - kept });
    expect(result.fetchedBytes).toBe(275_000 - kept);
    // Progress starts from what was already on disk, not from zero.
    expect(progress[0]!.done).toBeGreaterThanOrEqual(kept);
    expect((await store.load('id-en')).model.byteLength).toBe(200_000);
  });

  it('starts a file over when the server ignores the Range header, and still verifies it', async () => {
    reset();
    rs.knobs.chunk = 8_192;
    rs.knobs.delayMs = 10;
    const { src, store, dir } = await source();
    const controller = new AbortController();
    await src.get('id', 'en', { signal: controller.signal, onProgress: (p) => p.done >= 40_000 && controller.abort() }).catch(() => undefined);
    expect((await stat(join(dir, '.downloads', 'id-en@1.0', 'model.iden.intgemm.alphas.bin.part'))).size).toBeGreaterThan(0);
    reset();
    rs.knobs.ignoreRange = true;
    const result = await src.get('id', 'en');
    expect(rs.log.find((r) => r.range)?.status).toBe(200);
    expect(result.fetchedBytes).toBe(275_000);
    expect((await store.load('id-en')).model.byteLength).toBe(200_000);
  });

  it('pivots through English with two packs; the engine line names both steps', async () => {
    reset();
    const { src, store, dir } = await source();
    const progress: PackDownloadProgress[] = [];
    const result = await src.get('id', 'ms', { onProgress: (p) => progress.push(p) });
    expect(result.route).toBe('id-en@1.0+en-ms@1.0');
    expect(new Set(progress.map((p) => p.pack))).toEqual(new Set(['id-en', 'en-ms']));
    expect(progress.at(-1)?.total).toBe(275_000 + 40_000 + 10_000 + 5_000);
    expect((await store.list()).map((p) => p.id)).toEqual(['en-ms', 'id-en']);
    const engine = new BergamotEngine({ packsDir: dir });
    expect(await engine.model('id', 'ms')).toBe('id-en@1.0+en-ms@1.0');
    // A pair the server cannot reach even through English says so.
    await expect(src.get('ms', 'id')).rejects.toMatchObject({ code: 'TRANSLATION_UNAVAILABLE' });
  });

  it('offline: a clear "possible when online" error; the saved listing still gives sizes', async () => {
    reset();
    const { src, store, dir } = await source();
    await src.available();
    const offline = new PackSource({ store, server: await deadServer(), timeoutMs: 5_000 });
    const error = await offline.get('id', 'en').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OFFLINE' });
    expect((error as Error).message).toMatch(/possible when online/);
    // No listing saved for that server yet: the error, not an empty list.
    await expect(offline.available()).rejects.toMatchObject({ code: 'OFFLINE' });
    // Offline with the pair already installed (per the saved listing): nothing to fetch, no error.
    const local = new PackSource({ store: new PackStore(dir), server: `${rs.url}/v1`, timeoutMs: 5_000 });
    await local.get('id', 'en');
    // The real server's listing was saved: offline, it is shown as cached.
    const cachedSrc = new PackSource({ store: new PackStore(dir), server: `${rs.url}/v1`, timeoutMs: 5_000 });
    await rs.close();
    try {
      const listing = await cachedSrc.available();
      expect(listing.cached).toBe(true);
      expect(listing.packs.find((p) => p.id === 'id-en')?.bytes).toBe(275_000);
      expect(await cachedSrc.get('id', 'en')).toMatchObject({ fetchedBytes: 0, route: 'id-en@1.0' });
      await expect(cachedSrc.get('en', 'ms')).rejects.toMatchObject({ code: 'OFFLINE' });
    } finally {
      rs = await startRsServer([...pairFiles('id', 'en', '1.0', 200_000), ...pairFiles('en', 'ms')]);
    }
  });

  it('offers an update when the server has a newer version, and installs it in place of the old one', async () => {
    reset();
    const { store, dir } = await source();
    const older = await startRsServer(pairFiles('en', 'ms', '1.0'));
    try {
      await new PackSource({ store, server: `${older.url}/v1` }).get('en', 'ms');
    } finally {
      await older.close();
    }
    const newer = await startRsServer([...pairFiles('en', 'ms', '1.0'), ...pairFiles('en', 'ms', '1.2', 50_000)]);
    try {
      const src = new PackSource({ store: new PackStore(dir), server: `${newer.url}/v1` });
      expect((await src.available()).packs.find((p) => p.id === 'en-ms')).toMatchObject({ version: '1.2', installed: '1.0', update: true });
      expect((await src.get('en', 'ms')).route).toBe('en-ms@1.2');
      expect((await store.list()).map((p) => `${p.id}@${p.version}`)).toEqual(['en-ms@1.2']);
      expect((await store.load('en-ms')).model.byteLength).toBe(50_000);
    } finally {
      await newer.close();
    }
  });

  it('refuses a server that is not Remote Settings, and non-http addresses', async () => {
    reset();
    const { store } = await source();
    await expect(new PackSource({ store, server: `${rs.url}/nothing` }).available()).rejects.toMatchObject({ code: 'HTTP_ERROR' });
    expect(() => new PackSource({ store, server: 'file:///etc' })).toThrow(/http\(s\)/);
    expect(() => new PackSource({ store, server: 'not a url' })).toThrow(KabarError);
  });
});
