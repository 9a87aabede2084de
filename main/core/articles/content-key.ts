/** A normalized text form of an article, so that the same article always hashes the same. */
import type { ExtractedArticle } from '../types';

// Zero-width characters and the BOM change nothing a reader sees.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

function norm(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * The text to hash for duplicate detection: title and blocks (type, text, image source),
 * NFC-normalized with whitespace collapsed, so line endings, a BOM or the source charset
 * never make the same article look different. Metadata such as the URL is left out on purpose:
 * the same story saved from a file and from the web is the same content.
 */
export function contentKey(article: ExtractedArticle): string {
  const lines = [norm(article.title)];
  for (const b of article.blocks) {
    const text = b.type === 'image' ? (b.src ?? '') : norm(b.text);
    if (text) lines.push(`${b.type}:${text}`);
  }
  return lines.join('\n');
}
