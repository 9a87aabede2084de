/**
 * One argument schema per invoke channel. The mapped type makes a missing or extra channel
 * a compile error, so IPC validation cannot drift from preload/contract.ts. Tuples reject
 * extra arguments and strict objects reject unknown keys: a renderer bug shows up as
 * INVALID_ARGUMENT instead of reaching the core.
 */
import { z } from 'zod';
import { feedSchemas, feedSettingsShape } from './schemas-feeds';
import { translateSchemas, translateSettingsShape } from './schemas-translate';
import type { DialogStrings, DroppedFile, Invoke, ListQuery, MenuStrings, Settings } from '../preload/contract';

const id = z.string().min(1).max(200);
const tag = z.string().min(1).max(200);
const tags = z.array(tag).max(1000);
// Sources are bounded so one call cannot make main allocate without limit.
const source = z.string().min(1).max(8192);
const sources = z.array(source).max(10_000);

const listQuery: z.ZodType<ListQuery> = z.strictObject({
  tags: tags.optional(),
  bookmarked: z.boolean().optional(),
  unread: z.boolean().optional(),
  lang: z.string().min(1).max(35).optional(),
  feedId: id.optional(),
  feedIds: z.array(id).max(10_000).optional(),
  trash: z.boolean().optional(),
  sort: z.enum(['savedAt', 'publishedAt']).optional(),
  order: z.enum(['desc', 'asc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

const droppedFile: z.ZodType<DroppedFile> = z.strictObject({
  name: z.string().min(1).max(1024),
  data: z.instanceof(Uint8Array),
});

const settingsPatch: z.ZodType<Partial<Settings>> = z.strictObject({
  locale: z.string().min(1).max(35).nullable().optional(),
  theme: z.enum(['system', 'light', 'dark', 'sepia']).optional(),
  fontSize: z.number().min(8).max(72).optional(),
  fontFamily: z.enum(['serif', 'sans']).optional(),
  sort: z.enum(['savedAt', 'publishedAt']).optional(),
  ...feedSettingsShape,
  ...translateSettingsShape,
});

const label = z.string().min(1).max(200);

const dialogStrings: z.ZodType<DialogStrings> = z.strictObject({ title: label, button: label, filterName: label });

const MENU_KEYS = [
  'file', 'importFiles', 'importUrl', 'importOpml', 'exportOpml', 'settings', 'quit', 'edit', 'undo', 'redo', 'cut', 'copy', 'paste',
  'selectAll', 'view', 'search', 'reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'language',
  'help', 'shortcuts',
] as const satisfies readonly (keyof MenuStrings)[];

const menuStrings = z.strictObject(Object.fromEntries(MENU_KEYS.map((k) => [k, label]))) as unknown as z.ZodType<MenuStrings>;

/** A schema for each channel's argument list. */
export type ChannelSchemas = { [C in keyof Invoke]: z.ZodType<Parameters<Invoke[C]>> };

/** The argument schemas main/ipc.ts validates every call against. */
export const schemas: ChannelSchemas = {
  ...feedSchemas,
  ...translateSchemas,
  'app:info': z.tuple([]),
  'library:list': z.tuple([listQuery]),
  'library:counts': z.tuple([]),
  'article:get': z.tuple([id]),
  'article:delete': z.tuple([id]),
  'article:restore': z.tuple([id]),
  'article:setBookmarked': z.tuple([id, z.boolean()]),
  'article:setRead': z.tuple([id, z.boolean()]),
  'article:setProgress': z.tuple([id, z.number().min(0).max(1)]),
  'tags:add': z.tuple([id, tags]),
  'tags:remove': z.tuple([id, tags]),
  'tags:rename': z.tuple([tag, tag]),
  'tags:merge': z.tuple([tags, tag]),
  'tags:list': z.tuple([]),
  'search:query': z.tuple([z.string().max(1000), z.number().int().min(1).max(1000)]),
  'import:urls': z.tuple([sources, tags]),
  'import:paths': z.tuple([sources, tags]),
  'import:files': z.tuple([z.array(droppedFile).max(1000), tags]),
  'import:prepare': z.tuple([]),
  'settings:get': z.tuple([]),
  'settings:set': z.tuple([settingsPatch]),
  'shell:openExternal': z.tuple([z.string().min(1).max(8192)]),
  'dialog:openFiles': z.tuple([dialogStrings]),
  'menu:setStrings': z.tuple([menuStrings]),
};

/** Every invoke channel as a runtime list (the contract itself is types only). */
export const CHANNELS = Object.keys(schemas) as (keyof Invoke)[];

/** Parses a channel's arguments, or throws the ZodError that ipc.ts turns into INVALID_ARGUMENT. */
export function parseArgs<C extends keyof Invoke>(channel: C, args: unknown[]): Parameters<Invoke[C]> {
  const schema: z.ZodType<Parameters<Invoke[C]>> = schemas[channel];
  return schema.parse(args);
}
