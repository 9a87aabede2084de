/** Sentences of a paragraph for reading aloud (Intl.Segmenter in the text's language), with offsets to mark the one being read. */

/** One sentence: its text and where it sits in the paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Splits a paragraph into sentences; sentences without letters or digits are dropped. */
export function sentencesOf(text: string, lang: string): SentenceSpan[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
  const out: SentenceSpan[] = [];
  for (const s of segmenter.segment(text)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const trimmed = s.segment.trim();
    if (/[\p{L}\p{N}]/u.test(trimmed)) out.push({ text: trimmed, start: s.index + lead, end: s.index + lead + trimmed.length });
  }
  return out;
}

/** A paragraph cut around the sentence being read: text before, the sentence, text after. */
export function markSentence(text: string, span: { start: number; end: number } | null): [string, string, string] {
  if (!span || span.start < 0 || span.end > text.length || span.start >= span.end) return [text, '', ''];
  return [text.slice(0, span.start), text.slice(span.start, span.end), text.slice(span.end)];
}
