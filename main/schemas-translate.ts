/** Argument schemas for the translation (issue 5) channels; main/schemas.ts merges them. */
import { z } from 'zod';
import type { FolderDialogStrings, TranslateInvoke } from '../preload/contract';

const id = z.string().min(1).max(200);
/** A BCP-47 tag as the renderer sends it ("ms", "pt-BR", "zh-CN"). */
const lang = z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/).max(35);
const engine = z.enum(['apertium', 'bergamot']);
const packId = z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/);
const url = z.string().min(1).max(8192);
const label = z.string().min(1).max(200);
const folderStrings: z.ZodType<FolderDialogStrings> = z.strictObject({ title: label, button: label });

/** One schema per translation (issue 5) channel. */
export const translateSchemas: { [C in keyof TranslateInvoke]: z.ZodType<Parameters<TranslateInvoke[C]>> } = {
  'translate:engines': z.tuple([]),
  'translate:article': z.tuple([id, lang, engine.nullable()]),
  'translate:cancel': z.tuple([id]),
  'translate:setSourceLang': z.tuple([id, lang]),
  'packs:installFolder': z.tuple([folderStrings]),
  'packs:installUrl': z.tuple([url, packId.nullable()]),
  'packs:remove': z.tuple([packId]),
};

const langList = z.array(lang).max(200);

/** Optional translation keys a settings patch may carry (merged into main/schemas.ts's strict patch). */
export const translateSettingsShape = {
  translateTo: lang.nullable().optional(),
  alwaysTranslateFrom: langList.optional(),
  neverTranslateFrom: langList.optional(),
  translationEngines: z.record(z.string().regex(/^[a-z]{2,3}-[a-z]{2,3}$/), z.enum(['auto', 'apertium', 'bergamot'])).optional(),
  packRegistryUrl: z.union([z.literal(''), z.string().regex(/^https?:\/\//i).max(8192)]).optional(),
  readingMode: z.enum(['original', 'translated', 'bilingual']).optional(),
} satisfies Record<string, z.ZodType>;
