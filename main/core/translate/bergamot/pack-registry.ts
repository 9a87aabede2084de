/**
 * Resolving what a pack URL names: a pack's `kabar-pack.json` (files next to it), a Kabar registry
 * (`{"format":"kabar-pack-registry","packs":[{"id","from","to","version","url"}]}`) or a Bergamot
 * registry (`{"enes":{"model":{"name","size","expectedSha256Hash"},"lex":…,"vocab":…}}`); with a
 * registry the pack id ("en-es") says which one.
 */
import { basename } from 'node:path';
import { translateError } from '../errors';
import { fetchChecked } from './pack-download';
import { invalid, PACK_PARTS, validatePackMeta, type PackMeta } from './pack-meta';

/** Reads what a URL names and turns it into pack metadata with file URLs. */
export async function resolveRemotePack(url: string, id: string | undefined, signal?: AbortSignal): Promise<PackMeta> {
  const response = await fetchChecked(url, signal);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw invalid(`${url} is not a language pack or registry: it is not JSON.`, { where: url });
  }
  const v = body as Record<string, unknown>;
  if (v && v.format === 'kabar-language-pack') return validatePackMeta(body, url);
  const wanted = id ?? '';
  if (v && v.format === 'kabar-pack-registry' && Array.isArray(v.packs)) {
    const entry = (v.packs as Record<string, unknown>[]).find((p) => p.id === wanted || `${String(p.from)}-${String(p.to)}` === wanted);
    if (!entry || typeof entry.url !== 'string') {
      const ids = (v.packs as Record<string, unknown>[]).map((p) => String(p.id ?? `${String(p.from)}-${String(p.to)}`)).join(', ');
      throw translateError('TRANSLATION_UNAVAILABLE', `The registry at ${url} has no pack "${wanted}". It offers: ${ids || 'nothing'}.`, { url, id: wanted });
    }
    const packUrl = new URL(entry.url, url).href;
    const meta = await resolveRemotePack(packUrl, undefined, signal);
    for (const file of Object.values(meta.files)) file.url ??= new URL(file.name, packUrl).href;
    return meta;
  }
  // A Bergamot / Firefox Translations registry: {"enes": {"model": {"name", "size", "expectedSha256Hash"}, …}}.
  const m = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(wanted);
  const key = m ? `${m[1]}${m[2]}` : '';
  const entry = v ? (v[key] as Record<string, Record<string, unknown>> | undefined) : undefined;
  if (!m || !entry || typeof entry !== 'object') {
    throw translateError('TRANSLATION_UNAVAILABLE', m ? `The registry at ${url} has no pack "${wanted}".` : `Say which pack to install from the registry at ${url}, e.g. "en-es".`, { url, id: wanted });
  }
  const files: Record<string, unknown> = {};
  for (const [part, f] of Object.entries(entry)) {
    if (!(PACK_PARTS as readonly string[]).includes(part) || !f || typeof f.name !== 'string') continue;
    const fileUrl = new URL(f.name, url).href;
    files[part] = { name: basename(new URL(fileUrl).pathname), size: f.size, sha256: f.expectedSha256Hash, url: fileUrl };
  }
  return validatePackMeta({ format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from: m[1], to: m[2], version: String((entry as Record<string, unknown>).version ?? '1'), files }, url);
}
