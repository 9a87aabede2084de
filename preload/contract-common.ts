/**
 * Schema pieces and wire types every contract module shares: bounded ids, tags and labels,
 * the native dialogs' strings, and the `Wire` a call's outcome travels in.
 */
import { z } from 'zod';
import type { UserError } from '../main/core/types';

/** An article, feed or pack id as the renderer sends it. */
export const id = z.string().min(1).max(200);
/** One tag name. */
export const tag = z.string().min(1).max(200);
/** A list of tags (bounded, so one call cannot make main allocate without limit). */
export const tags = z.array(tag).max(1000);
/** A user-facing label the renderer translated (dialog titles, menu items). */
export const label = z.string().min(1).max(200);
/** A URL or path as typed or dropped. */
export const source = z.string().min(1).max(8192);
/** A BCP-47 tag as the renderer sends it ("ms", "pt-BR", "zh-CN"). */
export const lang = z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/).max(35);

/** Labels of a native open or save dialog, in the interface language. */
export interface DialogStrings {
  title: string;
  button: string;
  filterName: string;
}

/** The schema of DialogStrings. */
export const dialogStrings: z.ZodType<DialogStrings> = z.strictObject({ title: label, button: label, filterName: label });

/** A handler's result wrapped for the wire: values or a translatable error, never a thrown Error. */
export type Wire<T> = { ok: true; value: T } | { ok: false; error: UserError };
