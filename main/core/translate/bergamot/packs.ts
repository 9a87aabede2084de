/**
 * Bergamot language packs: Firefox Translations model files (model, lexical shortlist, vocabulary)
 * plus `kabar-pack.json`, Kabar's metadata (from, to, version, and each file's name, size and
 * SHA-256). Installed into `<dataDir>/packs/<from>-<to>/` from a folder or a URL, every file
 * checked for size and hash first; a pack is staged in a hidden folder and renamed into place, so a
 * failed install leaves nothing behind. Files are checked again when a pack is loaded.
 *
 * A URL may name a pack's `kabar-pack.json` (files next to it), a Kabar registry
 * (`{"format":"kabar-pack-registry","packs":[{"id","from","to","version","url"}]}`) or a Bergamot
 * registry (`{"enes":{"model":{"name","size","expectedSha256Hash"},"lex":…,"vocab":…}}`); with a
 * registry the pack id ("en-es") says which one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile, copyFile, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { translateError } from '../errors';
import { languageName } from '../languages';

/** The metadata file inside a pack folder. */
export const PACK_FILE = 'kabar-pack.json';

/** The parts a pack may have; model, lex and a vocabulary (one, or source + target) are required. */
export const PACK_PARTS = ['model', 'lex', 'vocab', 'srcvocab', 'trgvocab', 'qualityModel'] as const;
export type PackPart = (typeof PACK_PARTS)[number];

/** One file of a pack. `url` only while downloading. */
export interface PackFileEntry {
  name: string;
  size: number;
  sha256: string;
  url?: string;
}

/** `kabar-pack.json`. */
export interface PackMeta {
  format: 'kabar-language-pack';
  formatVersion: 1;
  engine: 'bergamot';
  from: string;
  to: string;
  version: string;
  files: Partial<Record<PackPart, PackFileEntry>>;
  /** Marian options for this model (e.g. "gemm-precision": "int8shiftAll"). */
  config?: Record<string, string | number | boolean>;
}

/** An installed pack as listed. */
export interface InstalledPack {
  id: string;
  from: string;
  to: string;
  version: string;
  bytes: number;
  dir: string;
  /** Set when the pack is damaged (a file missing or of the wrong size). */
  problem?: string;
  /** Its files as kabar-pack.json declares them (name, size, SHA-256), for display. */
  files?: { part: string; name: string; size: number; sha256: string }[];
}

/** Model buffers for the Bergamot worker. */
export interface PackBuffers {
  model: ArrayBuffer;
  shortlist: ArrayBuffer;
  vocabs: ArrayBuffer[];
  qualityModel: ArrayBuffer | null;
  config: Record<string, string>;
}

/** Download / install progress: bytes done of total. */
export type PackProgress = (done: number, total: number) => void;

const LANG = /^[a-z]{2,3}$/;
const SHA = /^[0-9a-f]{64}$/;
const CONFIG_KEYS = new Set(['gemm-precision', 'skip-cost', 'beam-size', 'normalize', 'word-penalty', 'max-length-factor']);

/** The id of a pack for a pair. */
export function packId(from: string, to: string): string {
  return `${from}-${to}`;
}

function invalid(message: string, params: Record<string, string | number> = {}): Error {
  return translateError('PACK_INVALID', message, params);
}

/** Checks the shape of pack metadata; throws PACK_INVALID with what is wrong. */
export function validatePackMeta(value: unknown, where: string): PackMeta {
  const bad = (why: string): Error => invalid(`The language pack at ${where} is not valid: ${why}.`, { where, reason: why });
  if (typeof value !== 'object' || value === null) throw bad(`${PACK_FILE} is not a JSON object`);
  const v = value as Record<string, unknown>;
  if (v.format !== 'kabar-language-pack') throw bad('"format" must be "kabar-language-pack"');
  if (v.formatVersion !== 1) throw bad('"formatVersion" must be 1');
  if (v.engine !== undefined && v.engine !== 'bergamot') throw bad('"engine" must be "bergamot"');
  if (typeof v.from !== 'string' || !LANG.test(v.from)) throw bad('"from" must be a language code such as "en"');
  if (typeof v.to !== 'string' || !LANG.test(v.to) || v.to === v.from) throw bad('"to" must be another language code');
  if (typeof v.version !== 'string' || v.version === '' || v.version.length > 64) throw bad('"version" must be a short string');
  if (typeof v.files !== 'object' || v.files === null) throw bad('"files" is missing');
  const files: Partial<Record<PackPart, PackFileEntry>> = {};
  for (const [part, entry] of Object.entries(v.files as Record<string, unknown>)) {
    if (!(PACK_PARTS as readonly string[]).includes(part)) throw bad(`unknown file part "${part}"`);
    const e = entry as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null) throw bad(`"files.${part}" must be an object`);
    if (typeof e.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(e.name)) throw bad(`"files.${part}.name" must be a plain file name`);
    if (typeof e.size !== 'number' || !Number.isSafeInteger(e.size) || e.size <= 0) throw bad(`"files.${part}.size" must be a positive whole number`);
    if (typeof e.sha256 !== 'string' || !SHA.test(e.sha256)) throw bad(`"files.${part}.sha256" must be 64 lowercase hex digits`);
    if (e.url !== undefined && typeof e.url !== 'string') throw bad(`"files.${part}.url" must be a string`);
    files[part as PackPart] = { name: e.name, size: e.size, sha256: e.sha256, ...(typeof e.url === 'string' ? { url: e.url } : {}) };
  }
  if (!files.model) throw bad('the model file ("files.model") is missing');
  if (!files.lex) throw bad('the lexical shortlist ("files.lex") is missing');
  if (!files.vocab && !(files.srcvocab && files.trgvocab)) throw bad('the vocabulary ("files.vocab", or "srcvocab" and "trgvocab") is missing');
  const names = Object.values(files).map((f) => f.name);
  if (new Set(names).size !== names.length || names.includes(PACK_FILE)) throw bad('two parts share a file name');
  let config: Record<string, string | number | boolean> | undefined;
  if (v.config !== undefined) {
    if (typeof v.config !== 'object' || v.config === null) throw bad('"config" must be an object');
    config = {};
    for (const [key, val] of Object.entries(v.config as Record<string, unknown>)) {
      if (!CONFIG_KEYS.has(key)) throw bad(`"config.${key}" is not an option Kabar passes on`);
      if (!['string', 'number', 'boolean'].includes(typeof val) || /[\n:]/.test(String(val))) throw bad(`"config.${key}" must be a simple value`);
      config[key] = val as string | number | boolean;
    }
  }
  return { format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from: v.from, to: v.to, version: v.version, files, ...(config ? { config } : {}) };
}

/** SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The installed packs of one data folder. */
export class PackStore {
  constructor(readonly dir: string) {}

  /** Installed packs (damaged ones too, with their problem). */
  async list(): Promise<InstalledPack[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const packs: InstalledPack[] = [];
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const dir = join(this.dir, name);
      try {
        const meta = await this.readMeta(name);
        let bytes = 0;
        let problem: string | undefined;
        for (const file of Object.values(meta.files)) {
          const size = await stat(join(dir, file.name)).then((s) => s.size, () => -1);
          if (size !== file.size) problem ??= size < 0 ? `${file.name} is missing` : `${file.name} has the wrong size`;
          bytes += Math.max(size, 0);
        }
        const files = Object.entries(meta.files).map(([part, f]) => ({ part, name: f.name, size: f.size, sha256: f.sha256 }));
        packs.push({ id: name, from: meta.from, to: meta.to, version: meta.version, bytes, dir, files, ...(problem ? { problem } : {}) });
      } catch (error) {
        packs.push({ id: name, from: '', to: '', version: '', bytes: 0, dir, problem: error instanceof Error ? error.message : String(error) });
      }
    }
    return packs;
  }

  /** Usable packs (not damaged). */
  async usable(): Promise<InstalledPack[]> {
    return (await this.list()).filter((p) => !p.problem);
  }

  private async readMeta(id: string): Promise<PackMeta> {
    const where = join(this.dir, id);
    let raw: string;
    try {
      raw = await readFile(join(where, PACK_FILE), 'utf8');
    } catch {
      throw invalid(`The language pack at ${where} has no ${PACK_FILE}.`, { where });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalid(`The language pack at ${where} is not valid: ${PACK_FILE} is not JSON.`, { where });
    }
    const meta = validatePackMeta(parsed, where);
    if (packId(meta.from, meta.to) !== id) throw invalid(`The language pack at ${where} is for ${meta.from}-${meta.to}, not ${id}.`, { where });
    return meta;
  }

  /** Installs a pack from a folder holding kabar-pack.json and its files. */
  async installFromDir(source: string, onProgress?: PackProgress): Promise<InstalledPack> {
    let raw: string;
    try {
      raw = await readFile(join(source, PACK_FILE), 'utf8');
    } catch {
      throw invalid(`${source} is not a language pack: it has no ${PACK_FILE}.`, { where: source });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalid(`The language pack at ${source} is not valid: ${PACK_FILE} is not JSON.`, { where: source });
    }
    const meta = validatePackMeta(parsed, source);
    const total = Object.values(meta.files).reduce((n, f) => n + f.size, 0);
    let done = 0;
    return this.stage(meta, async (staging) => {
      for (const file of Object.values(meta.files)) {
        const from = join(source, file.name);
        const size = await stat(from).then((s) => s.size, () => -1);
        if (size < 0) throw invalid(`The language pack at ${source} is incomplete: ${file.name} is missing.`, { where: source, file: file.name });
        if (size !== file.size) throw invalid(`The language pack at ${source} is damaged: ${file.name} is ${size} bytes, not ${file.size}.`, { where: source, file: file.name });
        const to = join(staging, file.name);
        await copyFile(from, to);
        if ((await sha256File(to)) !== file.sha256) {
          throw invalid(`The language pack at ${source} is damaged or tampered with: the SHA-256 of ${file.name} does not match ${PACK_FILE}.`, { where: source, file: file.name });
        }
        done += file.size;
        onProgress?.(done, total);
      }
    });
  }

  /** Installs a pack from a URL (a pack's kabar-pack.json, or a registry plus the pack id). */
  async installFromUrl(url: string, id?: string, options: { onProgress?: PackProgress; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<InstalledPack> {
    const meta = await resolveRemotePack(url, id, options.signal);
    const total = Object.values(meta.files).reduce((n, f) => n + f.size, 0);
    let done = 0;
    return this.stage(meta, async (staging) => {
      for (const file of Object.values(meta.files)) {
        const fileUrl = file.url ?? new URL(file.name, url).href;
        await download(fileUrl, join(staging, file.name), file, options, (n) => {
          done += n;
          options.onProgress?.(done, total);
        });
      }
    });
  }

  private async stage(meta: PackMeta, fill: (staging: string) => Promise<void>): Promise<InstalledPack> {
    const id = packId(meta.from, meta.to);
    await mkdir(this.dir, { recursive: true });
    const staging = join(this.dir, `.staging-${id}-${process.pid}-${Date.now()}`);
    await mkdir(staging);
    try {
      await fill(staging);
      const files = Object.fromEntries(Object.entries(meta.files).map(([part, f]) => [part, { name: f.name, size: f.size, sha256: f.sha256 }]));
      await writeFile(join(staging, PACK_FILE), JSON.stringify({ ...meta, files }, null, 2));
      const target = join(this.dir, id);
      const old = `${staging}.old`;
      const hadOld = await rename(target, old).then(() => true, () => false);
      await rename(staging, target);
      if (hadOld) await rm(old, { recursive: true, force: true });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    const installed = (await this.list()).find((p) => p.id === id);
    if (!installed) throw invalid(`The language pack ${id} could not be installed.`);
    return installed;
  }

  /** Removes an installed pack. */
  async remove(id: string): Promise<void> {
    if (!/^[a-z]{2,3}-[a-z]{2,3}$/.test(id) || !(await stat(join(this.dir, id)).then((s) => s.isDirectory(), () => false))) {
      const installed = (await this.list()).map((p) => p.id).join(', ') || 'none';
      throw translateError('PACK_INVALID', `No language pack "${id}" is installed (installed: ${installed}).`, { id });
    }
    await rm(join(this.dir, id), { recursive: true, force: true });
  }

  /** Reads a pack's files for the worker, checking each file's size and SHA-256 again. */
  async load(id: string): Promise<PackBuffers> {
    const meta = await this.readMeta(id);
    const where = join(this.dir, id);
    const buffers: Partial<Record<PackPart, ArrayBuffer>> = {};
    for (const [part, file] of Object.entries(meta.files) as [PackPart, PackFileEntry][]) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(where, file.name));
      } catch {
        throw invalid(`The language pack ${id} is damaged: ${file.name} is missing. Remove it and install it again.`, { id, file: file.name });
      }
      if (bytes.length !== file.size || createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        throw invalid(`The language pack ${id} is damaged or was changed: ${file.name} does not match its SHA-256. Remove it and install it again.`, { id, file: file.name });
      }
      buffers[part] = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
    const vocabs = buffers.vocab ? [buffers.vocab] : [buffers.srcvocab as ArrayBuffer, buffers.trgvocab as ArrayBuffer];
    const config: Record<string, string> = {};
    if (meta.files.model?.name.endsWith('intgemm8.bin')) config['gemm-precision'] = 'int8shiftAll';
    if (buffers.qualityModel) config['skip-cost'] = 'false';
    for (const [key, val] of Object.entries(meta.config ?? {})) config[key] = String(val);
    return { model: buffers.model as ArrayBuffer, shortlist: buffers.lex as ArrayBuffer, vocabs, qualityModel: buffers.qualityModel ?? null, config };
  }
}

async function fetchChecked(url: string, signal: AbortSignal | undefined): Promise<Response> {
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

/** Reads what a URL names and turns it into pack metadata with file URLs. */
async function resolveRemotePack(url: string, id: string | undefined, signal?: AbortSignal): Promise<PackMeta> {
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

/** Downloads one file, hashing as it goes; checks size and SHA-256 before keeping it. */
async function download(
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

/** The message for a pair no installed pack covers. */
export function missingPackMessage(from: string, to: string, pivot: string | null): string {
  const pair = `${languageName(from)} → ${languageName(to)}`;
  const via = pivot && from !== pivot && to !== pivot ? ` (or "${packId(from, pivot)}" and "${packId(pivot, to)}" to go through ${languageName(pivot)})` : '';
  return `No Bergamot language pack for ${pair} is installed. Add the pack "${packId(from, to)}"${via} with "kabar packs install DIR|URL" or in Settings → Translation.`;
}
