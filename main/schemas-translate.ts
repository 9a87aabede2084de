/** Argument schemas for the translation (issue 5) channels; main/schemas.ts merges them. */
import type { z } from 'zod';
import type { TranslateInvoke } from '../preload/contract';

/** One schema per translation (issue 5) channel. */
export const translateSchemas: { [C in keyof TranslateInvoke]: z.ZodType<Parameters<TranslateInvoke[C]>> } = {};

/** Optional translation keys a settings patch may carry (merged into main/schemas.ts's strict patch). */
export const translateSettingsShape: Record<string, z.ZodType> = {};
