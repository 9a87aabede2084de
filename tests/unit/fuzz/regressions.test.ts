/**
 * Failures the fuzzers found, each fixed and kept as a named test so it never comes back.
 */
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../../main/core/articles/plaintext';

describe('fuzz regressions', () => {
  // Found by the long-runs generator of parsers.test.ts: trimming lines with /[\s\u200b]+$/ retried
  // from every position of a run of spaces inside a line (32,000 spaces: 3 s; 2 MB: minutes).
  it('plaintext-space-run: a line with a huge run of spaces, tabs or zero-width spaces parses in linear time', () => {
    for (const run of [' ', '\t', '\u200b']) {
      const started = performance.now();
      const article = parsePlainText(`Judul berita\n\nawal${run.repeat(200_000)}akhir\n${run.repeat(200_000)}x`);
      expect(performance.now() - started).toBeLessThan(1500);
      expect(article.blocks.map((b) => b.text).join(' ')).toContain('akhir');
    }
  });
});
