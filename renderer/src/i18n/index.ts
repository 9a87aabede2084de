/**
 * i18next with ICU messages (plurals as `{count, plural, …}`), every locale file bundled,
 * English as the fallback. Switching language is instant: no reload, no fetch.
 */
import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

/** Interface languages, in the order the picker lists them. */
export const LOCALES = ['en', 'id', 'ms', 'es', 'fr', 'de', 'ja', 'zh-CN', 'ar'] as const;
/** One of the interface languages. */
export type Locale = (typeof LOCALES)[number];

type Messages = Record<string, unknown>;

// Eager: the files are small and a language switch must not wait on a network or disk.
const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });

function resources(): Record<string, { translation: Messages }> {
  const out: Record<string, { translation: Messages }> = { en: { translation: en } };
  for (const [path, messages] of Object.entries(files)) {
    const lng = /\/([^/]+)\.json$/.exec(path)?.[1];
    if (lng && lng !== 'en') out[lng] = { translation: messages };
  }
  return out;
}

/** Languages written right to left. */
export function isRtl(lng: string): boolean {
  return /^(ar|fa|he|ur|ps|yi|dv|ckb)(-|$)/i.test(lng);
}

/** The interface language that best fits a requested tag (OS locale or setting); English otherwise. */
export function bestLocale(requested: string | null | undefined): Locale {
  if (!requested) return 'en';
  const tag = requested.replace('_', '-').toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const primary = tag.split('-')[0];
  // Any Chinese falls to the one Chinese we ship: closer than English for every reader of it.
  if (primary === 'zh') return 'zh-CN';
  return LOCALES.find((l) => l.toLowerCase() === primary) ?? 'en';
}

/** The shared i18next instance. */
export const i18n: I18n = i18next.createInstance();

/** Initializes i18next synchronously (resources are bundled) in the given language. */
export function initI18n(lng: Locale = 'en'): I18n {
  if (i18n.isInitialized) return i18n;
  void i18n
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources: resources(),
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      // zh-CN must stay zh-CN: i18next would otherwise also try 'zh' and log about it.
      load: 'currentOnly',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18n;
}

/** Switches the interface language and mirrors it on <html lang dir>. */
export async function applyLocale(lng: Locale): Promise<void> {
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  document.documentElement.dir = isRtl(lng) ? 'rtl' : 'ltr';
}

/** The current interface language (for Intl formatters). */
export function currentLocale(): Locale {
  return bestLocale(i18n.language);
}
