/**
 * espeak-ng (Debian's offline speech synthesizer, about 100 languages including Indonesian and
 * Malay), run as a child process: `--voices` lists what is installed, and each text is spoken to a
 * WAV on stdout. Text goes in on stdin, never as an argument, so nothing in it can become an
 * option. MBROLA voices are skipped: they need the separate mbrola program and its data.
 */
import { spawn } from 'node:child_process';
import { KabarError } from '../errors';
import { parseWav, type ParsedWav } from './wav';

/** One installed voice. */
export interface Voice {
  /** The language tag espeak-ng files it under ("id", "ms", "en-gb-x-rp"), also what `-v` takes. */
  lang: string;
  name: string;
  gender: string;
  /** espeak-ng's priority (lower is preferred). */
  priority: number;
  file: string;
}

/** How to run espeak-ng. */
export interface EspeakOptions {
  /** The executable (default "espeak-ng" on PATH). */
  command?: string;
  env?: NodeJS.ProcessEnv;
  /** Longest one synthesis may take (default 30 s). */
  timeoutMs?: number;
}

/** Runs espeak-ng; resolves with stdout. stdin gets `input` when given. */
function run(args: string[], options: EspeakOptions, input?: string, signal?: AbortSignal): Promise<Buffer> {
  const command = options.command ?? 'espeak-ng';
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], signal, timeout: options.timeoutMs ?? 30_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (signal?.aborted) reject(new KabarError('CANCELLED', 'Reading aloud was stopped.'));
      else if (error.code === 'ENOENT') reject(new KabarError('SPEECH_FAILED', `The speech engine "${command}" is not installed (on Debian/Ubuntu: apt-get install espeak-ng).`, { command }));
      else reject(new KabarError('SPEECH_FAILED', `The speech engine failed to start: ${error.message}.`, { command }));
    });
    child.on('close', (code, sig) => {
      if (signal?.aborted) return reject(new KabarError('CANCELLED', 'Reading aloud was stopped.'));
      if (code === 0) return resolve(Buffer.concat(out));
      const why = Buffer.concat(err).toString('utf8').trim().split('\n')[0] || (sig ? `stopped by ${sig}` : `exit code ${code}`);
      reject(new KabarError('SPEECH_FAILED', `The speech engine failed: ${why}.`, { command, reason: why }));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Parses `espeak-ng --voices` (columns: Pty Language Age/Gender VoiceName File [Other languages]). */
export function parseVoices(listing: string): Voice[] {
  const voices: Voice[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const [priority, lang, ageGender, name, file] = line.trim().split(/\s+/);
    if (!priority || !lang || !name || !file || !/^\d+$/.test(priority)) continue;
    if (file.startsWith('mb/')) continue;
    voices.push({ lang: lang.toLowerCase(), name: name.replace(/_/g, ' '), gender: (ageGender ?? '').split('/')[1] ?? '', priority: Number(priority), file });
  }
  return voices;
}

/** The installed voices. */
export async function listVoices(options: EspeakOptions = {}): Promise<Voice[]> {
  return parseVoices((await run(['--voices'], options)).toString('utf8'));
}

/** The best voice for a language tag: exact tag, else same primary language; null when none. */
export function pickVoice(voices: Voice[], lang: string): Voice | null {
  const tag = lang.toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0] ?? tag;
  const aliases: Record<string, string[]> = { in: ['id'], id: ['id'], ms: ['ms', 'zsm'], zh: ['cmn', 'zh'], nb: ['nb', 'no'], no: ['nb', 'no'] };
  const wanted = aliases[primary] ?? [primary];
  const rank = (v: Voice): number => (v.lang === tag ? 0 : wanted.includes(v.lang) ? 1 : wanted.includes(v.lang.split('-')[0] ?? '') ? 2 : 9);
  const candidates = voices.filter((v) => rank(v) < 9).sort((a, b) => rank(a) - rank(b) || a.priority - b.priority || a.lang.localeCompare(b.lang));
  return candidates[0] ?? null;
}

/** Speaks one text with a voice at `wpm` words per minute; returns the parsed WAV. */
export async function synthesize(text: string, voice: Voice, wpm: number, options: EspeakOptions = {}, signal?: AbortSignal): Promise<ParsedWav> {
  const speed = Math.round(Math.min(450, Math.max(80, wpm)));
  // -b 1: the input is UTF-8; -z: no extra pause after the last sentence (Kabar joins sentences itself).
  const wav = await run(['-v', voice.lang, '-s', String(speed), '-b', '1', '-z', '--stdout', '--stdin'], options, text, signal);
  return parseWav(wav);
}
