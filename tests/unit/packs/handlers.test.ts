/**
 * The packs and speech IPC handlers over a real library, through main/wire.ts's answer() as IPC
 * does: listing from a local Remote Settings server, download with 'packs:download' events,
 * cancel keeping the partial bytes (then 'packs:targets' says how much is kept), strict argument
 * schemas, and espeak-ng paragraph audio (base64 WAV with sentence times).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWav } from '../../../main/core/speech';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { answer } from '../../../main/wire';
import type { Args, Channel, Events, Result, Wire } from '../../../preload/contract';
import { tempDir } from '../helpers';
import { pairFiles, startRsServer, type RsServer } from './rs-server';

let rs: RsServer;
beforeAll(async () => {
  rs = await startRsServer([...pairFiles('id', 'en', '1.0', 400_000), ...pairFiles('en', 'ms')]);
});
afterAll(async () => rs.close());

type Emitted = { event: keyof Events; payload: unknown }[];

async function open(): Promise<{ set: HandlerSet; emitted: Emitted; call: <C extends Channel>(c: C, ...a: Args<C>) => Promise<Wire<Result<C>>> }> {
  const emitted: Emitted = [];
  const set = await createHandlers({
    dataDir: await tempDir('kabar-packs-ipc-'),
    version: '0.0.0-test',
    systemLocale: 'en-US',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: (event, payload) => void emitted.push({ event, payload }),
    chooseFiles: async () => [],
    setMenuStrings: () => undefined,
    translator: { apertium: { env: { PATH: '/nonexistent' } } },
  });
  set.library.updateSettings({ packRegistryUrl: `${rs.url}/v1` });
  const call = <C extends Channel>(channel: C, ...args: Args<C>) => answer(channel, args, async () => set.handlers);
  return { set, emitted, call };
}

function value<T>(wire: Wire<T>): T {
  if (!wire.ok) throw new Error(`${wire.error.code}: ${wire.error.message}`);
  return wire.value;
}

describe('packs handlers', () => {
  it('lists, cancels a download keeping its bytes, resumes it, and orders targets', async () => {
    const { set, emitted, call } = await open();
    try {
      const listing = value(await call('packs:available'));
      expect(listing.packs.map((p) => [p.id, p.bytes, p.installed])).toEqual([['en-ms', 55_000, null], ['id-en', 550_000, null]]);
      expect(Object.keys(listing.packs[0] ?? {})).not.toContain('files');

      rs.knobs.chunk = 16_384;
      rs.knobs.delayMs = 10;
      const running = call('packs:get', 'id', 'en');
      await expect.poll(() => emitted.filter((e) => e.event === 'packs:download').length).toBeGreaterThan(3);
      expect(value(await call('packs:cancel'))).toBe(true);
      const cancelled = await running;
      expect(cancelled.ok ? null : cancelled.error.code).toBe('CANCELLED');
      expect(value(await call('packs:cancel'))).toBe(false);

      const targets = value(await call('packs:targets', 'id'));
      const en = targets.find((t) => t.lang === 'en');
      expect(en).toMatchObject({ ready: false, packs: ['id-en'], bytes: 550_000 });
      expect(en?.partialBytes).toBeGreaterThan(0);
      expect(targets.find((t) => t.lang === 'ms')).toMatchObject({ ready: false, packs: ['id-en', 'en-ms'] });

      rs.knobs.delayMs = 0;
      const done = value(await call('packs:get', 'id', 'ms'));
      expect(done.route).toBe('id-en@1.0+en-ms@1.0');
      expect(done.fetchedBytes).toBeLessThan(550_000 + 55_000);
      const last = emitted.filter((e) => e.event === 'packs:download').at(-1)?.payload;
      expect(last).toMatchObject({ from: 'id', to: 'ms', phase: 'installing' });
      expect(value(await call('packs:targets', 'id')).filter((t) => t.ready).map((t) => t.lang).sort()).toEqual(['en', 'ms']);

      // Strict schemas: not a language tag, too many arguments.
      expect((await call('packs:get', '../etc', 'en')).ok).toBe(false);
      expect((await (call as (c: string, ...a: unknown[]) => Promise<Wire<unknown>>)('packs:targets', 'id', 'x')).ok).toBe(false);
    } finally {
      rs.knobs.chunk = 1 << 20;
      rs.knobs.delayMs = 0;
      await set.close();
    }
  });
});

const HAS_ESPEAK = spawnSync('espeak-ng', ['--version']).status === 0;
if (!HAS_ESPEAK) console.log('SKIPPED speech handler test: espeak-ng is not installed');

describe('speech handlers', () => {
  it.skipIf(!HAS_ESPEAK)('lists voices and speaks one paragraph as a base64 WAV with sentence times; NO_VOICE and bad rates refused', async () => {
    const { set, call } = await open();
    try {
      const voices = value(await call('speech:voices'));
      expect(voices.map((v) => v.lang)).toEqual(expect.arrayContaining(['id', 'ms']));
      const audio = value(await call('speech:paragraph', 'Presiden tiba di Jakarta. Ia disambut menteri.', 'id', 1.25));
      const wav = parseWav(Buffer.from(audio.wavBase64, 'base64'));
      expect(Math.abs(wav.durationMs - audio.durationMs)).toBeLessThan(50);
      expect(audio.sentences.map((s) => s.start)).toEqual([0, 26]);
      expect(audio.voice).toBe('id');
      const none = await call('speech:paragraph', 'Hello.', 'tlh', 1);
      expect(none.ok ? null : none.error.code).toBe('NO_VOICE');
      expect((await call('speech:paragraph', 'Halo.', 'id', 9)).ok).toBe(false);
    } finally {
      await set.close();
    }
  });
});
