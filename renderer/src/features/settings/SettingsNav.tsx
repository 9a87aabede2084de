/**
 * The section list of Settings: a vertical tab list (a wrapping row of tabs at narrow widths) with
 * one tab stop; arrow keys, Home and End move between sections and show them at once.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS, sectionAfterKey, type SectionId } from './sections';

/** Props of SettingsNav. */
export interface SettingsNavProps {
  current: SectionId;
  onSelect: (id: SectionId) => void;
}

/** The id of a section's tab (the panel is labelled by it). */
export const tabId = (id: SectionId): string => `settings-tab-${id}`;
/** The id of a section's panel. */
export const panelId = (id: SectionId): string => `settings-panel-${id}`;

/** The width below which the nav is a row of tabs (settings.css uses the same). */
const NARROW = '(max-width: 52rem)';

/** Whether the window is narrow (the nav is then a horizontal row), following resizes. */
function useNarrow(): boolean {
  const media = (): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null);
  const [narrow, setNarrow] = useState(() => media()?.matches ?? false);
  useEffect(() => {
    const query = media();
    if (!query) return;
    const update = (): void => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/** The settings nav. */
export function SettingsNav({ current, onSelect }: SettingsNavProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const next = sectionAfterKey(current, e.key, rtl);
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    ref.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div ref={ref} className="settings-nav" role="tablist" aria-orientation={narrow ? 'horizontal' : 'vertical'} aria-label={t('settingsNav.label')} onKeyDown={onKeyDown} data-testid="settings-nav">
      {SECTIONS.map((id) => (
        <button
          key={id}
          id={tabId(id)}
          type="button"
          role="tab"
          className="settings-tab"
          aria-selected={id === current}
          aria-controls={panelId(id)}
          tabIndex={id === current ? 0 : -1}
          data-autofocus={id === current ? '' : undefined}
          data-section={id}
          onClick={() => onSelect(id)}
        >
          {t(`settingsNav.${id}`)}
        </button>
      ))}
    </div>
  );
}
