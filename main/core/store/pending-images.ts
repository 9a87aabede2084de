/**
 * Images "not saved yet" (Block.pending): capture gives up on them after its time budget so the
 * article is saved at once; a later fetch fills them in here, in the body and in every translation.
 */
import type { ArticleMeta, Block, Translation } from '../types';
import { keepDamaged, readArticleFile, writeArticleFile } from './article-files';
import type { LibraryState } from './library-state';

/** What a later fetch found: source → media file name for the saved ones, and sources that will never come. */
export interface SettledImages {
  saved: Map<string, string>;
  gone: Set<string>;
}

/** How many distinct images are not saved yet. */
export function countPendingImages(blocks: Block[]): number {
  return pendingImageSources(blocks).length;
}

/** The distinct sources of the image blocks that are not saved yet. */
export function pendingImageSources(blocks: Block[]): string[] {
  return [...new Set(blocks.flatMap((b) => (b.type === 'image' && b.pending && b.src ? [b.src] : [])))];
}

/** Blocks with the fetched images filled in: saved ones get `media`, gone ones lose `pending`, the rest stay pending. */
export function settleBlocks(blocks: Block[], settled: SettledImages): Block[] {
  return blocks.map((b) => {
    if (b.type !== 'image' || !b.pending || !b.src) return b;
    const media = settled.saved.get(b.src);
    if (!media && !settled.gone.has(b.src)) return b;
    const { pending: _settled, ...rest } = b;
    return media ? { ...rest, media } : rest;
  });
}

/**
 * Rewrites an article file with the fetched images filled in (translations carry the same image
 * blocks, so they are settled too); returns how many images are still pending. Damaged translation
 * entries are kept as they were, and the file as it was is copied to damaged/ first.
 */
export async function settleArticleImages(dir: string, meta: ArticleMeta, settled: SettledImages, now: Date): Promise<number> {
  const file = await readArticleFile(dir, meta.id);
  const blocks = settleBlocks(file.blocks, settled);
  const translations: Record<string, Translation> = {};
  for (const [lang, t] of Object.entries(file.translations)) translations[lang] = { ...t, blocks: settleBlocks(t.blocks, settled) };
  const damaged = { ...file.damagedTranslations };
  if (Object.keys(damaged).length > 0) await keepDamaged(dir, meta.id, now);
  delete damaged['*'];
  await writeArticleFile(dir, meta, blocks, { ...(damaged as Record<string, Translation>), ...translations }, { highlights: file.highlights, marks: file.marks });
  return countPendingImages(blocks);
}

/** Fills in images fetched after the article was saved, after the body writes before it; returns how many are still pending. */
export function settleImages(state: LibraryState, id: string, settled: SettledImages): Promise<number> {
  const meta = state.meta(id);
  state.assertWritable();
  const write = state.bodyWrites.then(async () => {
    const left = await settleArticleImages(state.dir, meta, settled, state.now());
    state.change(id, (m) => {
      // undefined, not delete: change() applies the edit with Object.assign, which keeps deleted keys.
      m.imagesPending = left > 0 ? left : undefined;
    });
    return left;
  });
  state.bodyWrites = write.catch(() => undefined);
  return write;
}
