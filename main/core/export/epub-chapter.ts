/** One article as an EPUB chapter: its header, its blocks (each followed by its translation in a bilingual book), its source. */
import { isRtlLang } from '../articles';
import type { Article, Block, Translation } from '../types';
import { langAttrs, xhtmlDocument } from './epub-xml';
import { blockXhtml, blocksXhtml, escapeXml } from './xhtml';

/** The direction a language is written in. */
export function dirOfLang(lang: string): 'ltr' | 'rtl' {
  return isRtlLang(lang) ? 'rtl' : 'ltr';
}

/** A language code fit for lang/xml:lang and dc:language ('und' when unknown or malformed). */
export function bookLang(lang: string | undefined): string {
  return lang && /^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang) ? lang : 'und';
}

/**
 * The translation a bilingual book shows for an article: the asked language when it has one, else
 * the preferred language (the user's translate-to setting), else the newest stored translation.
 */
export function pickTranslation(article: Article, asked: string | undefined, preferred: string | undefined): Translation | undefined {
  const all = article.translations;
  if (asked) return all[asked];
  if (preferred && all[preferred]) return all[preferred];
  return Object.values(all).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function metaLine(article: Article): string {
  const parts = [article.siteName, article.place, article.credit, article.byline, article.publishedAt?.slice(0, 10)].filter((v): v is string => Boolean(v));
  return parts.length ? `<p class="meta">${escapeXml(parts.join(' · '))}</p>` : '';
}

/** The translation of block `index`, marked with its language, when there is a usable one. */
function translatedBlock(block: Block, index: number, translation: Translation, imageSrc: (b: Block) => string | undefined): string {
  const t = translation.blocks[index];
  if (!t || t.failed || t.type !== block.type || block.type === 'image' || block.type === 'code' || !t.text.trim()) return '';
  if (t.text === block.text) return '';
  const lang = bookLang(translation.lang);
  return blockXhtml({ ...t, dir: undefined }, { imageSrc }, ` class="translation"${langAttrs(lang, dirOfLang(lang))}`);
}

/**
 * The chapter document of an article. `imageHref(media)` gives the book path of an embedded image
 * (undefined: not in the book, its description is shown instead).
 */
export function chapterXhtml(article: Article, imageHref: (media: string) => string | undefined, translation?: Translation): string {
  const lang = bookLang(article.lang);
  const imageSrc = (b: Block): string | undefined => (b.media ? imageHref(b.media) : undefined);
  const head = [`<h1>${escapeXml(article.title)}</h1>`];
  if (translation?.title && translation.title !== article.title) {
    const tLang = bookLang(translation.lang);
    head.push(`<p class="translation"${langAttrs(tLang, dirOfLang(tLang))}>${escapeXml(translation.title)}</p>`);
  }
  head.push(metaLine(article));
  const body = blocksXhtml(article.blocks, {
    dir: article.dir,
    imageSrc,
    after: translation ? (block, index) => translatedBlock(block, index, translation, imageSrc) : undefined,
  });
  const source = article.url ? `<p class="source"><a href="${escapeXml(article.url)}">${escapeXml(article.url)}</a></p>` : '';
  const html = `<article>\n<header>\n${head.filter(Boolean).join('\n')}\n</header>\n${body}\n${source}\n</article>`;
  return xhtmlDocument({ title: article.title, lang, dir: article.dir, css: '../style.css', body: html, bodyType: 'bodymatter' });
}
