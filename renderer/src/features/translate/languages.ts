/** Language choices for translation pickers, and the no-engine message. */
import type { TFunction } from 'i18next';
import { errorInfo, errorMessage } from '../../i18n/errors';
import { languageName } from '../../i18n/format';
import { isRtl } from '../../i18n';

/** Languages offered in the pickers besides those already in use (ISO 639-1). */
const COMMON = ['ar', 'ca', 'de', 'en', 'es', 'fr', 'gl', 'hi', 'id', 'it', 'ja', 'ko', 'ms', 'nl', 'pl', 'pt', 'ru', 'tr', 'uk', 'zh'];

/** Language codes for a picker: the common ones plus `extra`, sorted by their name in the interface language. */
export function languageChoices(locale: string, extra: string[] = []): { code: string; name: string }[] {
  const codes = new Set([...COMMON, ...extra.filter((c) => c && c !== 'und')]);
  return [...codes]
    .map((code) => ({ code, name: languageName(code, locale) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The writing direction of a language. */
export function dirOf(lang: string): 'ltr' | 'rtl' {
  return isRtl(lang) ? 'rtl' : 'ltr';
}

/**
 * A translation error in the interface language. When no engine can do the pair, it names the
 * languages and the pack to add and says where; other errors use their code's message.
 */
export function translateErrorMessage(t: TFunction, error: unknown, locale: string): string {
  const { code, params } = errorInfo(error);
  if (code === 'TRANSLATION_UNAVAILABLE' && typeof params.pack === 'string' && typeof params.from === 'string' && typeof params.to === 'string') {
    return t('translate.noEngine', {
      from: languageName(params.from, locale) ?? params.from,
      to: languageName(params.to, locale) ?? params.to,
      pack: params.pack,
    });
  }
  return errorMessage(t, error);
}
