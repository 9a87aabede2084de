/** How the open article is shown: target language, its stored translation, and the effective mode. */
import type { Article, ReadingMode, Translation } from '../../../../preload/contract';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';
import { targetFor, useTranslate } from '../../stores/translate';
import { dirOf } from './languages';

/** The reader's view of an article. */
export interface ReadingView {
  to: string;
  translation: Translation | undefined;
  /** 'original' whenever there is no translation to show. */
  mode: ReadingMode;
  /** Language and direction of the article element in this mode. */
  lang: string | undefined;
  dir: 'ltr' | 'rtl';
}

/** The view of the open article (null when none is open). */
export function useReadingView(article: Article | null): ReadingView | null {
  const locale = useLocale();
  const setting = useSettings((s) => s.settings.translateTo);
  const defaultMode = useSettings((s) => s.settings.readingMode);
  const picked = useTranslate((s) => (article ? s.targets[article.id] : undefined));
  const chosen = useTranslate((s) => s.mode);
  if (!article) return null;
  const to = targetFor(article, picked, setting, locale);
  const translation = article.lang === to ? undefined : article.translations[to];
  const mode = translation ? (chosen ?? defaultMode) : 'original';
  const original = { lang: article.lang === 'und' ? undefined : article.lang, dir: article.dir };
  return { to, translation, mode, ...(mode === 'translated' ? { lang: to, dir: dirOf(to) } : original) };
}
