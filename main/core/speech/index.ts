/**
 * Reading aloud, main-process side (the window's Web Speech voices come first; this is the
 * fallback): text blocks → sentences (Intl.Segmenter) → espeak-ng audio per sentence, joined into
 * one WAV with each sentence's start and end time, so the window can play it and mark the sentence
 * being read. A language with no installed voice is a NO_VOICE error naming the language.
 */
import { KabarError } from '../errors';
import type { Article, Block } from '../types';
import { listVoices, pickVoice, synthesize, type EspeakOptions, type Voice } from './espeak';
import { splitBlocks, type Sentence } from './sentences';
import { buildWav, type WavFormat } from './wav';

export type { Voice, EspeakOptions } from './espeak';
export { parseWav, buildWav, type ParsedWav, type WavFormat } from './wav';
export { splitSentences, splitBlocks, type Sentence } from './sentences';

/** espeak-ng's speed at rate 1 (words per minute). */
export const BASE_WPM = 175;
/** Silence between sentences (espeak-ng runs with -z, which drops its own final pause). */
const GAP_MS = 250;

/** A sentence with where it sits in the audio. */
export interface TimedSentence extends Sentence {
  startMs: number;
  endMs: number;
}

/** Spoken blocks: one WAV and the sentence timings. */
export interface SpeechAudio {
  wav: Buffer;
  format: WavFormat;
  durationMs: number;
  voice: Voice;
  sentences: TimedSentence[];
}

/** Options of one synthesis. */
export interface SpeakOptions {
  /** 1 = normal speed (175 words a minute); 0.5–2.5. */
  rate?: number;
  signal?: AbortSignal;
}

/** espeak-ng with its voice list read once. */
export class SpeechEngine {
  private voicesList: Promise<Voice[]> | undefined;

  constructor(private readonly options: EspeakOptions = {}) {}

  /** Installed voices (cached; a failed listing is retried next time). */
  voices(): Promise<Voice[]> {
    this.voicesList ??= listVoices(this.options).catch((error: unknown) => {
      this.voicesList = undefined;
      throw error;
    });
    return this.voicesList;
  }

  /** The voice for a language; NO_VOICE when there is none. */
  async voiceFor(lang: string): Promise<Voice> {
    const voice = pickVoice(await this.voices(), lang);
    if (!voice) {
      const name = languageName(lang);
      throw new KabarError('NO_VOICE', `No voice can read ${name} aloud here: espeak-ng has no voice for "${lang}".`, { lang, language: name });
    }
    return voice;
  }

  /** Speaks blocks of text in `lang`: one WAV, with each sentence's block, offsets and times. */
  async speak(texts: string[], lang: string, options: SpeakOptions = {}): Promise<SpeechAudio> {
    const voice = await this.voiceFor(lang);
    const sentences = splitBlocks(texts, lang);
    if (sentences.length === 0) throw new KabarError('EMPTY_INPUT', 'There is no text to read aloud.');
    const rate = Math.min(2.5, Math.max(0.5, options.rate ?? 1));
    const parts: Buffer[] = [];
    const timed: TimedSentence[] = [];
    let format: WavFormat | undefined;
    let ms = 0;
    for (const sentence of sentences) {
      const audio = await synthesize(sentence.text, voice, BASE_WPM * rate, this.options, options.signal);
      format ??= { sampleRate: audio.sampleRate, channels: audio.channels, bitsPerSample: audio.bitsPerSample };
      const frame = format.channels * (format.bitsPerSample / 8);
      const gap = Buffer.alloc(Math.round((GAP_MS / 1000) * format.sampleRate) * frame);
      timed.push({ ...sentence, startMs: Math.round(ms), endMs: Math.round(ms + audio.durationMs) });
      parts.push(audio.data, gap);
      ms += audio.durationMs + GAP_MS;
    }
    const f = format as WavFormat;
    const data = Buffer.concat(parts);
    return { wav: buildWav(f, data), format: f, durationMs: Math.round(ms), voice, sentences: timed };
  }
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Blocks that are read aloud (images and code are skipped). */
function spoken(blocks: Block[]): string[] {
  return blocks.filter((b) => b.type !== 'image' && b.type !== 'code' && b.text.trim() !== '').map((b) => b.text);
}

/**
 * The texts to read for an article: the title then its blocks, in the original language, or in
 * `lang` when a stored translation into it exists. INVALID_ARGUMENT when there is none.
 */
export function articleSpeech(article: Article, lang?: string): { lang: string; texts: string[] } {
  const original = article.lang.split('-')[0] ?? article.lang;
  const wanted = lang?.trim().toLowerCase();
  if (!wanted || wanted === original || wanted === article.lang.toLowerCase()) return { lang: article.lang, texts: [article.title, ...spoken(article.blocks)] };
  const translation = article.translations[wanted];
  if (!translation) {
    const have = Object.keys(article.translations).join(', ') || 'none';
    throw new KabarError('INVALID_ARGUMENT', `This article has no translation into ${languageName(wanted)} to read (translations: ${have}). Translate it first.`, { lang: wanted });
  }
  return { lang: translation.lang, texts: [translation.title, ...spoken(translation.blocks)] };
}
