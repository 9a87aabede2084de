/** A pack server that misbehaves, and two downloads at once: nothing damaged is installed, memory stays bounded, errors say what happened. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskError } from '../../../main/core/translate/bergamot/fetch-file';
import { PackSource, PackStore } from '../../../main/core/translate';
import { tempDir } from '../helpers';
import { pairFiles, startRsServer, type RsServer } from './rs-server';

let rs: RsServer;
beforeAll(async () => {
  rs = await startRsServer(pairFiles('id', 'en', '1.0', 120_000));
});
afterAll(async () => rs.close());

async function source(): Promise<{ src: PackSource; store: PackStore; dir: string }> {
  const dir = join(await tempDir('kabar-packs-'), 'packs');
  const store = new PackStore(dir);
  return { src: new PackSource({ store, server: `${rs.url}/v1`, timeoutMs: 5_000 }), store, dir };
}

describe('hostile pack servers', () => {
  it('refuses a record list larger than 32 MB without reading it all', async () => {
    rs.knobs.listingBytes = 40 * 1024 * 1024;
    rs.log.length = 0;
    try {
      const { src } = await source();
      await expect(src.available({ offlineOk: false })).rejects.toMatchObject({ code: 'PACK_INVALID', message: /more than 32 MB/ });
      const listing = rs.log.find((r) => r.path.endsWith('/records'));
      expect(listing?.sent ?? 0).toBeLessThan(40 * 1024 * 1024);
    } finally {
      rs.knobs.listingBytes = null;
    }
  });

  it('refuses a server root that does not announce an attachments base URL', async () => {
    rs.knobs.root = { project_name: 'something else', capabilities: {} };
    try {
      const { src } = await source();
      await expect(src.available()).rejects.toMatchObject({ code: 'PACK_INVALID', message: /capabilities\.attachments\.base_url/ });
    } finally {
      rs.knobs.root = null;
    }
  });

  it('two downloads of the same pair at once: one fetch, both succeed, the pack is intact', async () => {
    rs.knobs.chunk = 16_384;
    rs.knobs.delayMs = 2;
    rs.log.length = 0;
    try {
      const { src, store, dir } = await source();
      const twin = new PackSource({ store: new PackStore(dir), server: `${rs.url}/v1` });
      const [a, b] = await Promise.all([src.get('id', 'en'), twin.get('id', 'en')]);
      expect(a.fetchedBytes + b.fetchedBytes).toBe(120_000 + 30_000 + 15_000);
      expect(Math.min(a.fetchedBytes, b.fetchedBytes)).toBe(0);
      expect(rs.log.filter((r) => r.path.startsWith('/attachments/')).length).toBe(3);
      expect((await store.load('id-en')).model.byteLength).toBe(120_000);
      expect((await readdir(dir)).filter((n) => !n.startsWith('.'))).toEqual(['id-en']);
    } finally {
      rs.knobs.chunk = 1 << 20;
      rs.knobs.delayMs = 0;
    }
  });

  it('a full disk is DISK_FULL (with the partial file kept), not "offline"', () => {
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    expect(diskError(full, '/packs/x.part')).toMatchObject({ code: 'DISK_FULL', params: { path: '/packs/x.part' } });
    expect(diskError(Object.assign(new Error('permission denied'), { code: 'EACCES' }), '/p')).toMatchObject({ code: 'IO' });
  });
});
