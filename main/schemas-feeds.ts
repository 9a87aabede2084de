/** Argument schemas for the feeds (issue 4) channels; main/schemas.ts merges them. */
import { z } from 'zod';
import type { DialogStrings, FeedInvoke, FeedOptions, FeedScope } from '../preload/contract';

const id = z.string().min(1).max(200);
const url = z.string().min(1).max(8192);
// A folder path: a few names, each non-empty and bounded.
const folder = z.array(z.string().trim().min(1).max(200)).max(20);
const title = z.string().trim().min(1).max(500);
const keepDays = z.number().int().min(1).max(36_500);
const label = z.string().min(1).max(200);
const dialogStrings: z.ZodType<DialogStrings> = z.strictObject({ title: label, button: label, filterName: label });

const options: z.ZodType<FeedOptions> = z.strictObject({
  fullText: z.boolean().optional(),
  keepDays: keepDays.nullable().optional(),
});

const scope: z.ZodType<FeedScope> = z.strictObject({ feedId: id.optional(), folder: folder.min(1).optional() });

/** One schema per feeds (issue 4) channel. */
export const feedSchemas: { [C in keyof FeedInvoke]: z.ZodType<Parameters<FeedInvoke[C]>> } = {
  'feeds:list': z.tuple([]),
  'feeds:subscribe': z.tuple([url, folder]),
  'feeds:refresh': z.tuple([z.array(id).min(1).max(10_000).nullable()]),
  'feeds:cancelRefresh': z.tuple([]),
  'feeds:rename': z.tuple([id, title]),
  'feeds:setFolder': z.tuple([id, folder]),
  'feeds:renameFolder': z.tuple([folder.min(1), folder.min(1)]),
  'feeds:setOptions': z.tuple([id, options]),
  'feeds:remove': z.tuple([id]),
  'feeds:markAllRead': z.tuple([scope]),
  'feeds:importOpml': z.tuple([dialogStrings]),
  'feeds:exportOpml': z.tuple([dialogStrings]),
};

/** Optional feed keys a settings patch may carry (merged into main/schemas.ts's strict patch). */
export const feedSettingsShape = {
  refreshMinutes: z.number().int().min(0).max(10_080).optional(),
  keepDays: keepDays.nullable().optional(),
};
