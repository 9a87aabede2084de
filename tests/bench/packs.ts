/**
 * Language packs and reading aloud, measured: a 40 MB pack (the size of a real Firefox model set)
 * downloaded from a local Remote Settings server, hashed and installed; the same after a cancel at
 * half way (resume); and espeak-ng on the seed article (time to the first paragraph's audio, which
 * the window waits for, and the whole article's real-time factor).
 * Prints one JSON line: {"pack_40mb_install_s", "pack_resume_fetched_mb", "speech_first_paragraph_ms", "speech_article_rtf"}.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFromFile } from '../../main/core/articles';
import { articleSpeech, SpeechEngine } from '../../main/core/speech';
import { openLibrary } from '../../main/core/store';
import { PackSource, PackStore } from '../../main/core/translate';
import { pairFiles, startRsServer } from '../unit/packs/rs-server';
import { CORPUS } from './library';

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

async function packs(dir: string): Promise<{ install: number; resumedMb: number }> {
  // model 32 MB + shortlist 8 MB + vocabulary 4 MB ≈ 44 MB: a real tiny pack's order of size.
  const rs = await startRsServer(pairFiles('id', 'en', '1.0', 32 * 1024 * 1024));
  try {
    const fresh = new PackSource({ store: new PackStore(join(dir, 'a')), server: `${rs.url}/v1` });
    const started = performance.now();
    await fresh.get('id', 'en');
    const install = (performance.now() - started) / 1000;

    const store = new PackStore(join(dir, 'b'));
    const controller = new AbortController();
    const half = new PackSource({ store, server: `${rs.url}/v1` });
    await half.get('id', 'en', { signal: controller.signal, onProgress: (p) => p.done > p.total / 2 && controller.abort() }).catch(() => undefined);
    const resumed = await new PackSource({ store, server: `${rs.url}/v1` }).get('id', 'en');
    return { install, resumedMb: resumed.fetchedBytes / 1024 / 1024 };
  } finally {
    await rs.close();
  }
}

async function speech(dir: string): Promise<{ firstMs: number; rtf: number }> {
  const library = await openLibrary({ dir: join(dir, 'lib') });
  const { meta } = await library.add(await extractFromFile(join(CORPUS, 'seed', 'diplomasi-bayangan.txt')));
  const { lang, texts } = articleSpeech(await library.get(meta.id));
  await library.close();
  const engine = new SpeechEngine();
  await engine.voices();
  let started = performance.now();
  await engine.speak(texts.slice(1, 2), lang);
  const firstMs = performance.now() - started;
  started = performance.now();
  const audio = await engine.speak(texts, lang);
  const rtf = (performance.now() - started) / audio.durationMs;
  return { firstMs, rtf };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-packs-'));
  try {
    const p = await packs(dir);
    const s = await speech(dir);
    console.log(JSON.stringify({ pack_40mb_install_s: round(p.install), pack_resume_fetched_mb: round(p.resumedMb, 1), speech_first_paragraph_ms: Math.round(s.firstMs), speech_article_rtf: round(s.rtf) }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
