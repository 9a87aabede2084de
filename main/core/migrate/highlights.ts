/**
 * Highlights that exports carry (Omnivore's highlights/<slug>.md, wallabag annotations, Instapaper
 * selections) → the stored shape, `anchor: null` so the highlights feature places them by quote.
 */
import { createHash } from 'node:crypto';
import type { ImportedHighlight } from './entry';
import { toIso } from './entry';

/** A highlight of a quote (and an optional note); its id is derived from the text, so importing twice gives the same id. */
export function highlightFromQuote(exact: string, createdAt: string | undefined, note?: string): ImportedHighlight {
  const quote = exact.replace(/\r\n/g, '\n').trim();
  const id = createHash('sha256').update(`${quote}\n${note ?? ''}`).digest('hex').slice(0, 16);
  const highlight: ImportedHighlight = {
    id,
    createdAt: createdAt ?? new Date(0).toISOString(),
    color: 'yellow',
    quote: { exact: quote, prefix: '', suffix: '' },
    anchor: null,
  };
  const cleanNote = note?.trim();
  if (cleanNote) highlight.note = cleanNote;
  return highlight;
}

/**
 * Omnivore's highlights file: highlights joined by blank lines, each `> quote` (paragraphs of a
 * quote continue with `> ` lines), then optionally a line of `#labels`, then the note.
 */
export function parseOmnivoreHighlights(markdown: string, createdAt: string | undefined): ImportedHighlight[] {
  const text = markdown.replace(/\r\n/g, '\n').trim();
  if (text === '') return [];
  const chunks = text.split(/\n\n(?=> )/);
  const out: ImportedHighlight[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split('\n');
    const quoteLines: string[] = [];
    let at = 0;
    for (; at < lines.length; at += 1) {
      const line = lines[at] as string;
      if (at > 0 && line.trim() === '') break;
      quoteLines.push(line.replace(/^>\s?/, ''));
    }
    const rest = lines.slice(at).join('\n').trim();
    const paragraphs = rest === '' ? [] : rest.split(/\n\n+/);
    // A first paragraph made only of #labels is the highlight's labels, not its note.
    if (paragraphs[0] && /^(#\S+\s*)+$/.test(paragraphs[0].trim())) paragraphs.shift();
    const quote = quoteLines.join('\n').trim();
    if (quote) out.push(highlightFromQuote(quote, createdAt, paragraphs.join('\n\n') || undefined));
  }
  return out;
}

/** wallabag annotations (`{ quote, text, created_at }`): the quote highlighted, the text its note. */
export function wallabagHighlights(raw: unknown): ImportedHighlight[] {
  if (!Array.isArray(raw)) return [];
  const out: ImportedHighlight[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const { quote, text, created_at: createdAt } = item as Record<string, unknown>;
    if (typeof quote !== 'string' || quote.trim() === '') continue;
    out.push(highlightFromQuote(quote, toIso(createdAt), typeof text === 'string' ? text : undefined));
  }
  return out;
}
