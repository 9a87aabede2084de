/** Applies the interface language (with menu labels) and the theme whenever settings change. */
import { useEffect, useState } from 'react';
import { applyLocale, bestLocale, i18n } from '../../i18n';
import { menuStrings } from '../../i18n/menu';
import { useSettings } from '../../stores/settings';
import { setMenuStrings } from '../../stores/system';

/** The language in effect: the setting, else the OS locale's best match, else English. */
export function effectiveLocale(setting: string | null, systemLocale: string | undefined): ReturnType<typeof bestLocale> {
  return bestLocale(setting ?? systemLocale ?? 'en');
}

/** Keeps <html lang dir>, i18next and the native menu in the chosen language. */
export function useLocaleSync(): void {
  const setting = useSettings((s) => s.settings.locale);
  const system = useSettings((s) => s.appInfo?.systemLocale);
  useEffect(() => {
    const lng = effectiveLocale(setting, system);
    void applyLocale(lng).then(() => setMenuStrings(menuStrings(i18n.t.bind(i18n))));
  }, [setting, system]);
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Sets data-theme on <html>; "system" follows prefers-color-scheme live. */
export function useTheme(): void {
  const theme = useSettings((s) => s.settings.theme);
  const [dark, setDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = (): void => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme === 'system' ? (dark ? 'dark' : 'light') : theme;
  }, [theme, dark]);
}
