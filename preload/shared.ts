/**
 * Values (not types) both sides share: the renderer may import these at run time, and
 * nothing else from preload/ or main/ (lint rule). Data only, so the renderer bundles no
 * store code.
 */
export { DEFAULT_FEED_SETTINGS, DEFAULT_SETTINGS, DEFAULT_TRANSLATION_SETTINGS } from '../main/core/defaults';
