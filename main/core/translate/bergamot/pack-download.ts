/** Downloading pack files over http(s): one checked fetch, and a streamed download verified by size and SHA-256. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { translateError } from '../errors';
import { invalid, type PackFileEntry } from './pack-meta';

/** Fetches an http(s) URL; a bad URL, a network failure or an HTTP error becomes a coded error. */
export async function fetchChecked(url: string, signal: AbortSignal | undefined): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw translateError('PACK_INVALID', `"${url}" is not a URL.`, { url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw translateError('PACK_INVALID', `Language packs download over http(s) only, not ${parsed.protocol}.`, { url });
  let response: Response;
  try {
    response = await fetch(parsed, { signal, redirect: 'follow' });
  } catch (error) {
    if (signal?.aborted) throw translateError('CANCELLED', 'The download was cancelled.');
    throw translateError('TRANSLATION_UNAVAILABLE', `Could not download ${url}: ${(error as Error).message}.`, { url });
  }
  if (!response.ok) throw translateError('TRANSLATION_UNAVAILABLE', `Could not download ${url}: HTTP ${response.status}.`, { url, status: response.status });
  return response;
}

/** Downloads one file, hashing as it goes; checks size and SHA-256 before keeping it. */
export async function download(
  url: string,
  to: string,
  file: PackFileEntry,
  options: { signal?: AbortSignal; timeoutMs?: number },
  progressed: (bytes: number) => void,
): Promise<void> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(onAbort, options.timeoutMs ?? 10 * 60_000);
  try {
    const response = await fetchChecked(url, controller.signal);
    if (!response.body) throw translateError('TRANSLATION_UNAVAILABLE', `Could not download ${url}: empty response.`, { url });
    const hash = createHash('sha256');
    const handle = await open(to, 'w');
    let size = 0;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > file.size) throw invalid(`The download of ${file.name} is larger than the ${file.size} bytes the pack declares.`, { file: file.name });
        hash.update(chunk);
        await handle.write(chunk);
        progressed(chunk.byteLength);
      }
    } catch (error) {
      if (controller.signal.aborted) throw translateError('CANCELLED', options.signal?.aborted ? 'The download was cancelled.' : `The download of ${file.name} took too long.`);
      throw error;
    } finally {
      await handle.close();
    }
    if (size !== file.size) throw invalid(`The download of ${file.name} is ${size} bytes, not ${file.size}.`, { file: file.name });
    if (hash.digest('hex') !== file.sha256) throw invalid(`The download of ${file.name} does not match its SHA-256: it is damaged or was tampered with.`, { file: file.name });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
