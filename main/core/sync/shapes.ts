/** The Google Reader API answers Kabar reads, checked with zod: a wrong shape is SYNC_BAD_RESPONSE, never a crash. */
import { z } from 'zod';
import { KabarError } from '../errors';
import { serverOf } from './http';

const category = z.object({ id: z.string(), label: z.string().optional() });

/** subscription/list */
export const SubscriptionList = z.object({
  subscriptions: z.array(
    z.object({
      id: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      htmlUrl: z.string().optional(),
      categories: z.array(category).optional(),
    }),
  ),
});

/** One subscription as the server lists it. */
export type Subscription = z.infer<typeof SubscriptionList>['subscriptions'][number];

/** tag/list */
export const TagList = z.object({ tags: z.array(z.object({ id: z.string(), type: z.string().optional() })) });

const content = z.object({ content: z.string().optional() }).optional();
const link = z.array(z.object({ href: z.string().optional() })).optional();

/** One item of stream/contents. */
export const Item = z.object({
  id: z.string(),
  crawlTimeMsec: z.union([z.string(), z.number()]).optional(),
  timestampUsec: z.union([z.string(), z.number()]).optional(),
  published: z.number().optional(),
  title: z.string().optional(),
  author: z.string().optional(),
  canonical: link,
  alternate: link,
  categories: z.array(z.string()).optional(),
  origin: z.object({ streamId: z.string().optional(), title: z.string().optional(), htmlUrl: z.string().optional() }).optional(),
  summary: content,
  content: content,
});

/** A server item. */
export type GItem = z.infer<typeof Item>;

/** stream/contents */
export const StreamContents = z.object({ items: z.array(z.unknown()), continuation: z.union([z.string(), z.number()]).optional() });

/** stream/items/ids */
export const ItemIds = z.object({
  itemRefs: z.array(z.object({ id: z.union([z.string(), z.number()]) })).nullable().optional(),
  continuation: z.union([z.string(), z.number()]).optional(),
});

/** subscription/quickadd */
export const QuickAdd = z.object({ numResults: z.number(), streamId: z.string().optional(), streamName: z.string().optional(), error: z.string().optional() });

/** Checks a parsed answer against a shape; SYNC_BAD_RESPONSE when it does not fit. */
export function check<T>(shape: z.ZodType<T>, value: unknown, url: string): T {
  const result = shape.safeParse(value);
  if (result.success) return result.data;
  const server = serverOf(url);
  throw new KabarError('SYNC_BAD_RESPONSE', `The sync server ${server} sent an answer Kabar cannot read.`, { server });
}

/** An item id in its short decimal form (the API gives `tag:google.com,2005:reader/item/<16 hex>` or decimal). */
export function shortId(id: string | number): string {
  const text = String(id);
  if (/^[1-9]\d*$/.test(text)) return text;
  const hex = text.slice(text.lastIndexOf('/') + 1);
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) return text;
  return BigInt(`0x${hex}`).toString(10);
}
