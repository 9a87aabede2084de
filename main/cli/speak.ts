/** `kabar speak <id> [--lang L] --out FILE.wav`: reads an article (or its stored translation) aloud into a WAV file with espeak-ng. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { articleSpeech, SpeechEngine } from '../core/speech';
import type { Command } from './base';
import { resolveId } from './base';

/** The speak command. */
export const speakCommand: Command = async (library, o) => {
  const [given] = o.positionals;
  if (!given || !o.out) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar speak <id> [--lang L] --out FILE.wav');
  const id = resolveId(library, given);
  const { lang, texts } = articleSpeech(await library.get(id), o.lang);
  const audio = await new SpeechEngine().speak(texts, lang);
  const out = resolve(o.cwd, o.out);
  await writeFile(out, audio.wav);
  const seconds = Math.round(audio.durationMs / 100) / 10;
  const json = { id, lang, voice: audio.voice.lang, out, bytes: audio.wav.length, durationMs: audio.durationMs, sentences: audio.sentences.length };
  return { json, text: `${id.slice(0, 10)}  ${lang} read by espeak-ng voice "${audio.voice.name}": ${audio.sentences.length} sentences, ${seconds} s → ${out}` };
};
