/** "Translate into" order: languages an installed engine can do first, then the others, those a pack adds saying so with the size. */
import type { TFunction } from 'i18next';
import type { TargetLanguageInfo } from '../../../../preload/contract';
import { megabytes } from './PackOffer';

/** A choice in the target menu. */
export interface TargetChoice {
  code: string;
  name: string;
  ready: boolean;
}

/** Reorders name-sorted choices by readiness; `targets` null (not loaded) keeps them as they are. */
export function orderTargets(choices: { code: string; name: string }[], targets: TargetLanguageInfo[] | undefined, t: TFunction, locale: string): TargetChoice[] {
  if (!targets) return choices.map((c) => ({ ...c, ready: true }));
  const byLang = new Map(targets.map((x) => [x.lang, x]));
  const codes = new Set(choices.map((c) => c.code));
  const all = [...choices, ...targets.filter((x) => !codes.has(x.lang)).map((x) => ({ code: x.lang, name: new Intl.DisplayNames(locale, { type: 'language' }).of(x.lang) ?? x.lang }))];
  const out = all.map((c) => {
    const info = byLang.get(c.code);
    const ready = info?.ready ?? false;
    const name = info && !ready && info.packs.length > 0 ? `${c.name} — ${t('packs.needsPack', { size: megabytes(info.bytes, locale) })}` : c.name;
    return { code: c.code, name, ready };
  });
  return [...out.filter((c) => c.ready), ...out.filter((c) => !c.ready)];
}
