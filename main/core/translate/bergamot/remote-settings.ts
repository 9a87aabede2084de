/**
 * A small read-only Remote Settings client: the records of one collection and where their
 * attachments are served from. This is the service Firefox downloads its translation models from
 * (`RemoteSettings("translations-models")` in toolkit/components/translations/actors/
 * TranslationsParent.sys.mjs); an attachment's URL is the server's announced
 * `capabilities.attachments.base_url` (the server root's JSON) followed by the record's
 * `attachment.location`, as services/settings/Attachments.sys.mjs builds it. A mirror that speaks
 * the same API works the same way, so a custom address stays possible.
 */
import { KabarError } from '../../errors';
import { translateError } from '../errors';

/** The Remote Settings server Firefox uses (pref `services.settings.server`). */
export const DEFAULT_PACK_SERVER = 'https://firefox.settings.services.mozilla.com/v1';
/** Largest listing Kabar reads (the real collection is a few hundred kB): a hostile server cannot fill memory. */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
/** Largest attachment Kabar accepts (real models are tens of MB). */
export const MAX_ATTACHMENT_BYTES = 1024 * 1024 * 1024;
/** The collection Firefox's translation models live in. */
export const MODELS_COLLECTION = 'translations-models';

/** A record's attachment as the server describes it. */
export interface RemoteAttachment {
  hash: string;
  size: number;
  filename: string;
  location: string;
}

/** A `translations-models` record (only the fields Kabar reads; see translations.d.ts in Firefox). */
export interface ModelRecord {
  id: string;
  name: string;
  fromLang: string;
  toLang: string;
  version: string;
  fileType: string;
  variant?: string;
  filterExpression?: string;
  lastModified: number;
  attachment: RemoteAttachment;
}

/** Where a client reads from, and how long it waits. */
export interface RemoteSettingsOptions {
  /** Server root, e.g. https://firefox.settings.services.mozilla.com/v1 (default). */
  server?: string;
  bucket?: string;
  collection?: string;
  /** Stop waiting for the server after this long (default 20 s): a hung DNS lookup must not hold the window. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The error every unreachable-server case ends in: the download will work once online. */
export function offlineError(url: string, why: string): KabarError {
  const host = safeHost(url);
  return new KabarError('OFFLINE', `Downloading language packs is possible when online: ${host} could not be reached (${why}).`, { host, reason: why });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Why a fetch failed, in a few words (undici hides the cause: ENOTFOUND, ECONNREFUSED…). */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** Checks a server address: http(s) only, trailing slashes dropped. */
export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new KabarError('INVALID_URL', `"${server}" is not a language pack server address.`, { url: server });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new KabarError('INVALID_URL', `Language pack servers are reached over http(s), not ${url.protocol}.`, { url: server });
  return url.href.replace(/\/+$/, '');
}

/** Reads one collection of a Remote Settings server. */
export class RemoteSettingsClient {
  readonly server: string;
  private readonly bucket: string;
  private readonly collection: string;
  private readonly timeoutMs: number;
  private readonly signal: AbortSignal | undefined;

  constructor(options: RemoteSettingsOptions = {}) {
    this.server = normalizeServer(options.server || DEFAULT_PACK_SERVER);
    this.bucket = options.bucket ?? 'main';
    this.collection = options.collection ?? MODELS_COLLECTION;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.signal = options.signal;
  }

  /** GETs JSON; network failures become OFFLINE, HTTP errors HTTP_ERROR, a cancel CANCELLED. */
  private async json(url: string): Promise<{ body: unknown; headers: Headers }> {
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.signal ? [this.signal] : [])];
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.any(signals), headers: { accept: 'application/json' } });
    } catch (error) {
      if (this.signal?.aborted) throw translateError('CANCELLED', 'Cancelled.');
      throw offlineError(url, (error as Error).name === 'TimeoutError' ? `no answer in ${Math.round(this.timeoutMs / 1000)} s` : networkReason(error));
    }
    if (!response.ok) {
      throw new KabarError('HTTP_ERROR', `The language pack server ${safeHost(url)} answered HTTP ${response.status} for ${url}.`, { status: response.status, url });
    }
    const text = await readLimited(response, url);
    try {
      return { body: JSON.parse(text) as unknown, headers: response.headers };
    } catch {
      throw translateError('PACK_INVALID', `${url} did not answer with JSON: it is not a Remote Settings server.`, { where: url });
    }
  }

  /** The attachments base URL the server announces (`capabilities.attachments.base_url`), ending in "/". */
  async attachmentsBase(): Promise<string> {
    const { body } = await this.json(`${this.server}/`);
    const base = (body as { capabilities?: { attachments?: { base_url?: unknown } } } | null)?.capabilities?.attachments?.base_url;
    if (typeof base !== 'string' || !/^https?:\/\//i.test(base)) {
      throw translateError('PACK_INVALID', `${this.server} does not announce where attachments are served (capabilities.attachments.base_url): it is not a Remote Settings server with attachments.`, { where: this.server });
    }
    return base.endsWith('/') ? base : `${base}/`;
  }

  /** Every record of the collection (following Kinto's Next-Page links); malformed records are skipped. */
  async records(): Promise<ModelRecord[]> {
    let url: string | null = `${this.server}/buckets/${this.bucket}/collections/${this.collection}/records`;
    const out: ModelRecord[] = [];
    for (let page = 0; url && page < 50; page += 1) {
      const { body, headers }: { body: unknown; headers: Headers } = await this.json(url);
      const data = (body as { data?: unknown } | null)?.data;
      if (!Array.isArray(data)) throw translateError('PACK_INVALID', `${url} is not a Remote Settings record list (no "data" array).`, { where: url });
      for (const raw of data) {
        const record = parseRecord(raw);
        if (record) out.push(record);
      }
      const next = headers.get('next-page');
      url = next && new URL(next).origin === new URL(this.server).origin ? next : null;
    }
    return out;
  }
}

/** A response body as text, refused past MAX_JSON_BYTES. */
async function readLimited(response: Response, url: string): Promise<string> {
  const tooLarge = (): KabarError => translateError('PACK_INVALID', `${url} sent more than ${MAX_JSON_BYTES / 1024 / 1024} MB: it is not a language pack listing.`, { where: url });
  if (Number(response.headers.get('content-length') ?? 0) > MAX_JSON_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_JSON_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof KabarError) throw error;
    throw offlineError(url, networkReason(error));
  }
  return Buffer.concat(chunks).toString('utf8');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A record in Kabar's shape, or null when a field it needs is missing or malformed. */
export function parseRecord(raw: unknown): ModelRecord | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const a = (typeof r.attachment === 'object' && r.attachment !== null ? r.attachment : {}) as Record<string, unknown>;
  // Remote Settings sends the size as a number; Firefox's typings say string: accept both.
  const size = typeof a.size === 'string' ? Number(a.size) : a.size;
  const [id, name, fromLang, toLang, version, fileType] = [str(r.id), str(r.name), str(r.fromLang), str(r.toLang), str(r.version), str(r.fileType)];
  const [hash, location] = [str(a.hash), str(a.location)];
  if (!id || !name || !fromLang || !toLang || !version || !fileType || !hash || !location) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0 || size > MAX_ATTACHMENT_BYTES || !/^[0-9a-f]{64}$/.test(hash)) return null;
  if (/^[a-z]+:/i.test(location) || location.split('/').includes('..')) return null;
  return {
    id,
    name,
    fromLang,
    toLang,
    version,
    fileType,
    ...(str(r.variant) ? { variant: str(r.variant) } : {}),
    ...(str(r.filter_expression) ? { filterExpression: str(r.filter_expression) } : {}),
    lastModified: typeof r.last_modified === 'number' ? r.last_modified : Number(r.last_modified) || 0,
    attachment: { hash, size, filename: str(a.filename) ?? name, location },
  };
}
