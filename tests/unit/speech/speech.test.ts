/**
 * Reading aloud with the real espeak-ng: voices per language, Indonesian and Malay audio whose
 * length fits the text (read from the WAV header), sentence timings, speed, errors.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { articleSpeech, parseWav, splitSentences, SpeechEngine, buildWav } from '../../../main/core/speech';
import { parseVoices, pickVoice } from '../../../main/core/speech/espeak';
import { tempDir } from '../helpers';
import { seedLibrary } from '../translate/helpers';

const HAS_ESPEAK = spawnSync('espeak-ng', ['--version']).status === 0;
if (!HAS_ESPEAK) console.log('SKIPPED speech tests that run espeak-ng: it is not installed (apt-get install espeak-ng)');
const real = HAS_ESPEAK ? it : it.skip;

const ID_TEXT = [
  'Kontak langsung antara dua kepala intelijen menjadi sorotan pekan ini.',
  'Komunikasi itu menegaskan sebuah prinsip lama. Diplomasi tetap berjalan ketika jalur resmi tertutup.',
];
const MS_TEXT = ['Kerajaan mengumumkan langkah baharu untuk membantu peniaga kecil. Bantuan itu akan diberikan mulai bulan depan.'];

const words = (texts: string[]): number => texts.join(' ').split(/\s+/).filter(Boolean).length;

describe('sentences', () => {
  it('splits with Intl.Segmenter and keeps offsets into the block', () => {
    const text = '  Halo dunia.  Ini kalimat kedua! Dan ketiga? …  ';
    const sentences = splitSentences(text, 'id', 3);
    expect(sentences.map((s) => s.text)).toEqual(['Halo dunia.', 'Ini kalimat kedua!', 'Dan ketiga?']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.every((s) => s.block === 3)).toBe(true);
    expect(splitSentences('日本語の文です。二つ目の文です。', 'ja').length).toBe(2);
    expect(splitSentences('', 'id')).toEqual([]);
  });
});

describe('voices', () => {
  it('parses the voice list, skips MBROLA voices, and picks by language', () => {
    const listing = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  id              --/M      Indonesian         poz/id
 7  id              --/M      indonesian-mbrola-1 mb/mb-id1
 1  ms              --/F      malay-mbrola-1     mb/mb-ma1
 5  ms              --/M      Malay              poz/ms
 2  en-gb           --/M      English_(Great_Britain) gmw/en
 5  en-us           --/M      English_(America)  gmw/en-US`;
    const voices = parseVoices(listing);
    expect(voices.map((v) => v.file)).toEqual(['poz/id', 'poz/ms', 'gmw/en', 'gmw/en-US']);
    expect(pickVoice(voices, 'id')?.name).toBe('Indonesian');
    expect(pickVoice(voices, 'in')?.lang).toBe('id');
    expect(pickVoice(voices, 'ms-MY')?.lang).toBe('ms');
    expect(pickVoice(voices, 'en-US')?.lang).toBe('en-us');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-gb');
    expect(pickVoice(voices, 'tlh')).toBeNull();
  });

  real('the installed espeak-ng has Indonesian and Malay voices; a language with none is NO_VOICE', async () => {
    const engine = new SpeechEngine();
    expect((await engine.voiceFor('id')).lang).toBe('id');
    expect((await engine.voiceFor('ms')).lang).toBe('ms');
    await expect(engine.voiceFor('tlh')).rejects.toMatchObject({ code: 'NO_VOICE', params: { lang: 'tlh' } });
  });
});

describe('espeak-ng audio', () => {
  real('Indonesian: a non-empty WAV whose length fits the words, with ordered sentence times', async () => {
    const audio = await new SpeechEngine().speak(ID_TEXT, 'id');
    const wav = parseWav(audio.wav);
    expect(wav.sampleRate).toBeGreaterThanOrEqual(8000);
    expect(wav.data.length).toBeGreaterThan(10_000);
    // Speech at 175 words a minute: 22 words ≈ 7.5 s. Allow a wide band for the voice's pace and pauses.
    const expected = (words(ID_TEXT) / 175) * 60_000;
    expect(wav.durationMs).toBeGreaterThan(expected * 0.5);
    expect(wav.durationMs).toBeLessThan(expected * 2.5);
    expect(Math.abs(wav.durationMs - audio.durationMs)).toBeLessThan(50);
    // The audio is not silence.
    let peak = 0;
    for (let i = 0; i + 1 < wav.data.length; i += 2) peak = Math.max(peak, Math.abs(wav.data.readInt16LE(i)));
    expect(peak).toBeGreaterThan(1000);
    expect(audio.sentences.map((s) => [s.block, s.text])).toEqual([
      [0, ID_TEXT[0]],
      [1, 'Komunikasi itu menegaskan sebuah prinsip lama.'],
      [1, 'Diplomasi tetap berjalan ketika jalur resmi tertutup.'],
    ]);
    for (let i = 1; i < audio.sentences.length; i += 1) expect(audio.sentences[i]!.startMs).toBeGreaterThan(audio.sentences[i - 1]!.endMs);
    expect(audio.sentences.at(-1)!.endMs).toBeLessThanOrEqual(audio.durationMs);
  });

  real('Malay with the Malay voice; speed 2 is much shorter than speed 1', async () => {
    const engine = new SpeechEngine();
    const normal = await engine.speak(MS_TEXT, 'ms');
    expect(normal.voice.lang).toBe('ms');
    const expected = (words(MS_TEXT) / 175) * 60_000;
    expect(normal.durationMs).toBeGreaterThan(expected * 0.5);
    expect(normal.durationMs).toBeLessThan(expected * 2.5);
    const fast = await engine.speak(MS_TEXT, 'ms', { rate: 2 });
    expect(fast.durationMs).toBeLessThan(normal.durationMs * 0.75);
  });

  real('text that looks like options is spoken, not obeyed; cancel stops; a missing engine is SPEECH_FAILED', async () => {
    const audio = await new SpeechEngine().speak(['--help -w /tmp/x.wav'], 'en');
    expect(audio.durationMs).toBeGreaterThan(500);
    const controller = new AbortController();
    controller.abort();
    await expect(new SpeechEngine().speak(ID_TEXT, 'id', { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(new SpeechEngine({ command: '/nonexistent/espeak-ng' }).speak(ID_TEXT, 'id')).rejects.toMatchObject({ code: 'SPEECH_FAILED' });
    await expect(new SpeechEngine().speak(['  …  '], 'id')).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });

  it('parses and rebuilds WAVs; refuses what is not one', () => {
    const pcm = Buffer.alloc(22050 * 2);
    const wav = buildWav({ sampleRate: 22050, channels: 1, bitsPerSample: 16 }, pcm);
    expect(parseWav(wav)).toMatchObject({ sampleRate: 22050, durationMs: 1000 });
    // espeak-ng's streamed header: placeholder sizes, data runs to the end.
    const streamed = Buffer.from(wav);
    streamed.writeUInt32LE(0x7ffff000, 40);
    expect(parseWav(streamed).durationMs).toBe(1000);
    expect(() => parseWav(Buffer.from('not a wav at all, sorry'))).toThrow(/not a WAV/);
    expect(() => parseWav(wav.subarray(0, 36))).toThrow(/no data chunk/);
  });
});

describe('kabar speak', () => {
  real('writes the seed article as Indonesian speech; --lang reads a stored translation or says there is none', async () => {
    const { library, dir, id } = await seedLibrary();
    const article = await library.get(id);
    expect(articleSpeech(article).lang).toBe('id');
    expect(() => articleSpeech(article, 'ms')).toThrow(/no translation into Malay/);
    await library.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: process.env, cwd: dir };
    const code = await runCli(['--data', dir, '--json', 'speak', id.slice(0, 8), '--out', 'seed.wav'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('')) as { voice: string; durationMs: number; sentences: number };
    expect(result.voice).toBe('id');
    const wav = parseWav(await readFile(join(dir, 'seed.wav')));
    const seedWords = words(articleSpeech(article).texts);
    expect(wav.durationMs).toBeGreaterThan(((seedWords / 175) * 60_000) * 0.5);
    expect(wav.durationMs).toBeLessThan(((seedWords / 175) * 60_000) * 2.5);
    expect(result.sentences).toBeGreaterThan(10);
    expect(await runCli(['--data', dir, 'speak', id, '--lang', 'ms', '--out', 'ms.wav'], io)).toBe(1);
    expect(err.at(-1)).toMatch(/no translation into Malay/);
    // With a stored Malay translation (real Apertium ind→zlm), --lang ms reads it with the Malay voice.
    expect(await runCli(['--data', dir, 'translate', id, '--to', 'ms', '--engine', 'apertium'], io)).toBe(0);
    out.length = 0;
    expect(await runCli(['--data', dir, '--json', 'speak', id, '--lang', 'ms', '--out', 'ms.wav'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ lang: 'ms', voice: 'ms' });
    expect(parseWav(await readFile(join(dir, 'ms.wav'))).durationMs).toBeGreaterThan(10_000);
    expect(await runCli(['--data', dir, 'speak', id], io)).toBe(1);
    expect(err.at(-1)).toMatch(/Usage: kabar speak/);
    const empty = await tempDir();
    expect(await runCli(['--data', empty, 'speak', 'nope', '--out', 'x.wav'], { ...io, cwd: empty })).toBe(1);
  });
});
