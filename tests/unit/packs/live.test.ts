/**
 * The real thing, where the internet is reachable: Firefox's Remote Settings server lists its
 * models, an Indonesian → English pack downloads, installs and translates with Kabar's Bergamot
 * runtime. Off by default (this machine has no internet); KABAR_LIVE_PACKS=1 turns it on.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BergamotEngine, DEFAULT_PACK_SERVER, PackSource, PackStore } from '../../../main/core/translate';
import { collect } from '../../../main/core/translate/engine';
import { tempDir } from '../helpers';

const LIVE = process.env.KABAR_LIVE_PACKS === '1';
if (!LIVE) console.log(`SKIPPED live language packs from ${DEFAULT_PACK_SERVER}: no internet here; set KABAR_LIVE_PACKS=1 where it is reachable`);

describe('Firefox Remote Settings, live', () => {
  it.skipIf(!LIVE)('lists real pairs with sizes, downloads id→en, and translates with it', async () => {
    const dir = join(await tempDir(), 'packs');
    const source = new PackSource({ store: new PackStore(dir) });
    const listing = await source.available({ offlineOk: false });
    expect(listing.packs.length).toBeGreaterThan(10);
    const idEn = listing.packs.find((p) => p.id === 'id-en');
    expect(idEn, 'an Indonesian → English pack at a 1.x version').toBeTruthy();
    expect(idEn!.bytes).toBeGreaterThan(5_000_000);
    const result = await source.get('id', 'en');
    expect(result.route).toMatch(/^id-en@1\./);
    const engine = new BergamotEngine({ packsDir: dir });
    try {
      const [block] = await collect(engine.translate([{ type: 'paragraph', text: 'Presiden mengatakan bahwa ekonomi tumbuh dengan cepat.' }], 'id', 'en'));
      expect(block?.failed).toBeUndefined();
      expect(block?.text).toMatch(/president/i);
    } finally {
      await engine.close();
    }
  }, 600_000);
});
