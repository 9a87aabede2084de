/** Bergamot language pack metadata: the kabar-pack.json format, its validation, pack ids and the missing-pack message. */
import { translateError } from '../errors';
import { languageName } from '../languages';

/** The metadata file inside a pack folder. */
export const PACK_FILE = 'kabar-pack.json';

/** The parts a pack may have; model, lex and a vocabulary (one, or source + target) are required. */
export const PACK_PARTS = ['model', 'lex', 'vocab', 'srcvocab', 'trgvocab', 'qualityModel'] as const;
/** One part of a pack (model, shortlist, vocabularies, quality model). */
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

/** A PACK_INVALID error with a message and its parameters. */
export function invalid(message: string, params: Record<string, string | number> = {}): Error {
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

/** The message for a pair no installed pack covers. */
export function missingPackMessage(from: string, to: string, pivot: string | null): string {
  const pair = `${languageName(from)} → ${languageName(to)}`;
  const via = pivot && from !== pivot && to !== pivot ? ` (or "${packId(from, pivot)}" and "${packId(pivot, to)}" to go through ${languageName(pivot)})` : '';
  return `No Bergamot language pack for ${pair} is installed. Add the pack "${packId(from, to)}"${via} with "kabar packs install DIR|URL" or in Settings → Language packs.`;
}
