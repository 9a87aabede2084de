/**
 * The "Listen" player: reads paragraphs one after another and says which sentence is being read.
 * Two voices: the system's, through the Web Speech API (one utterance per sentence, so the mark
 * moves exactly), and espeak-ng audio from the main process (one WAV per paragraph with sentence
 * times, marked as the audio plays). Pause/resume, speed, next and previous paragraph.
 */
import { sentencesOf, type SentenceSpan } from './sentences';

/** A paragraph to read: its block index in the article view and its text. */
export interface ListenParagraph {
  block: number;
  text: string;
}

/** Audio for one paragraph from main: WAV bytes and each sentence's offsets and times. */
export interface ParagraphAudio {
  wav: Uint8Array;
  sentences: { start: number; end: number; startMs: number; endMs: number }[];
}

/** What the window shows: state, paragraph and sentence being read. */
export interface ListenState {
  status: 'idle' | 'loading' | 'playing' | 'paused' | 'error';
  index: number;
  block: number | null;
  sentence: { start: number; end: number } | null;
  error?: unknown;
}

/** Where the voice comes from. */
export type VoiceSource = { kind: 'web'; voice: SpeechSynthesisVoice } | { kind: 'espeak'; synthesize: (text: string, lang: string, rate: number) => Promise<ParagraphAudio> };

/** A Web Speech voice for a language: exact tag before same primary language, on-device before network; null when none. */
export function webVoiceFor(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const tag = lang.toLowerCase().replace('_', '-');
  const primary = tag.split('-')[0];
  const norm = (v: SpeechSynthesisVoice): string => v.lang.toLowerCase().replace('_', '-');
  const rank = (v: SpeechSynthesisVoice): number => (norm(v) === tag ? 0 : norm(v).split('-')[0] === primary ? 2 : 9) + (v.localService ? 0 : 1);
  return voices.filter((v) => rank(v) < 9).sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** Plays paragraphs with one voice source; `onChange` gets every state change. */
export class ListenPlayer {
  private state: ListenState = { status: 'idle', index: 0, block: null, sentence: null };
  private rate = 1;
  private run = 0;
  private audio: HTMLAudioElement | null = null;
  private url: string | null = null;

  constructor(
    private readonly paragraphs: ListenParagraph[],
    private readonly lang: string,
    private readonly source: VoiceSource,
    private readonly onChange: (state: ListenState) => void,
  ) {}

  private set(patch: Partial<ListenState>): void {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  /** Starts reading at paragraph `index` (default: where it is). */
  play(index = this.state.index): void {
    this.stopSound();
    const run = ++this.run;
    if (index < 0 || index >= this.paragraphs.length) {
      this.set({ status: 'idle', index: Math.max(0, Math.min(index, this.paragraphs.length - 1)), block: null, sentence: null });
      return;
    }
    const paragraph = this.paragraphs[index] as ListenParagraph;
    this.set({ status: 'loading', index, block: paragraph.block, sentence: null, error: undefined });
    const done = (): void => {
      if (run === this.run) this.play(index + 1);
    };
    const failed = (error: unknown): void => {
      if (run === this.run) this.set({ status: 'error', error });
    };
    if (this.source.kind === 'web') this.speakWeb(paragraph, this.source.voice, run, done);
    else void this.playAudio(paragraph, this.source.synthesize, run, done).catch(failed);
  }

  private speakWeb(paragraph: ListenParagraph, voice: SpeechSynthesisVoice, run: number, done: () => void): void {
    const sentences = sentencesOf(paragraph.text, this.lang);
    const next = (i: number): void => {
      if (run !== this.run) return;
      const sentence = sentences[i] as SentenceSpan | undefined;
      if (!sentence) return done();
      const utterance = new SpeechSynthesisUtterance(sentence.text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = this.rate;
      utterance.onstart = () => run === this.run && this.set({ status: 'playing', sentence: { start: sentence.start, end: sentence.end } });
      utterance.onend = () => next(i + 1);
      utterance.onerror = (event) => {
        if (run === this.run && event.error !== 'interrupted' && event.error !== 'canceled') this.set({ status: 'error', error: event.error });
      };
      speechSynthesis.speak(utterance);
    };
    next(0);
  }

  private async playAudio(paragraph: ListenParagraph, synthesize: (text: string, lang: string, rate: number) => Promise<ParagraphAudio>, run: number, done: () => void): Promise<void> {
    const result = await synthesize(paragraph.text, this.lang, this.rate);
    if (run !== this.run) return;
    this.url = URL.createObjectURL(new Blob([result.wav as BlobPart], { type: 'audio/wav' }));
    const audio = new Audio(this.url);
    this.audio = audio;
    audio.ontimeupdate = () => {
      const ms = audio.currentTime * 1000;
      const s = result.sentences.find((x) => ms >= x.startMs && ms < x.endMs + 250) ?? null;
      if (run === this.run) this.set({ status: audio.paused ? 'paused' : 'playing', sentence: s && { start: s.start, end: s.end } });
    };
    audio.onended = done;
    await audio.play();
    if (run === this.run) this.set({ status: 'playing' });
  }

  /** Pauses (keeps the place). */
  pause(): void {
    if (this.state.status !== 'playing' && this.state.status !== 'loading') return;
    if (this.source.kind === 'web') speechSynthesis.pause();
    else this.audio?.pause();
    this.set({ status: 'paused' });
  }

  /** Resumes after a pause. */
  resume(): void {
    if (this.state.status !== 'paused') return;
    if (this.source.kind === 'web') speechSynthesis.resume();
    else void this.audio?.play();
    this.set({ status: 'playing' });
  }

  /** Space: pause or resume (or start). */
  toggle(): void {
    if (this.state.status === 'playing') this.pause();
    else if (this.state.status === 'paused') this.resume();
    else this.play();
  }

  /** Next / previous paragraph. */
  next(): void {
    this.play(this.state.index + 1);
  }

  previous(): void {
    this.play(Math.max(0, this.state.index - 1));
  }

  /** Speed (0.5–2); the paragraph being read restarts at the new speed. */
  setRate(rate: number): void {
    this.rate = Math.min(2, Math.max(0.5, rate));
    if (this.state.status === 'playing') this.play(this.state.index);
  }

  /** Stops and frees the audio. */
  stop(): void {
    this.run += 1;
    this.stopSound();
    this.set({ status: 'idle', block: null, sentence: null });
  }

  private stopSound(): void {
    if (this.source.kind === 'web' && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    if (this.audio) {
      this.audio.onended = null;
      this.audio.ontimeupdate = null;
      this.audio.pause();
      this.audio = null;
    }
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
