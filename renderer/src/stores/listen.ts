/** Reading aloud's calls to main: espeak-ng's voices and one paragraph's audio (the player lives in features/listen). */
import { api } from '../api';
import type { ParagraphAudioInfo, VoiceInfo } from '../../../preload/contract';

/** espeak-ng's voices (empty when it is not installed). */
export function espeakVoices(): Promise<VoiceInfo[]> {
  return api.speech.voices();
}

/** One paragraph as WAV bytes with its sentence times. */
export async function speakParagraph(text: string, lang: string, rate: number): Promise<{ wav: Uint8Array; sentences: ParagraphAudioInfo['sentences'] }> {
  const audio = await api.speech.paragraph(text, lang, Math.min(2.5, Math.max(0.5, rate)));
  const binary = atob(audio.wavBase64);
  const wav = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) wav[i] = binary.charCodeAt(i);
  return { wav, sentences: audio.sentences };
}
