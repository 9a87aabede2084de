/** Reader and interface preferences, persisted through `api.setSettings`, plus what main says about itself. */
import { create } from 'zustand';
import { api } from '../api';
import type { AppInfo, Settings } from '../../../preload/contract';
import { DEFAULT_SETTINGS } from '../../../preload/shared';

/** Defaults until the stored settings arrive: the core's own. */
export { DEFAULT_SETTINGS };

/** Smallest reader text size, in CSS pixels. */
export const FONT_MIN = 12;
/** Largest reader text size, in CSS pixels. */
export const FONT_MAX = 32;

interface SettingsState {
  settings: Settings;
  appInfo: AppInfo | null;
  error: unknown;
  /** Applies a change at once and saves it; a failed save is reported, the screen keeps the choice. */
  update: (patch: Partial<Settings>) => Promise<void>;
}

/** The settings store. */
export const useSettings = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  appInfo: null,
  error: null,
  update: async (patch) => {
    set((s) => ({ settings: { ...s.settings, ...patch }, error: null }));
    try {
      await api.settings.set(patch);
    } catch (error) {
      set({ error });
    }
  },
}));

/** Loads app info and stored settings (both local, so start-up never waits on the network). */
export async function loadSettings(): Promise<{ appInfo: AppInfo; settings: Settings }> {
  const [appInfo, settings] = await Promise.all([api.app.info(), api.settings.get()]);
  useSettings.setState({ appInfo, settings: { ...DEFAULT_SETTINGS, ...settings } });
  return { appInfo, settings };
}

/** Steps the reader text size by delta pixels within bounds. */
export function stepFontSize(current: number, delta: number): number {
  return Math.min(FONT_MAX, Math.max(FONT_MIN, current + delta));
}
