/**
 * The translation engine interface (DESIGN.md §5) and the block driver both engines share: blocks are
 * cut into HTML fragments (one per paragraph, heading, quote, caption, list item), the engine
 * translates fragments, and translated blocks stream out in order as soon as each is complete.
 * Images and code blocks pass through untouched; a fragment that fails marks its block `failed`
 * (keeping the original) and the rest continue.
 */
import type { Block, Inline } from '../types';
import { throwIfAborted } from './errors';
import { fromFragment, runsText, toFragment, type Fragment } from './markup';

/** The engines Kabar has. */
export type EngineId = 'apertium' | 'bergamot';

/** A language pair an engine can translate now (ISO 639-1 codes where they exist). */
export interface LanguagePair {
  from: string;
  to: string;
}

/** Options of one translation. */
export interface TranslateOptions {
  signal?: AbortSignal;
  /** Called after each block: blocks done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** One translation engine. */
export interface TranslationEngine {
  readonly id: EngineId;
  /** The pairs it can translate now (installed pairs / packs). */
  languages(): Promise<LanguagePair[]>;
  /** The model or pair a translation of from→to is made with (recorded with the translation). */
  model(from: string, to: string): Promise<string>;
  /** Translates blocks, yielding each translated block in order; throws CANCELLED on abort. */
  translate(blocks: Block[], from: string, to: string, options?: TranslateOptions): AsyncIterable<Block>;
}

/** The outcome of one fragment: its translated HTML, or why it failed. */
export type FragmentResult = { index: number; html: string } | { index: number; error: string };

/** How an engine translates fragments: results may come in any order, each index once. */
export type FragmentTranslator = (fragments: string[], signal: AbortSignal | undefined) => AsyncIterable<FragmentResult>;

interface Unit {
  block: number;
  fragment: Fragment;
}

/** Whether a block has text to translate. */
function translatable(block: Block): boolean {
  return block.type !== 'image' && block.type !== 'code' && block.text.trim() !== '';
}

function blockRuns(block: Block): Inline[][] {
  if (block.type === 'list') return block.items ?? block.text.split('\n').map((text) => [{ text }]);
  return [block.inline ?? [{ text: block.text }]];
}

/** Cuts blocks into fragments; `byBlock[i]` lists the unit indices of block i. */
export function planUnits(blocks: Block[]): { units: Unit[]; byBlock: number[][] } {
  const units: Unit[] = [];
  const byBlock = blocks.map((block, b) => {
    if (!translatable(block)) return [];
    return blockRuns(block).map((runs) => {
      units.push({ block: b, fragment: toFragment(runs) });
      return units.length - 1;
    });
  });
  return { units, byBlock };
}

/** Builds a translated block from its fragments' results. */
export function assembleBlock(block: Block, results: (Inline[] | string)[]): Block {
  const failure = results.find((r): r is string => typeof r === 'string');
  if (failure !== undefined) return { ...block, failed: failure };
  const runs = results as Inline[][];
  if (block.type === 'list') {
    const text = runs.map(runsText).join('\n');
    return block.items ? { ...block, items: runs, text } : { ...block, text };
  }
  const first = runs[0] ?? [];
  return block.inline ? { ...block, inline: first, text: runsText(first) } : { ...block, text: runsText(first) };
}

/**
 * Drives a fragment translator over blocks: yields translated blocks in order, reports progress,
 * marks blocks whose fragments failed or never came back.
 */
export async function* translateBlocksWith(
  blocks: Block[],
  run: FragmentTranslator,
  options: TranslateOptions = {},
): AsyncGenerator<Block> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const { units, byBlock } = planUnits(blocks);
  const results = new Map<number, Inline[] | string>();
  let next = 0;
  const total = blocks.length;
  const ready = function* (final: boolean): Generator<Block> {
    while (next < total) {
      const ids = byBlock[next] as number[];
      if (!final && ids.some((u) => !results.has(u))) return;
      const block = blocks[next] as Block;
      const translated = ids.length === 0 ? block : assembleBlock(block, ids.map((u) => results.get(u) ?? 'The engine gave no translation.'));
      next += 1;
      onProgress?.(next, total);
      yield translated;
    }
  };
  yield* ready(false);
  if (units.length > 0) {
    for await (const result of run(units.map((u) => u.fragment.html), signal)) {
      throwIfAborted(signal);
      const unit = units[result.index];
      if (!unit || results.has(result.index)) continue;
      if ('error' in result) {
        results.set(result.index, result.error);
      } else {
        const runs = fromFragment(result.html, unit.fragment);
        results.set(result.index, runs.length > 0 ? runs : 'The engine gave an empty translation.');
      }
      yield* ready(false);
    }
  }
  throwIfAborted(signal);
  yield* ready(true);
}

/** Collects a streamed translation. */
export async function collect(stream: AsyncIterable<Block>): Promise<Block[]> {
  const out: Block[] = [];
  for await (const block of stream) out.push(block);
  return out;
}
