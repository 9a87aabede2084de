/**
 * Translation benchmark: the seed article Indonesian → Malay with Apertium, cold (a fresh library,
 * the first translation of this process, a new apertium process), stored in the article file.
 * Prints one JSON line: {"translate_seed_s": …}. Budget (issue 5): ≤ 5 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFromFile } from '../../main/core/articles';
import { openLibrary } from '../../main/core/store';
import { translateArticle } from '../../main/core/translate';
import { CORPUS } from './library';

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-translate-'));
  try {
    const library = await openLibrary({ dir });
    const { meta } = await library.add(await extractFromFile(join(CORPUS, 'seed', 'diplomasi-bayangan.txt')));
    const started = performance.now();
    const translation = await translateArticle(library, meta.id, 'ms', { engine: 'apertium' });
    const seconds = (performance.now() - started) / 1000;
    await library.close();
    const failed = translation.blocks.filter((b) => b.failed).length;
    if (failed > 0) throw new Error(`${failed} blocks failed to translate`);
    console.log(JSON.stringify({ translate_seed_s: Math.round(seconds * 1000) / 1000 }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
