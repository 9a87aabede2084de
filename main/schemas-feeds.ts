/** Argument schemas for the feeds (issue 4) channels; main/schemas.ts merges them. */
import type { z } from 'zod';
import type { FeedInvoke } from '../preload/contract';

/** One schema per feeds (issue 4) channel. */
export const feedSchemas: { [C in keyof FeedInvoke]: z.ZodType<Parameters<FeedInvoke[C]>> } = {};

/** Optional feed keys a settings patch may carry (merged into main/schemas.ts's strict patch). */
export const feedSettingsShape: Record<string, z.ZodType> = {};
