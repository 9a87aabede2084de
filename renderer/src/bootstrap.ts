/**
 * Start-up: app info and settings (local IPC, never the network), then the interface
 * language, the media base, and the first page of the list. Nothing here waits on a fetch.
 */
import { setMediaBase } from './media';
import { applyLocale, initI18n } from './i18n';
import { effectiveLocale } from './features/settings/useAppearance';
import { startLibrary } from './stores/library';
import { loadSettings } from './stores/settings';

/** Where start-up is. */
export type BootState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: unknown };

/** Runs start-up; resolves to the state the app should show. */
export async function boot(): Promise<BootState> {
  initI18n('en');
  try {
    const { appInfo, settings } = await loadSettings();
    setMediaBase(appInfo.mediaBase);
    await applyLocale(effectiveLocale(settings.locale, appInfo.systemLocale));
    startLibrary(settings.sort);
    return { status: 'ready' };
  } catch (error) {
    return { status: 'failed', error };
  }
}
