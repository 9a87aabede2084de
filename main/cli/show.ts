/**
 * `kabar show <id> [--lang L | --bilingual] [--json]`: an article as stored, in its original
 * language, in a stored translation, or each block followed by its translation.
 */
import { KabarError } from '../core/errors';
import type { Article, Block, Translation } from '../core/types';
import { need, resolveId, type Command } from './base';

function blockText(block: Block): string {
  return block.type === 'heading' ? `\n## ${block.text}` : block.text;
}

/** A translated block: the engine could not translate a failed one, which holds the original text. */
function translatedText(block: Block): string {
  return blockText(block.failed ? { ...block, text: `(not translated) ${block.text}` } : block);
}

function metaText(article: Article): string {
  return [article.siteName, article.place, article.credit, article.lang].filter(Boolean).join(' · ');
}

function madeBy(t: Translation): string {
  return `${t.lang}, translated with ${t.engine}${t.model ? ` (${t.model})` : ''} on ${t.createdAt.slice(0, 10)}`;
}

/** The language a tag names, as translations are stored: ms-MY, zsm and msa are all "ms". */
function primaryLang(tag: string): string {
  try {
    return new Intl.Locale(tag.trim().replace(/_/g, '-')).language;
  } catch {
    throw new KabarError('INVALID_ARGUMENT', `"${tag}" is not a language code (try es, ms, fr).`, { lang: tag });
  }
}

/** "Malay" for ms; the code itself when Intl does not know it. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The stored translation to show: the one into `lang` (any spelling of it: ms, ms-MY, zsm), or
 * with no `lang` the only one stored. A clear NOT_FOUND otherwise, naming what is stored and the
 * command that makes one.
 */
function pickTranslation(article: Article, lang: string | undefined): Translation {
  const stored = Object.keys(article.translations).sort();
  const storedText = stored.length ? `Stored translations: ${stored.map((l) => `${languageName(l)} (${l})`).join(', ')}.` : 'No translation of it is stored yet.';
  const short = article.id.slice(0, 10);
  if (lang === undefined) {
    if (stored.length === 1) return article.translations[stored[0] as string] as Translation;
    const hint = stored.length ? 'Say which with --lang L.' : `Make one with: kabar translate ${short} --to LANG`;
    throw new KabarError('INVALID_ARGUMENT', `Which translation? ${storedText} ${hint}`, { id: article.id, stored: stored.join(',') });
  }
  const target = primaryLang(lang);
  const found = article.translations[target] ?? article.translations[lang];
  if (found) return found;
  const damaged = article.damagedTranslations?.includes(target) ? ` The stored ${languageName(target)} translation is damaged (kept in damaged/).` : '';
  throw new KabarError(
    'NOT_FOUND',
    `No ${languageName(target)} (${target}) translation of ${short} is stored.${damaged} ${storedText} Make one with: kabar translate ${short} --to ${target}`,
    { id: article.id, lang: target, stored: stored.join(',') },
  );
}

function originalText(article: Article): string {
  return [article.title, metaText(article), '', ...article.blocks.map(blockText)].join('\n');
}

function translationText(article: Article, t: Translation): string {
  return [t.title, `${metaText(article)} → ${madeBy(t)}`, '', ...t.blocks.map(translatedText)].join('\n');
}

/** Each block, then its translation indented beneath it; a pair per paragraph. */
function bilingualText(article: Article, t: Translation): string {
  const indent = (text: string) => text.split('\n').map((line) => (line ? `    ${line}` : line)).join('\n');
  const lines = [article.title, indent(t.title), `${metaText(article)} → ${madeBy(t)}`];
  const count = Math.max(article.blocks.length, t.blocks.length);
  for (let i = 0; i < count; i++) {
    const original = article.blocks[i];
    const translated = t.blocks[i];
    lines.push('');
    if (original) lines.push(blockText(original));
    if (translated) lines.push(indent(translatedText(translated).replace(/^\n/, '')));
  }
  return lines.join('\n');
}

/** `show <id>`: the original, `--lang L` a stored translation, `--bilingual` both; `--json` has every field and `translations`. */
export const showCommand: Command = async (library, o) => {
  need(o.positionals, 1, 'show <id> [--lang L] [--bilingual]');
  const article = await library.get(resolveId(library, o.positionals[0] as string));
  const wanted = o.lang !== undefined || o.bilingual ? pickTranslation(article, o.lang) : undefined;
  const json = wanted ? { ...article, translation: wanted.lang } : article;
  if (!wanted) return { json, text: originalText(article) };
  return { json, text: o.bilingual ? bilingualText(article, wanted) : translationText(article, wanted) };
};
