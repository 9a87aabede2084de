/**
 * HTTP for feeds: conditional GET (ETag / Last-Modified; a 304 costs no body), redirects by
 * hand (a permanent one moves the subscription), Retry-After, a size cap counted after
 * decompression while the body streams, and one deadline for the whole exchange.
 */
import { KabarError } from '../errors';
import { parseHttpUrl, readBody } from '../articles';

/** Largest feed accepted: 10 MB after decompression. */
export const FEED_MAX_BYTES = 10 * 1024 * 1024;

/** What a feed fetch returned. */
export type FeedResponse =
  | { status: 304; url: string; permanentUrl?: string }
  | { status: 200; url: string; permanentUrl?: string; bytes: Uint8Array; contentType?: string; etag?: string; lastModified?: string };

/** Options of fetchFeed. */
export interface FeedFetchOptions {
  fetch?: typeof fetch;
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  now?: () => Date;
}

/** An HTTP error that says when to come back (429/503 with Retry-After). */
export class RetryLater extends KabarError {
  readonly retryAt: Date;

  constructor(status: number, url: string, retryAt: Date) {
    super('HTTP_ERROR', `${url} asked to come back later (HTTP ${status}).`, { status, url, retryAt: retryAt.toISOString() });
    this.retryAt = retryAt;
  }
}

/** Retry-After as a date: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(value: string | null, now: Date): Date | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const tooLarge = (): KabarError =>
    new KabarError('TOO_LARGE', `The feed at ${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { maxBytes, url });
  return readBody(response, maxBytes, tooLarge);
}

/** GETs a feed. Throws KabarError INVALID_URL, HTTP_ERROR (RetryLater for 429/503 with Retry-After), REDIRECT_LOOP, TIMEOUT, NETWORK, TOO_LARGE. */
export async function fetchFeed(rawUrl: string, opts: FeedFetchOptions = {}): Promise<FeedResponse> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBytes = opts.maxBytes ?? FEED_MAX_BYTES;
  const doFetch = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? (() => new Date());
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
  let url = parseHttpUrl(rawUrl).href;
  let permanent = true;
  let permanentUrl: string | undefined;
  const seen = new Set([url]);
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const fail = (error: unknown): unknown => {
    if (error instanceof KabarError) return error;
    if (opts.signal?.aborted) return opts.signal.reason ?? error;
    if (deadline.aborted) return new KabarError('TIMEOUT', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`, { url, timeoutMs });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return new KabarError('NETWORK', `Could not reach ${new URL(url).host} (${detail}).`, { url, detail });
  };
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await doFetch(url, { redirect: 'manual', signal, headers });
    } catch (error) {
      throw fail(error);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel().catch(() => undefined);
      const next = parseHttpUrl(new URL(location, url).href).href;
      if (seen.has(next) || redirects >= 10) {
        throw new KabarError('REDIRECT_LOOP', `${rawUrl} redirects in a loop or too often.`, { url: rawUrl, maxRedirects: 10 });
      }
      permanent &&= response.status === 301 || response.status === 308;
      if (permanent) permanentUrl = next;
      seen.add(next);
      url = next;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 304, url, ...(permanentUrl ? { permanentUrl } : {}) };
    }
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      const later = retryAfter(response.headers.get('retry-after'), now());
      if (later && (response.status === 429 || response.status === 503)) throw new RetryLater(response.status, url, later);
      throw new KabarError('HTTP_ERROR', `${url} answered with HTTP ${response.status}.`, { status: response.status, url });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(response, maxBytes, url);
    } catch (error) {
      throw fail(error);
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      status: 200,
      url,
      bytes,
      ...(permanentUrl ? { permanentUrl } : {}),
      ...(contentType ? { contentType } : {}),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  }
}
