/**
 * Translation (DESIGN.md §5): the engines, the automatic engine choice per pair, and
 * translateArticle, which stores each translation in the article file so reading it later needs no
 * engine at all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KabarError } from '../errors';
import type { Library } from '../store';
import type { Block, Translation } from '../types';
import { ApertiumEngine, type ApertiumOptions } from './apertium';
import { BergamotEngine, type BergamotOptions } from './bergamot/engine';
import type { InstalledPack } from './bergamot/pack-meta';
import { defaultWorkerDir } from './bergamot/worker';
import { PackSource } from './bergamot/pack-source';
import { translateError } from './errors';
import type { EngineId, LanguagePair, TranslationEngine } from './engine';
import { languageName, primaryLang } from './languages';
import { targetLanguages, type TargetLanguage } from './targets';

export type { EngineId, LanguagePair, TranslateOptions, TranslationEngine } from './engine';
export { ApertiumEngine } from './apertium';
export { BergamotEngine } from './bergamot/engine';
export { PACK_FILE, validatePackMeta, type InstalledPack, type PackMeta } from './bergamot/pack-meta';
export { PackStore } from './bergamot/pack-store';
export { TRANSLATE_ERROR_CODES, cancelledError, isCancelled } from './errors';
export { PackSource, type AvailablePack, type PackListing, type PackDownloadProgress, type PackDownloadResult } from './bergamot/pack-source';
export { DEFAULT_PACK_SERVER, MODELS_COLLECTION } from './bergamot/remote-settings';
export type { RemotePack } from './bergamot/catalog';
export { targetLanguages, type TargetLanguage } from './targets';
export { languageName, primaryLang } from './languages';

/** Engines in order of preference when several can translate a pair. */
export const ENGINE_PREFERENCE: EngineId[] = ['bergamot', 'apertium'];

/** What `engines` reports. */
export interface EnginesReport {
  engines: { id: EngineId; available: boolean; detail: string; pairs: LanguagePair[] }[];
  packs: InstalledPack[];
}

/** How to build a Translator. */
export interface TranslatorOptions {
  /** The data folder; packs live in `<dataDir>/packs`. */
  dataDir: string;
  apertium?: ApertiumOptions;
  bergamot?: Omit<BergamotOptions, 'packsDir'> & { packsDir?: string };
}

/** The engines of one data folder and the choice between them. */
export class Translator {
  readonly apertium: ApertiumEngine;
  readonly bergamot: BergamotEngine;

  constructor(options: TranslatorOptions) {
    this.apertium = new ApertiumEngine(options.apertium);
    this.bergamot = new BergamotEngine({ packsDir: join(options.dataDir, 'packs'), ...options.bergamot });
  }

  /** An engine by id. */
  engine(id: string): TranslationEngine {
    if (id === 'apertium') return this.apertium;
    if (id === 'bergamot') return this.bergamot;
    throw new KabarError('INVALID_ARGUMENT', `Unknown translation engine "${id}". Engines: ${ENGINE_PREFERENCE.join(', ')}.`, { engine: id });
  }

  /**
   * The engine for a pair: the one asked for, else the best installed one (Bergamot when a pack
   * covers the pair, else Apertium). TRANSLATION_UNAVAILABLE says what to install when none can.
   */
  async choose(from: string, to: string, preferred?: string): Promise<TranslationEngine> {
    if (preferred) return this.engine(preferred);
    for (const id of ENGINE_PREFERENCE) {
      const engine = this.engine(id);
      if ((await engine.languages()).some((p) => p.from === from && p.to === to)) return engine;
    }
    const pair = `${languageName(from)} → ${languageName(to)}`;
    throw translateError(
      'TRANSLATION_UNAVAILABLE',
      `No translation engine can translate ${pair} here. Install the Bergamot language pack "${from}-${to}" ("kabar packs install DIR|URL", or Settings → Language packs), or an Apertium pair package for it.`,
      { from, to, pack: `${from}-${to}` },
    );
  }

  /** The pack source for a server address ('' → Firefox's Remote Settings), installing into this folder's packs. */
  packSource(server?: string): PackSource {
    return new PackSource({ store: this.bergamot.packs, server });
  }

  /** "Translate into" for a source language: ready targets first, then those the saved pack listing would add. */
  async targets(from: string, source?: PackSource): Promise<TargetLanguage[]> {
    const ready: { engine: EngineId; from: string; to: string }[] = [];
    for (const id of ENGINE_PREFERENCE) for (const p of await this.engine(id).languages()) ready.push({ engine: id, from: p.from, to: p.to });
    const listing = source ? ((await source.cachedPacks())?.packs ?? null) : null;
    return targetLanguages({ from: primaryLang(from), ready, listing, installed: await this.bergamot.packs.list(), pivot: 'en' });
  }

  /** Engines, their pairs and the installed packs. */
  async report(): Promise<EnginesReport> {
    const exe = this.apertium.executable();
    const modes = this.apertium.modes();
    const packs = await this.bergamot.packs.list();
    return {
      engines: [
        {
          id: 'bergamot',
          available: bergamotRuntimeInstalled(),
          detail: packs.length ? `${packs.filter((p) => !p.problem).length} language pack(s) installed` : 'no language packs installed',
          pairs: await this.bergamot.languages(),
        },
        {
          id: 'apertium',
          available: exe !== undefined,
          detail: exe ? `${exe}; modes ${modes.map((m) => m.mode).join(', ') || 'none'}` : 'the apertium command is not installed',
          pairs: modes.map(({ from, to }) => ({ from, to })),
        },
      ],
      packs,
    };
  }

  /** Stops worker threads. */
  async close(): Promise<void> {
    await this.bergamot.close();
  }
}

/** Whether the Bergamot WASM runtime is installed (the package's worker files). */
function bergamotRuntimeInstalled(): boolean {
  try {
    return existsSync(join(defaultWorkerDir(), 'bergamot-translator-worker.wasm'));
  } catch {
    return false;
  }
}

/** Options of translateArticle. */
export interface TranslateArticleOptions {
  /** Engine id; default: the best installed engine for the pair. */
  engine?: string;
  /** Source language; default the article's (the user's correction when there is one). */
  from?: string;
  signal?: AbortSignal;
  /** Blocks done of total (the title counts as one). */
  onProgress?: (done: number, total: number) => void;
  /** Each translated block as it is ready (index into the article's blocks). */
  onBlock?: (index: number, block: Block) => void;
  /** The engines to use; default one Translator over the library's folder. */
  translator?: Translator;
  now?: () => Date;
}

/**
 * Translates an article into `to` and stores the translation in its file (replacing an earlier one
 * in that language). Reading it back (library.get(id).translations[to]) needs no engine.
 */
export async function translateArticle(library: Library, id: string, to: string, options: TranslateArticleOptions = {}): Promise<Translation> {
  const article = await library.get(id);
  const from = primaryLang(options.from ?? article.lang);
  const target = primaryLang(to);
  if (!from || from === 'und') {
    throw new KabarError('INVALID_ARGUMENT', 'The language of this article is not known. Set it first, then translate.', { id });
  }
  if (from === target) throw new KabarError('INVALID_ARGUMENT', `This article is already in ${languageName(target)}.`, { id, lang: target });
  const translator = options.translator ?? new Translator({ dataDir: library.dir });
  try {
    const engine = await translator.choose(from, target, options.engine);
    const model = await engine.model(from, target);
    const source: Block[] = [{ type: 'heading', level: 1, text: article.title }, ...article.blocks];
    const out: Block[] = [];
    const stream = engine.translate(source, from, target, { signal: options.signal, onProgress: options.onProgress });
    for await (const block of stream) {
      if (out.length > 0) options.onBlock?.(out.length - 1, block);
      out.push(block);
    }
    const [title, ...blocks] = out;
    const translation: Translation = {
      lang: target,
      title: title && !title.failed ? title.text : article.title,
      blocks,
      engine: engine.id,
      model,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
    };
    await library.saveTranslation(id, translation);
    return translation;
  } finally {
    if (!options.translator) await translator.close();
  }
}
