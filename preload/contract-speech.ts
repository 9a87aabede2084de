/**
 * The reading-aloud contract (issue 11): espeak-ng voices and one paragraph's audio with its
 * sentence times, for the window's Listen player when the system has no Web Speech voice.
 * preload/contract.ts merges it; main/handlers-speech.ts answers it.
 */
import { z } from 'zod';
import { lang } from './contract-common';
import { channel } from './define';

/** An installed espeak-ng voice. */
export interface VoiceInfo {
  lang: string;
  name: string;
}

/** One paragraph spoken: a WAV (base64: the browser harness carries JSON) and each sentence's offsets and times. */
export interface ParagraphAudioInfo {
  wavBase64: string;
  durationMs: number;
  voice: string;
  sentences: { start: number; end: number; startMs: number; endMs: number }[];
}

/** Speech invoke channels. */
export const speechChannels = {
  /** espeak-ng's voices (empty when it is not installed). */
  'speech:voices': channel(z.tuple([])).returns<VoiceInfo[]>(),
  /** Speaks one paragraph in `lang` at `rate` (1 = normal); NO_VOICE when no voice exists for it. */
  'speech:paragraph': channel(z.tuple([z.string().min(1).max(20_000), lang, z.number().min(0.5).max(2.5)])).returns<ParagraphAudioInfo>(),
};
