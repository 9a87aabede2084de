/**
 * The Apertium engine: the local `apertium` command line (Debian `apertium` + pair packages), fully
 * offline. Installed pairs come from the modes folders (`<datadir>/modes/*.mode`). One process
 * translates a batch of fragments as an HTML document, one `<p>` per fragment: Apertium's HTML
 * deformatter keeps paragraphs apart (no rule spans two) and binds inline tags to their words.
 * `-u` drops the `*` marks on unknown words. Output is parsed as it arrives, so blocks stream;
 * a batch whose output cannot be matched up is retried fragment by fragment, and a fragment that
 * still fails is reported on its own. Every process has a timeout, and cancelling kills its
 * whole process group (the `apertium` script runs a pipeline of several programs).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Block } from '../types';
import { cancelledError, translateError } from './errors';
import { translateBlocksWith, type FragmentResult, type LanguagePair, type TranslateOptions, type TranslationEngine } from './engine';
import { fromApertiumCode, languageName } from './languages';

/** Where and how to run Apertium. */
export interface ApertiumOptions {
  /** The command (a name looked up on PATH, or a path). Default `apertium`. */
  command?: string;
  /** Folders holding `*.mode` files; default `$APERTIUM_DATADIR/modes`, /usr/share and /usr/local/share. */
  modesDirs?: string[];
  /** Environment for lookups and the child (PATH). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Base time limit per process; a second per 2,000 characters is added. Default 30 s. */
  timeoutMs?: number;
  /** Characters per process. Default 20,000. */
  batchChars?: number;
  /** Where each process's input file is written (a temp folder per process). Default os.tmpdir(). */
  tmpDir?: string;
}

/** An installed Apertium mode and the pair it translates. */
export interface ApertiumMode extends LanguagePair {
  mode: string;
}

const MODE_NAME = /^([a-z]{2,3}(?:_[A-Za-z]+)?)-([a-z]{2,3}(?:_[A-Za-z]+)?)$/;

/** Finds an executable on PATH (or checks a path). */
export function findExecutable(command: string, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = command.includes('/') ? [command] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, command));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

/** The Apertium engine. */
export class ApertiumEngine implements TranslationEngine {
  readonly id = 'apertium' as const;
  private readonly command: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly modesDirs: string[];
  private readonly timeoutMs: number;
  private readonly batchChars: number;
  private readonly tmpDir: string | undefined;

  constructor(options: ApertiumOptions = {}) {
    this.command = options.command ?? 'apertium';
    this.env = options.env ?? process.env;
    const dataDir = this.env.APERTIUM_DATADIR;
    this.modesDirs = options.modesDirs ?? [
      ...(dataDir ? [join(dataDir, 'modes')] : []),
      '/usr/share/apertium/modes',
      '/usr/local/share/apertium/modes',
    ];
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.batchChars = options.batchChars ?? 20_000;
    this.tmpDir = options.tmpDir;
  }

  /** The apertium executable, or undefined when it is not installed. */
  executable(): string | undefined {
    return findExecutable(this.command, this.env);
  }

  /** Installed modes that translate between two languages (variants like eng_US only when no plain one exists). */
  modes(): ApertiumMode[] {
    if (!this.executable()) return [];
    const found = new Map<string, ApertiumMode>();
    for (const dir of this.modesDirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) {
        if (!name.endsWith('.mode')) continue;
        const mode = name.slice(0, -5);
        const m = MODE_NAME.exec(mode);
        if (!m) continue;
        const from = fromApertiumCode(m[1] as string);
        const to = fromApertiumCode(m[2] as string);
        if (from === to) continue;
        const key = `${from}-${to}`;
        const plain = !mode.includes('_');
        if (!found.has(key) || (plain && found.get(key)?.mode.includes('_'))) found.set(key, { from, to, mode });
      }
    }
    return [...found.values()];
  }

  async languages(): Promise<LanguagePair[]> {
    return this.modes().map(({ from, to }) => ({ from, to }));
  }

  async model(from: string, to: string): Promise<string> {
    return this.modeFor(from, to);
  }

  private modeFor(from: string, to: string): string {
    const mode = this.modes().find((m) => m.from === from && m.to === to);
    if (mode) return mode.mode;
    const pair = `${languageName(from)} → ${languageName(to)}`;
    if (!this.executable()) {
      throw translateError('TRANSLATION_UNAVAILABLE', `Apertium is not installed, so it cannot translate ${pair}. Install it (e.g. "apt-get install apertium apertium-${from}-${to}") or use another engine.`, { engine: 'apertium', from, to });
    }
    throw translateError('TRANSLATION_UNAVAILABLE', `Apertium has no ${pair} pair installed. Install its pair package (see "apt-cache search apertium-") or use another engine.`, { engine: 'apertium', from, to });
  }

  translate(blocks: Block[], from: string, to: string, options: TranslateOptions = {}): AsyncIterable<Block> {
    const mode = this.modeFor(from, to);
    const executable = this.executable() as string;
    return translateBlocksWith(blocks, (fragments, signal) => this.fragments(executable, mode, fragments, signal), options);
  }

  private async *fragments(executable: string, mode: string, fragments: string[], signal: AbortSignal | undefined): AsyncGenerator<FragmentResult> {
    for (const batch of batches(fragments, this.batchChars)) {
      const done = new Set<number>();
      let failure: string | undefined;
      try {
        for await (const html of this.run(executable, mode, batch.map((i) => fragments[i] as string), signal)) {
          const index = batch[done.size];
          if (index === undefined) break;
          done.add(index);
          yield { index, html };
        }
        if (done.size < batch.length) failure = 'Apertium returned fewer paragraphs than it was given.';
      } catch (error) {
        if (signal?.aborted) throw cancelledError();
        failure = error instanceof Error ? error.message : String(error);
      }
      if (failure === undefined) continue;
      const rest = batch.filter((i) => !done.has(i));
      if (batch.length === 1) {
        for (const index of rest) yield { index, error: failure };
        continue;
      }
      // Retry the rest one by one, so one bad paragraph fails alone.
      for (const index of rest) {
        try {
          let html: string | undefined;
          for await (const out of this.run(executable, mode, [fragments[index] as string], signal)) html ??= out;
          yield html === undefined ? { index, error: 'Apertium returned nothing for this paragraph.' } : { index, html };
        } catch (error) {
          if (signal?.aborted) throw cancelledError();
          yield { index, error: error instanceof Error ? error.message : String(error) };
        }
      }
    }
  }

  /** Runs one apertium process over fragments; yields each translated fragment as its `</p>` arrives. */
  private async *run(executable: string, mode: string, fragments: string[], signal: AbortSignal | undefined): AsyncGenerator<string> {
    if (signal?.aborted) throw cancelledError();
    const input = fragments.map((f) => `<p>${f}</p>`).join('\n') + '\n';
    // The input goes in a file: the apertium script opens /dev/stdin, which fails on the socket
    // Node gives a child as stdin.
    const tmp = await mkdtemp(join(this.tmpDir ?? tmpdir(), 'kabar-apertium-'));
    const inputFile = join(tmp, 'in.html');
    await writeFile(inputFile, input);
    const child = spawn(executable, ['-u', '-f', 'html', mode, inputFile], {
      env: { ...this.env, LC_ALL: this.env.LC_ALL ?? 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const kill = (): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const limit = this.timeoutMs + Math.ceil(input.length / 2000) * 1000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limit);
    signal?.addEventListener('abort', kill, { once: true });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 4000) stderr += d;
    });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    exited.catch(() => undefined);
    try {
      let buffer = '';
      child.stdout.setEncoding('utf8');
      for await (const chunk of child.stdout as AsyncIterable<string>) {
        buffer += chunk;
        let close: number;
        while ((close = buffer.indexOf('</p>')) >= 0) {
          const open = buffer.indexOf('<p>');
          const body = open >= 0 && open < close ? buffer.slice(open + 3, close) : buffer.slice(0, close);
          buffer = buffer.slice(close + 4);
          yield body;
        }
      }
      const code = await exited;
      if (signal?.aborted) throw cancelledError();
      if (timedOut) throw new Error(`Apertium took longer than ${Math.round(limit / 1000)} s.`);
      if (code !== 0) throw new Error(`Apertium failed (exit ${String(code)}): ${stderr.trim().split('\n').slice(-2).join(' ') || 'no message'}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (child.exitCode === null) kill();
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Groups fragment indices into batches of about `chars` characters. */
function batches(fragments: string[], chars: number): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let size = 0;
  fragments.forEach((f, i) => {
    if (current.length > 0 && size + f.length > chars) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += f.length;
  });
  if (current.length > 0) out.push(current);
  return out;
}
