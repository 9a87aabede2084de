/**
 * One HTTP exchange with a sync server: a deadline for the whole exchange, a size cap counted
 * while the body streams, and every failure turned into a SYNC_* KabarError. Messages name the
 * server's address only: credentials travel in headers and bodies and never reach an error.
 */
import { KabarError } from '../errors';

/** What one request needs. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Form fields for a POST (repeated keys allowed). */
  form?: [string, string][];
  timeoutMs: number;
  maxBytes: number;
  fetch: typeof fetch;
  signal?: AbortSignal;
}

/** A read answer: status, content type and the body as text. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** The server part of a URL, for messages (never its query, which could carry anything). */
export function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid address)';
  }
}

async function readCapped(response: Response, maxBytes: number, server: string): Promise<string> {
  const tooLarge = (): KabarError =>
    new KabarError('SYNC_TOO_LARGE', `The sync server ${server} sent an answer larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, { server, maxBytes });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs one request; throws SYNC_OFFLINE, SYNC_TIMEOUT or SYNC_TOO_LARGE. Any status is returned. */
export async function exchange(req: HttpRequest): Promise<HttpAnswer> {
  const server = serverOf(req.url);
  const deadline = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
  const headers: Record<string, string> = { ...req.headers };
  let body: string | undefined;
  if (req.form) {
    body = new URLSearchParams(req.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  try {
    const response = await req.fetch(req.url, { method: req.method, headers, body, signal, redirect: 'follow' });
    const text = await readCapped(response, req.maxBytes, server);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  } catch (error) {
    if (error instanceof KabarError) throw error;
    if (req.signal?.aborted) throw new KabarError('CANCELLED', 'Sync was cancelled.');
    if (deadline.aborted) {
      throw new KabarError('SYNC_TIMEOUT', `The sync server ${server} did not answer within ${Math.round(req.timeoutMs / 1000)} s.`, { server });
    }
    throw new KabarError('SYNC_OFFLINE', `The sync server ${server} cannot be reached.`, { server });
  }
}

/** Throws the SYNC_* error a non-2xx status means. */
export function checkStatus(answer: HttpAnswer, url: string, user: string): void {
  const server = serverOf(url);
  if (answer.status >= 200 && answer.status < 300) return;
  if (answer.status === 401 || answer.status === 403) {
    throw new KabarError('SYNC_AUTH_FAILED', `The sync server ${server} refused the user name or API password for ${user}.`, { server, user });
  }
  if (answer.status >= 500) {
    throw new KabarError('SYNC_SERVER_ERROR', `The sync server ${server} failed (HTTP ${answer.status}).`, { server, status: answer.status });
  }
  if (answer.status === 404 || looksLikeHtml(answer)) {
    throw new KabarError('SYNC_NOT_API', `${server} did not answer as a Google Reader API server (HTTP ${answer.status}).`, { server, status: answer.status });
  }
  throw new KabarError('SYNC_REJECTED', `The sync server ${server} refused a request (HTTP ${answer.status}).`, { server, status: answer.status });
}

/** Whether an answer is a web page rather than an API answer. */
export function looksLikeHtml(answer: HttpAnswer): boolean {
  // Body only: FreshRSS sends some JSON answers (stream/items/ids) with PHP's default text/html type.
  return /^\s*</.test(answer.text);
}

/** Parses a JSON answer; an HTML page is SYNC_NOT_API, anything unreadable SYNC_BAD_RESPONSE. */
export function parseJson(answer: HttpAnswer, url: string): unknown {
  const server = serverOf(url);
  if (looksLikeHtml(answer)) {
    throw new KabarError('SYNC_NOT_API', `${server} answered with a web page, not the Google Reader API. Check the API address.`, { server, status: answer.status });
  }
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new KabarError('SYNC_BAD_RESPONSE', `The sync server ${server} sent an answer Kabar cannot read.`, { server });
  }
}
