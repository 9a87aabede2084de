/**
 * HTTP download for imports: one deadline for the whole exchange (redirects and body),
 * redirects followed by hand (to detect loops and refuse non-http targets), and a size cap
 * enforced while the body streams in, so a huge or endless response never fills memory.
 */
import { KabarError } from '../errors';

/** Options for downloading a page (and, per image, for captureImages). */
export interface FetchOptions {
  fetch?: typeof fetch;
  /** Deadline for the whole download, redirects included. Default 20 000 ms. */
  timeoutMs?: number;
  /** Largest body accepted. Default 20 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 10. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

/** A downloaded body with the final URL (after redirects) and its Content-Type. */
export interface Fetched {
  url: string;
  status: number;
  contentType?: string;
  bytes: Uint8Array;
}

/** Parses and checks a URL: only http and https can be imported. */
export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new KabarError('INVALID_URL', `"${raw}" is not a web address. Enter a full address starting with https://.`, { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KabarError('INVALID_URL', `Only http and https addresses can be imported, not ${url.protocol}. Enter a web address.`, {
      url: raw,
    });
  }
  return url;
}

function timeoutError(ms: number, url: string): KabarError {
  return new KabarError('TIMEOUT', `${url} did not answer within ${Math.round(ms / 1000)} s. Check the connection and try again later.`, {
    url,
    timeoutMs: ms,
  });
}

/** Maps what fetch throws to KabarError: our deadline → TIMEOUT, the caller's abort → rethrown, the rest → NETWORK. */
function networkError(error: unknown, url: string, deadline: AbortSignal, timeoutMs: number, caller?: AbortSignal): unknown {
  if (error instanceof KabarError) return error;
  if (caller?.aborted) return caller.reason ?? error;
  if (deadline.aborted) return timeoutError(timeoutMs, url);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new KabarError('NETWORK', `Could not reach ${new URL(url).host} (${detail}). Check the address and your connection.`, {
    url,
    detail,
  });
}

/** Reads a body up to `maxBytes`, failing with TOO_LARGE as soon as it goes over (the rest is never downloaded). */
/** Reads a response body, refusing it (tooLarge) as soon as it passes maxBytes — declared or streamed. */
export async function readBody(response: Response, maxBytes: number, tooLarge: () => KabarError): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * GETs `rawUrl`, following redirects by hand. `accept(contentType)` may throw to refuse a
 * type before the body is read (UNSUPPORTED_TYPE). Throws INVALID_URL, HTTP_ERROR {status},
 * REDIRECT_LOOP, TIMEOUT, NETWORK or TOO_LARGE.
 */
export async function fetchBytes(
  rawUrl: string,
  opts: FetchOptions & { accept?: (contentType: string | undefined) => void; tooLarge: (maxBytes: number) => KabarError; headers?: Record<string, string> },
): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const maxRedirects = opts.maxRedirects ?? 10;
  const doFetch = opts.fetch ?? globalThis.fetch;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;
  let url = parseHttpUrl(rawUrl).href;
  const seen = new Set<string>([url]);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await doFetch(url, { redirect: 'manual', signal, headers: opts.headers });
    } catch (error) {
      throw networkError(error, url, deadline, timeoutMs, opts.signal);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') parseHttpUrl(next.href);
      if (seen.has(next.href) || redirects >= maxRedirects) {
        throw new KabarError(
          'REDIRECT_LOOP',
          seen.has(next.href)
            ? `${rawUrl} redirects in a loop. Open it in a browser and import the address it finally shows.`
            : `${rawUrl} redirects more than ${maxRedirects} times. Open it in a browser and import the address it finally shows.`,
          { url: rawUrl, maxRedirects },
        );
      }
      seen.add(next.href);
      url = next.href;
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      throw new KabarError('HTTP_ERROR', `${url} answered with HTTP ${response.status}. Check the address, or try again later.`, {
        status: response.status,
        url,
      });
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    try {
      opts.accept?.(contentType);
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      throw error;
    }
    try {
      const bytes = await readBody(response, maxBytes, () => opts.tooLarge(maxBytes));
      return { url, status: response.status, contentType, bytes };
    } catch (error) {
      throw networkError(error, url, deadline, timeoutMs, opts.signal);
    }
  }
}
