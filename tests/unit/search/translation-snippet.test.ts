/**
 * Issue 11, walk item 8: a search hit found only in an article's stored translation shows a snippet
 * from that translation with the hit marked, and says which translation it is from. The translation
 * is made by the real apertium eng-spa engine (SKIPPED, with the reason, where it is not installed).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../../main/core/translate/apertium';
import { openLibrary } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

const apertium = findExecutable('apertium', process.env);
const english = [
  'The harbour authority closed the northern pier after the storm damaged three fishing boats.',
  'Engineers will inspect the breakwater this week before the ferries return to their usual timetable.',
];

describe('search hits found only in a translation', () => {
  it.skipIf(!apertium)('marks the hit in a snippet of the translation and names its language', async () => {
    const work = await tempDir();
    // apertium reads a file (from a pipe its text formatter prints its usage and gives nothing).
    const spanish = english.map((p, i) => {
      const file = join(work, `p${i}.txt`);
      writeFileSync(file, `${p}\n`);
      return execFileSync(apertium as string, ['-u', 'eng-spa', file], { encoding: 'utf8' }).trim();
    });
    // A word of the translation that the original does not contain (chosen from the engine's output, not assumed).
    const originalWords = new Set(english.join(' ').toLowerCase().split(/\W+/));
    const word = spanish.join(' ').toLowerCase().split(/[^\p{L}]+/u).find((w) => w.length >= 6 && !originalWords.has(w));
    expect(word, spanish.join(' ')).toBeDefined();

    const library = await openLibrary({ dir: await tempDir() });
    try {
      const { meta } = await library.add(article({ title: 'Storm closes the pier', lang: 'en', blocks: english.map((text) => ({ type: 'paragraph', text })) }));
      const other = await library.add(article({ title: `Contains ${word as string} in the original`, lang: 'en', blocks: [{ type: 'paragraph', text: `A note on ${word as string}.` }] }));
      await library.saveTranslation(meta.id, {
        lang: 'es',
        title: 'Tormenta',
        blocks: spanish.map((text) => ({ type: 'paragraph', text })),
        engine: 'apertium',
        model: 'eng-spa',
        createdAt: new Date().toISOString(),
      });
      const hits = await library.search(word as string);
      const fromTranslation = hits.find((h) => h.id === meta.id);
      expect(fromTranslation?.snippetLang).toBe('es');
      const marked = fromTranslation?.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase());
      expect(marked).toContain(word);
      // The snippet's text is the translation's, not the original's opening.
      expect(fromTranslation?.snippet.map((p) => p.text).join('')).toContain((spanish[0] as string).slice(0, 20));
      // A hit in the original keeps its own snippet and no translation label.
      const direct = hits.find((h) => h.id === other.meta.id);
      expect(direct?.snippetLang).toBeUndefined();
      expect(direct?.snippet.some((p) => p.hit)).toBe(true);
    } finally {
      await library.close();
    }
  });

  it.runIf(!apertium)('SKIPPED: apertium is not installed (apt-get install apertium apertium-eng-spa)', () => {
    console.log('SKIPPED: apertium not found; the translation-snippet test needs a real engine');
  });
});
