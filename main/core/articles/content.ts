/**
 * Article HTML that another app already extracted (wallabag, Omnivore) → an article, with no
 * network and no Readability pass (the other app did that): sanitize → blocks → language.
 */
import { KabarError } from '../errors';
import type { ExtractedArticle } from '../types';
import { domToBlocks } from './blocks';
import { sanitizeFragment } from './fragment';
import { detectLanguage, isRtlLang } from './language';
import { collapseWhitespace, displayLine, makeExcerpt } from './text';

/** What the exporting app knew about the article beside its HTML. */
export interface ContentFacts {
  url?: string;
  title?: string;
  /** The language the other app recorded (e.g. wallabag's `language`), used when detection cannot tell. */
  lang?: string;
}

/** Turns stored article HTML into blocks through the same sanitizer as any page. Throws NO_ARTICLE when no text is left. */
export function articleFromContent(html: string, facts: ContentFacts = {}): ExtractedArticle {
  // No Readability pass (the other app did that): the light sanitizer, as for feed items.
  const base = baseOf(facts.url);
  const content = sanitizeFragment(html);
  const provisional = facts.lang && isRtlLang(facts.lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  let blocks = domToBlocks(content, base, provisional);
  const body = blocks.filter((b) => b.type !== 'image').map((b) => b.text).join('\n');
  if (collapseWhitespace(body) === '') throw noText();
  const title = displayLine(collapseWhitespace(facts.title ?? '')) || blocks.find((b) => b.type === 'heading')?.text || facts.url || '';
  const detected = detectLanguage(`${title}\n${body}`);
  const lang = detected === 'und' && facts.lang ? (facts.lang.split(/[-_]/)[0] ?? 'und').toLowerCase() : detected;
  const dir = isRtlLang(lang) ? 'rtl' : 'ltr';
  if (dir !== provisional) blocks = domToBlocks(content, base, dir);
  const first = blocks.find((b) => b.type === 'paragraph')?.text ?? body;
  const article: ExtractedArticle = { title, lang, dir, excerpt: makeExcerpt(first), blocks, source: 'html' };
  if (facts.lang && facts.lang !== lang) article.declaredLang = facts.lang;
  if (facts.url) article.url = facts.url;
  return article;
}

function baseOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function noText(): KabarError {
  return new KabarError('NO_ARTICLE', 'The saved content of this entry has no readable text.');
}
