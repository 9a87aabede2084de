/** The title a list row shows: the stored translation's title in the target language, else the original. */
import type { ArticleMeta } from '../../../../preload/contract';
import { primary } from '../../stores/translate';

/** The row title, its language, and whether it is a translation. */
export function listTitle(meta: Pick<ArticleMeta, 'title' | 'lang' | 'translatedTitles'>, target: string): { text: string; lang: string | undefined; translated: boolean } {
  const to = primary(target);
  const translated = meta.lang !== to ? meta.translatedTitles?.[to] : undefined;
  if (translated) return { text: translated, lang: to, translated: true };
  return { text: meta.title, lang: meta.lang === 'und' ? undefined : meta.lang, translated: false };
}
