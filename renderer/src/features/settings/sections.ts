/** The sections of Settings, in nav order, and the remembered last one. */

/** Section ids (also the suffix of their locale key `settingsNav.<id>`). */
export const SECTIONS = ['general', 'reading', 'packs', 'feeds', 'rules', 'accounts', 'storage'] as const;

/** One section id. */
export type SectionId = (typeof SECTIONS)[number];

const KEY = 'kabar.settings.section';

function isSection(value: unknown): value is SectionId {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

/** The section shown last (General the first time, or when storage is unavailable or holds junk). */
export function lastSection(): SectionId {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    return isSection(saved) ? saved : 'general';
  } catch {
    return 'general'; // storage can be disabled; the dialog still works
  }
}

/** Remembers the section for the next time Settings opens. */
export function rememberSection(id: SectionId): void {
  try {
    globalThis.localStorage?.setItem(KEY, id);
  } catch {
    // Not remembering is harmless.
  }
}

/**
 * The section a nav key moves to from `current`, or null for keys the nav does not use.
 * Up/Down always move; Left/Right move too (the nav is a row of tabs at narrow widths), mirrored in RTL.
 */
export function sectionAfterKey(current: SectionId, key: string, rtl: boolean): SectionId | null {
  const i = SECTIONS.indexOf(current);
  const last = SECTIONS.length - 1;
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  let next: number;
  if (key === 'ArrowDown' || key === forward) next = i === last ? 0 : i + 1;
  else if (key === 'ArrowUp' || key === back) next = i === 0 ? last : i - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = last;
  else return null;
  return SECTIONS[next] ?? null;
}
