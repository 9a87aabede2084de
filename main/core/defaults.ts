/**
 * Settings of a new library. Data and type imports only, so the renderer shows the same defaults
 * until the stored settings arrive without bundling any store code.
 */
import type { FeedSettings, Settings, TranslationSettings } from './types';

/** Feed settings of a new library. */
export const DEFAULT_FEED_SETTINGS: FeedSettings = { refreshMinutes: 60, keepDays: null };

/** Translation settings of a new library. */
export const DEFAULT_TRANSLATION_SETTINGS: TranslationSettings = {
  translateTo: null,
  alwaysTranslateFrom: [],
  neverTranslateFrom: [],
  translationEngines: {},
  packRegistryUrl: '',
  readingMode: 'original',
};

/** Settings of a new library. */
export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_FEED_SETTINGS,
  ...DEFAULT_TRANSLATION_SETTINGS,
  locale: null,
  theme: 'system',
  fontSize: 18,
  fontFamily: 'serif',
  sort: 'savedAt',
};
