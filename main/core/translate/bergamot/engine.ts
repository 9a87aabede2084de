/**
 * The Bergamot engine: Firefox Translations' neural models on the WASM translator, in a worker
 * thread. Pairs come from the installed packs; with no direct pack it pivots through English
 * (from→en, en→to). Fragments go in batches as HTML, so markup follows the words. Cancelling stops
 * the worker (a batch in the WASM cannot be interrupted otherwise); the next translation starts a
 * new one.
 */
import type { Block } from '../../types';
import { cancelledError, translateError } from '../errors';
import { translateBlocksWith, type FragmentResult, type LanguagePair, type TranslateOptions, type TranslationEngine } from '../engine';
import { missingPackMessage, packId, type InstalledPack } from './pack-meta';
import { PackStore } from './pack-store';
import { BergamotWorker, defaultWorkerDir } from './worker';

/** Where Bergamot finds its packs and worker. */
export interface BergamotOptions {
  /** `<dataDir>/packs`. */
  packsDir: string;
  /** Language to pivot through; null turns pivoting off. Default "en". */
  pivot?: string | null;
  /** Folder of the package's worker files (default: resolved from node_modules). */
  workerDir?: string;
  /** Fragments per worker call. Default 8. */
  batchSize?: number;
}

/** The Bergamot engine. */
export class BergamotEngine implements TranslationEngine {
  readonly id = 'bergamot' as const;
  readonly packs: PackStore;
  private readonly pivot: string | null;
  private readonly workerDir: string | undefined;
  private readonly batchSize: number;
  private worker: Promise<BergamotWorker> | undefined;
  private loaded = new Set<string>();

  constructor(options: BergamotOptions) {
    this.packs = new PackStore(options.packsDir);
    this.pivot = options.pivot === undefined ? 'en' : options.pivot;
    this.workerDir = options.workerDir;
    this.batchSize = options.batchSize ?? 8;
  }

  /** Direct pairs of installed packs, plus pairs reachable through the pivot language. */
  async languages(): Promise<LanguagePair[]> {
    const packs = await this.packs.usable();
    const pairs = new Map<string, LanguagePair>();
    for (const p of packs) pairs.set(packId(p.from, p.to), { from: p.from, to: p.to });
    if (this.pivot) {
      for (const a of packs.filter((p) => p.to === this.pivot)) {
        for (const b of packs.filter((p) => p.from === this.pivot && p.to !== a.from)) {
          pairs.set(packId(a.from, b.to), { from: a.from, to: b.to });
        }
      }
    }
    return [...pairs.values()];
  }

  /** The packs a translation from→to goes through; TRANSLATION_UNAVAILABLE naming the missing pack. */
  async route(from: string, to: string): Promise<InstalledPack[]> {
    const packs = await this.packs.usable();
    const find = (f: string, t: string): InstalledPack | undefined => packs.find((p) => p.from === f && p.to === t);
    const direct = find(from, to);
    if (direct) return [direct];
    if (this.pivot && from !== this.pivot && to !== this.pivot) {
      const out = find(from, this.pivot);
      const back = find(this.pivot, to);
      if (out && back) return [out, back];
    }
    throw translateError('TRANSLATION_UNAVAILABLE', missingPackMessage(from, to, this.pivot), { engine: 'bergamot', from, to, pack: packId(from, to) });
  }

  async model(from: string, to: string): Promise<string> {
    return (await this.route(from, to)).map((p) => `${p.id}@${p.version}`).join('+');
  }

  /** Starts (or reuses) the worker. */
  private async ready(): Promise<BergamotWorker> {
    if (this.worker) {
      const current = await this.worker.catch(() => undefined);
      if (current?.alive) return current;
    }
    this.loaded = new Set();
    this.worker = BergamotWorker.start(this.workerDir ?? defaultWorkerDir());
    this.worker.catch(() => (this.worker = undefined));
    return this.worker;
  }

  /** Boots the worker without translating (checks the WASM runtime works here). */
  async boot(): Promise<void> {
    await this.ready();
  }

  /** Stops the worker and frees its memory. */
  async close(): Promise<void> {
    const worker = await this.worker?.catch(() => undefined);
    this.worker = undefined;
    this.loaded = new Set();
    await worker?.terminate();
  }

  translate(blocks: Block[], from: string, to: string, options: TranslateOptions = {}): AsyncIterable<Block> {
    const route = this.route(from, to);
    route.catch(() => undefined);
    return translateBlocksWith(blocks, (fragments, signal) => this.fragments(route, fragments, signal), options);
  }

  private async *fragments(routing: Promise<InstalledPack[]>, fragments: string[], signal: AbortSignal | undefined): AsyncGenerator<FragmentResult> {
    const route = await routing;
    const worker = await this.ready();
    const stop = (): void => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for (const pack of route) {
        if (this.loaded.has(pack.id)) continue;
        const buffers = await this.packs.load(pack.id);
        try {
          await worker.call('loadTranslationModel', { from: pack.from, to: pack.to }, buffers);
        } catch (error) {
          if (signal?.aborted) throw cancelledError();
          await worker.terminate();
          throw translateError('PACK_INVALID', `The language pack ${pack.id} could not be loaded: its files are not a Bergamot model (${(error as Error).message}). Remove it and install a valid pack.`, { id: pack.id });
        }
        this.loaded.add(pack.id);
      }
      const models = route.map((p) => ({ from: p.from, to: p.to }));
      for (let start = 0; start < fragments.length; start += this.batchSize) {
        if (signal?.aborted) throw cancelledError();
        const batch = fragments.slice(start, start + this.batchSize);
        let responses: { target: { text: string } }[];
        try {
          responses = await worker.call('translate', { models, texts: batch.map((text) => ({ text, html: true, qualityScores: false })) });
        } catch (error) {
          if (signal?.aborted) throw cancelledError();
          // A batch failed as a whole: report each of its fragments and start a fresh worker for the rest.
          for (let i = 0; i < batch.length; i += 1) yield { index: start + i, error: `Bergamot failed: ${(error as Error).message}` };
          if (!worker.alive) return;
          continue;
        }
        for (let i = 0; i < batch.length; i += 1) {
          const text = responses[i]?.target.text;
          yield text === undefined ? { index: start + i, error: 'Bergamot gave no translation.' } : { index: start + i, html: text };
        }
      }
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }
}
