/**
 * Sentences to read aloud, cut with Intl.Segmenter in the text's language, so the window can mark
 * the sentence being read. Offsets point into the block's text.
 */

/** One sentence of a block. */
export interface Sentence {
  /** Index of the block it belongs to. */
  block: number;
  text: string;
  /** Where it starts and ends in the block's text (UTF-16 offsets, trailing spaces excluded). */
  start: number;
  end: number;
}

/** Splits one text into sentences (empty ones dropped). */
export function splitSentences(text: string, lang: string, block = 0): Sentence[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
  const out: Sentence[] = [];
  for (const s of segmenter.segment(text)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const trimmed = s.segment.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    out.push({ block, text: trimmed, start: s.index + lead, end: s.index + lead + trimmed.length });
  }
  return out;
}

/** Splits several blocks' texts, keeping each sentence's block index. */
export function splitBlocks(texts: string[], lang: string): Sentence[] {
  return texts.flatMap((text, i) => splitSentences(text, lang, i));
}
