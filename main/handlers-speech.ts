/**
 * Handlers for reading aloud (issue 11); main/handlers.ts merges them. Imports no 'electron'.
 * espeak-ng speaks one paragraph per call, so the window can start playing the first one at once.
 */
import { KabarError } from './core/errors';
import { SpeechEngine } from './core/speech';
import type { HandlerContext, PartHandlers } from './handlers';
import type { SpeechHandlers } from '../preload/contract';

/** The speech handlers (one espeak-ng voice list per window). */
export function speechHandlers(_ctx: HandlerContext): PartHandlers<SpeechHandlers> {
  const engine = new SpeechEngine();
  return {
    handlers: {
      'speech:voices': async () => {
        try {
          return (await engine.voices()).map((v) => ({ lang: v.lang, name: v.name }));
        } catch (error) {
          // No espeak-ng here: no voices, rather than an error on every reader open.
          if (error instanceof KabarError && error.code === 'SPEECH_FAILED') return [];
          throw error;
        }
      },
      'speech:paragraph': async (text, lang, rate) => {
        const audio = await engine.speak([text], lang, { rate });
        return {
          wavBase64: audio.wav.toString('base64'),
          durationMs: audio.durationMs,
          voice: audio.voice.lang,
          sentences: audio.sentences.map((s) => ({ start: s.start, end: s.end, startMs: s.startMs, endMs: s.endMs })),
        };
      },
    },
    close: async () => undefined,
  };
}
