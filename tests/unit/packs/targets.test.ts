/** "Translate into": languages an installed engine does first, the others with the packs and size they need. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from '../../../main/core/translate';
import { tempDir } from '../helpers';
import { APERTIUM } from '../translate/helpers';
import { pairFiles, startRsServer, type RsServer } from './rs-server';

let rs: RsServer;
beforeAll(async () => {
  rs = await startRsServer([...pairFiles('id', 'en', '1.0', 100_000), ...pairFiles('en', 'ms'), ...pairFiles('en', 'fr', '1.0', 60_000), ...pairFiles('en', 'de', '1.0', 20_000)]);
});
afterAll(async () => rs.close());

describe('translate-into targets', () => {
  it('ready languages first (Bergamot packs, real Apertium pairs), then those a download adds, with sizes', async () => {
    if (!APERTIUM) console.log('SKIPPED the Apertium part: apertium is not installed');
    const dir = await tempDir();
    const translator = new Translator({ dataDir: dir });
    const source = translator.packSource(`${rs.url}/v1`);
    // Never listed: only what is installed counts, nothing is fetched.
    const before = await translator.targets('id', source);
    expect(before.every((t) => t.ready)).toBe(true);
    if (APERTIUM) expect(before.find((t) => t.lang === 'ms')).toMatchObject({ ready: true, engines: ['apertium'] });

    await source.available();
    const listed = await translator.targets('id', source);
    const byLang = new Map(listed.map((t) => [t.lang, t]));
    // Sizes are the packs' files (model + shortlist + vocabulary) still to download.
    expect(byLang.get('en')).toMatchObject({ ready: false, packs: ['id-en'], bytes: 137_500 });
    expect(byLang.get('de')).toMatchObject({ ready: false, packs: ['id-en', 'en-de'], bytes: 137_500 + 27_500 });
    expect(byLang.get('fr')).toMatchObject({ ready: false, packs: ['id-en', 'en-fr'], bytes: 137_500 + 82_500 });
    // Ready ones come first, then the rest smallest download first.
    const firstLater = listed.findIndex((t) => !t.ready);
    expect(listed.slice(firstLater).every((t) => !t.ready)).toBe(true);
    expect(listed.slice(firstLater).map((t) => t.lang)).toEqual(['en', 'de', 'fr']);

    await source.get('id', 'en');
    const after = new Map((await translator.targets('id', source)).map((t) => [t.lang, t]));
    expect(after.get('en')).toMatchObject({ ready: true, engines: ['bergamot'] });
    // Only the missing half of the route is left to download.
    expect(after.get('de')).toMatchObject({ ready: false, packs: ['en-de'], bytes: 27_500 });
    if (APERTIUM) expect(after.get('ms')?.ready).toBe(true);
    await translator.close();
  });
});
