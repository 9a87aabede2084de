/** HTML pages → articles: parse once, Readability, DOMPurify, blocks, metadata, language. */
import { KabarError } from '../errors';
import type { Block, ExtractedArticle } from '../types';
import { domToBlocks } from './blocks';
import { documentBase, parsePage } from './dom';
import { sanitizeFragment } from './fragment';
import { detectLanguage, isRtlLang } from './language';
import { runReadability, type ReadabilityResult } from './readability';
import { cleanTitle, dropPhotoLabels, dropTitleHeading, titleFacts, type TitleFacts } from './tidy';
import { collapseWhitespace, countWords, displayLine, firstSentence, makeExcerpt, truncate } from './text';

/** Fewer words than this (CJK characters count as words) is a page without an article: a menu, a bare image gallery. */
export const MIN_ARTICLE_WORDS = 12;

function declaredLanguage(doc: Document): string | undefined {
  const root = doc.documentElement;
  const attr = root.getAttribute('lang') ?? root.getAttribute('xml:lang');
  const meta = Array.from(doc.head?.getElementsByTagName('meta') ?? [])
    .find((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-language')
    ?.getAttribute('content');
  const value = (attr ?? meta ?? '').trim().split(',')[0].trim();
  return value || undefined;
}

// ISO-8601-looking values are kept as written (a time without zone must not be shifted);
// other date formats are converted when JavaScript can read them.
function normalizeDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function blocksText(blocks: Block[]): string {
  return blocks
    .filter((b) => b.type !== 'image')
    .map((b) => b.text)
    .join('\n');
}

/** Extracts the article of an HTML page; `url` resolves relative links and images. Throws NO_ARTICLE when there is none. */
export function parseHtml(html: string, url?: string): ExtractedArticle {
  return extractArticle(parsePage(html, url), html, url);
}

function extractArticle(doc: Document, html: string, url: string | undefined): ExtractedArticle {
  const declaredLang = declaredLanguage(doc);
  const rootDir = doc.documentElement.getAttribute('dir')?.toLowerCase();
  const base = documentBase(doc);
  const facts = titleFacts(doc, url);
  const found = runReadability(doc, { mathJax: /<mjx-container/i.test(html) });
  if (!found) throw noArticle();
  // Readability's article is re-parsed and sanitized by the light sanitizer (fragment.ts): the same
  // blocks as DOMPurify in jsdom on every corpus page, at a quarter of the CPU.
  return articleFrom(found, sanitizeFragment(found.content.outerHTML), { base, rootDir, declaredLang, url, facts });
}

interface PageFacts {
  base: string | undefined;
  rootDir: string | undefined;
  declaredLang: string | undefined;
  url: string | undefined;
  facts: TitleFacts;
}

/** Readability's blocks, tidied: no first heading repeating the title, no lone "Photo" line above an image. */
function tidyBlocks(blocks: Block[], titles: string[]): Block[] {
  return dropPhotoLabels(dropTitleHeading(blocks, titles));
}

function articleFrom(found: ReadabilityResult, content: Element, { base, rootDir, declaredLang, url, facts }: PageFacts): ExtractedArticle {
  const readerDir = (found.dir ?? rootDir)?.toLowerCase();
  const provisionalDir = readerDir === 'rtl' ? 'rtl' : 'ltr';
  const raw = domToBlocks(content, base, provisionalDir);
  const firstParagraph = raw.find((b) => b.type === 'paragraph')?.text ?? blocksText(raw);
  const readabilityTitle = displayLine(collapseWhitespace(found.title) || raw.find((b) => b.type === 'heading')?.text || truncate(firstSentence(firstParagraph), 120));
  // The site's name leaves the title when it repeats it ("Mozilla - Wikipedia" → "Mozilla").
  const title = cleanTitle(readabilityTitle, { siteNames: [found.siteName ?? '', ...facts.siteNames], headings: facts.headings });
  const titles = [title, readabilityTitle];
  const blocks = tidyBlocks(raw, titles);
  const body = blocksText(blocks);
  if (countWords(body) < MIN_ARTICLE_WORDS) throw noArticle();

  const firstText = blocks.find((b) => b.type === 'paragraph')?.text ?? body;
  const lang = detectLanguage(`${title}\n${body}`);
  const finalLang = lang === 'und' && declaredLang ? declaredLang.split('-')[0].toLowerCase() : lang;
  // The page's own dir wins; without one, the detected language decides.
  const dir: 'ltr' | 'rtl' = readerDir === 'rtl' || readerDir === 'ltr' ? readerDir : isRtlLang(finalLang) ? 'rtl' : 'ltr';
  const article: ExtractedArticle = {
    title,
    lang: finalLang,
    dir,
    excerpt: makeExcerpt(found.excerpt ?? firstText),
    blocks: dir === provisionalDir ? blocks : tidyBlocks(domToBlocks(content, base, dir), titles),
    source: 'html',
  };
  if (found.byline) article.byline = displayLine(found.byline);
  if (found.siteName) article.siteName = displayLine(found.siteName);
  if (declaredLang) article.declaredLang = declaredLang;
  const publishedAt = normalizeDate(found.publishedTime);
  if (publishedAt) article.publishedAt = publishedAt;
  if (url) article.url = url;
  return article;
}

function noArticle(): KabarError {
  return new KabarError(
    'NO_ARTICLE',
    'No readable article was found on this page. Open the article itself (not a home or index page), or save its text and import that.',
  );
}
