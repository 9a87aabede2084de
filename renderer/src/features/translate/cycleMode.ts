/** The L shortcut: Original → Translated → Bilingual → Original, when the open article has a translation. */
import { currentLocale } from '../../i18n';
import { useReader } from '../../stores/reader';
import { useSettings } from '../../stores/settings';
import { nextMode, targetFor, useTranslate } from '../../stores/translate';

/** Switches the open article to the next mode; false when there is no translation to switch to. */
export function cycleReadingMode(): boolean {
  const article = useReader.getState().article;
  if (!article) return false;
  const { settings } = useSettings.getState();
  const state = useTranslate.getState();
  const to = targetFor(article, state.targets[article.id], settings.translateTo, currentLocale());
  if (to === article.lang || !article.translations[to]) return false;
  state.setMode(nextMode(state.mode ?? settings.readingMode));
  return true;
}
