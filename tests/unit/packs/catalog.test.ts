/** Record choice from `translations-models` (as Firefox's TranslationsParent does) and version order. */
import { describe, expect, it } from 'vitest';
import { packsFromRecords, routeVia } from '../../../main/core/translate/bergamot/catalog';
import { parseRecord, type ModelRecord } from '../../../main/core/translate/bergamot/remote-settings';
import { compareVersions, inMajorRange } from '../../../main/core/translate/bergamot/versions';

let n = 0;
const HASH = 'a'.repeat(64);
function rec(fromLang: string, toLang: string, fileType: string, version: string, extra: Record<string, unknown> = {}): ModelRecord {
  n += 1;
  const record = parseRecord({
    id: `r${n}`,
    name: `${fileType}.${fromLang}${toLang}.${version}.bin`,
    fromLang,
    toLang,
    fileType,
    version,
    last_modified: n,
    attachment: { hash: HASH, size: 100 * n, filename: `${fileType}.${fromLang}${toLang}.bin`, location: `main-workspace/translations-models/r${n}.bin` },
    ...extra,
  });
  if (!record) throw new Error('test record did not parse');
  return record;
}
const pair = (from: string, to: string, version: string, vocab: string[] = ['vocab']): ModelRecord[] =>
  ['model', 'lex', ...vocab].map((t) => rec(from, to, t, version));

describe('versions', () => {
  it('orders versions like Firefox (pre-releases before releases, missing parts are 0)', () => {
    expect(compareVersions('1.0', '1.1')).toBeLessThan(0);
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0a1', '1.0')).toBeLessThan(0);
    expect(compareVersions('1', '1.0')).toBe(0);
    expect(compareVersions('2.0a', '2.0a1')).toBeLessThan(0);
    expect(inMajorRange('1.0a1', 1, 1)).toBe(true);
    expect(inMajorRange('1.9', 1, 1)).toBe(true);
    expect(inMajorRange('2.0a1', 1, 1)).toBe(false);
    expect(inMajorRange('0.9', 1, 2)).toBe(false);
    expect(inMajorRange('2.3', 1, 2)).toBe(true);
  });
});

describe('records → packs', () => {
  it('rejects malformed records (bad hash, size, location, missing fields)', () => {
    const good = { id: 'x', name: 'm', fromLang: 'en', toLang: 'de', fileType: 'model', version: '1.0', attachment: { hash: HASH, size: 5, location: 'a/b.bin', filename: 'm.bin' } };
    expect(parseRecord(good)).toMatchObject({ id: 'x', attachment: { size: 5 } });
    expect(parseRecord({ ...good, attachment: { ...good.attachment, size: '5' } })).toMatchObject({ attachment: { size: 5 } });
    for (const bad of [
      { ...good, attachment: { ...good.attachment, hash: 'zz' } },
      { ...good, attachment: { ...good.attachment, size: -1 } },
      { ...good, attachment: { ...good.attachment, location: '../etc/passwd' } },
      { ...good, attachment: { ...good.attachment, location: 'https://evil.example/x' } },
      { ...good, fromLang: undefined },
      null,
      'text',
    ]) expect(parseRecord(bad)).toBeNull();
  });

  it('keeps the newest supported version per file, drops files not at the model version, and what Kabar cannot use', () => {
    const records = [
      ...pair('id', 'en', '1.0'),
      rec('id', 'en', 'model', '1.1'),
      rec('id', 'en', 'lex', '1.1'),
      // A stale shared vocab: the 1.1 model uses split vocabularies.
      rec('id', 'en', 'srcvocab', '1.1'),
      rec('id', 'en', 'trgvocab', '1.1'),
      rec('id', 'en', 'qualityModel', '1.1'),
      // 2.x needs a newer runtime than Kabar's; a Nightly-only record; a developer variant.
      ...pair('en', 'ms', '2.0'),
      ...pair('en', 'ja', '1.0').map((r) => ({ ...r, filterExpression: "env.channel == 'nightly'" })),
      ...pair('en', 'de', '1.0').map((r) => ({ ...r, variant: 'base' })),
      // No shortlist: the engine cannot load it.
      rec('en', 'fr', 'model', '1.0'),
      rec('en', 'fr', 'vocab', '1.0'),
      ...pair('zh-Hant', 'en', '1.0'),
    ];
    const packs = packsFromRecords(records, 'https://cdn.example/');
    expect(packs.map((p) => p.id)).toEqual(['id-en']);
    const [pack] = packs;
    expect(pack?.version).toBe('1.1');
    expect(Object.keys(pack?.files ?? {}).sort()).toEqual(['lex', 'model', 'srcvocab', 'trgvocab']);
    expect(pack?.files.model?.url).toMatch(/^https:\/\/cdn\.example\/main-workspace\/translations-models\/r\d+\.bin$/);
    expect(pack?.bytes).toBe(Object.values(pack?.files ?? {}).reduce((s, f) => s + f.size, 0));
    expect(packsFromRecords(records, 'https://cdn.example/', { min: 1, max: 2 }).map((p) => p.id)).toEqual(['en-ms', 'id-en']);
  });

  it('routes directly when it can, else through English', () => {
    const packs = packsFromRecords([...pair('id', 'en', '1.0'), ...pair('en', 'ms', '1.0'), ...pair('en', 'id', '1.0')], 'https://cdn.example/');
    expect(routeVia(packs, 'id', 'en', 'en')?.map((p) => p.id)).toEqual(['id-en']);
    expect(routeVia(packs, 'id', 'ms', 'en')?.map((p) => p.id)).toEqual(['id-en', 'en-ms']);
    expect(routeVia(packs, 'ms', 'id', 'en')).toBeNull();
    expect(routeVia(packs, 'id', 'ms', null)).toBeNull();
  });
});
