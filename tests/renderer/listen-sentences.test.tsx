/** Listen: sentence spans to mark while reading, and the choice of a system voice by language. */
import { describe, expect, it } from 'vitest';
import { webVoiceFor } from '../../renderer/src/features/listen/player';
import { markSentence, sentencesOf } from '../../renderer/src/features/listen/sentences';

const voice = (lang: string, name: string, localService = true): SpeechSynthesisVoice =>
  ({ lang, name, localService, default: false, voiceURI: name }) as SpeechSynthesisVoice;

describe('listen sentences', () => {
  it('cuts a paragraph into sentences with offsets, and marks one', () => {
    const text = 'Presiden tiba pukul 10.30 di Jakarta. Ia disambut menteri! Apa selanjutnya?';
    const spans = sentencesOf(text, 'id');
    expect(spans.map((s) => s.text)).toEqual(['Presiden tiba pukul 10.30 di Jakarta.', 'Ia disambut menteri!', 'Apa selanjutnya?']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(markSentence(text, spans[1]!)).toEqual(['Presiden tiba pukul 10.30 di Jakarta. ', 'Ia disambut menteri!', ' Apa selanjutnya?']);
    expect(markSentence(text, null)).toEqual([text, '', '']);
    expect(markSentence(text, { start: 5, end: 999 })).toEqual([text, '', '']);
    expect(sentencesOf('ذهب الرئيس إلى المدينة. ثم عاد.', 'ar')).toHaveLength(2);
  });

  it('picks a system voice for the language, preferring an exact tag, then a local one', () => {
    const voices = [voice('en-US', 'Samantha'), voice('id-ID', 'Damayanti (network)', false), voice('id-ID', 'Damayanti'), voice('ms_MY', 'Amira')];
    expect(webVoiceFor(voices, 'id')?.name).toBe('Damayanti');
    expect(webVoiceFor(voices, 'id-ID')?.name).toBe('Damayanti');
    expect(webVoiceFor([voice('id-ID', 'Remote', false), voice('id', 'Local')], 'id-ID')?.name).toBe('Remote');
    expect(webVoiceFor(voices, 'ms')?.name).toBe('Amira');
    expect(webVoiceFor(voices, 'ja')).toBeNull();
    expect(webVoiceFor([], 'en')).toBeNull();
  });
});
