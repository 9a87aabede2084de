/**
 * Turns `translations-models` records into downloadable packs, choosing records as Firefox's
 * TranslationsParent does: per record name and pair the newest version within the supported major
 * versions, then per pair only the records whose version equals the "model" record's (a stale
 * shared vocab next to a newer split-vocab model is dropped). Kabar also skips what it cannot use:
 * records targeted by a JEXL `filter_expression` (e.g. Nightly-only), developer `variant`s, and
 * quality models (Firefox does not use them either).
 */
import { basename } from 'node:path';
import { primaryLang } from '../languages';
import { PACK_PARTS, packId, type PackFileEntry, type PackPart } from './pack-meta';
import type { ModelRecord } from './remote-settings';
import { compareVersions, inMajorRange } from './versions';

/**
 * The model major versions Kabar's Bergamot runtime (@browsermt/bergamot-translator 0.4.x, a 1.x
 * WASM in Firefox's terms) can load. Firefox accepts 1–2 with its 2.x WASM; 2.x models (CJK and the
 * larger "base" models) need that newer runtime, so Kabar takes 1.x until its runtime is upgraded.
 */
export const MODEL_MAJOR_VERSIONS = { min: 1, max: 1 } as const;

/** One downloadable pack: a pair's files with their attachment URLs. */
export interface RemotePack {
  id: string;
  from: string;
  to: string;
  version: string;
  /** Download size in bytes (all files). */
  bytes: number;
  files: Partial<Record<PackPart, PackFileEntry & { url: string }>>;
}

/** The parts Kabar downloads (quality models are left out, as Firefox does). */
const WANTED: ReadonlySet<string> = new Set(PACK_PARTS.filter((p) => p !== 'qualityModel'));

/** A plain two- or three-letter language tag ("zh-Hant" and the like are skipped, not merged into "zh"). */
function plainLang(tag: string): string | null {
  const lang = primaryLang(tag);
  return /^[a-z]{2,3}$/.test(lang) && lang === tag.toLowerCase() ? lang : null;
}

/** A file name safe to write in a pack folder: the attachment's, else one made from the part. */
function fileName(record: ModelRecord): string {
  const name = basename(record.attachment.filename);
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(name) && !name.endsWith('.part') ? name : `${record.fileType}.${record.fromLang}${record.toLang}.bin`;
}

/** Newest record per (name, pair) within the major-version range. */
function newestPerName(records: ModelRecord[], range: { min: number; max: number }): ModelRecord[] {
  const best = new Map<string, ModelRecord>();
  for (const record of records) {
    if (record.variant || record.filterExpression || !WANTED.has(record.fileType)) continue;
    if (!inMajorRange(record.version, range.min, range.max)) continue;
    const key = `${record.name}|${record.fromLang},${record.toLang}`;
    const seen = best.get(key);
    if (!seen || compareVersions(seen.version, record.version) < 0 || (seen.version === record.version && seen.lastModified < record.lastModified)) {
      best.set(key, record);
    }
  }
  return [...best.values()];
}

/** Builds the list of packs from records; `base` is the attachments base URL ending in "/". */
export function packsFromRecords(records: ModelRecord[], base: string, range: { min: number; max: number } = MODEL_MAJOR_VERSIONS): RemotePack[] {
  const byPair = new Map<string, ModelRecord[]>();
  for (const record of newestPerName(records, range)) {
    const from = plainLang(record.fromLang);
    const to = plainLang(record.toLang);
    if (!from || !to || from === to) continue;
    const id = packId(from, to);
    byPair.set(id, [...(byPair.get(id) ?? []), record]);
  }
  const packs: RemotePack[] = [];
  for (const [id, group] of byPair) {
    const model = group.filter((r) => r.fileType === 'model').sort((a, b) => compareVersions(b.version, a.version))[0];
    if (!model) continue;
    const files: RemotePack['files'] = {};
    for (const record of group.filter((r) => r.version === model.version).sort((a, b) => a.lastModified - b.lastModified)) {
      files[record.fileType as PackPart] = { name: fileName(record), size: record.attachment.size, sha256: record.attachment.hash, url: base + record.attachment.location };
    }
    // Kabar's engine needs a shortlist and a vocabulary (shared, or source + target).
    const hasVocab = files.vocab || (files.srcvocab && files.trgvocab);
    const names = Object.values(files).map((f) => f.name);
    if (!files.lex || !hasVocab || new Set(names).size !== names.length) continue;
    if (files.vocab) {
      delete files.srcvocab;
      delete files.trgvocab;
    }
    const [from, to] = id.split('-') as [string, string];
    const bytes = Object.values(files).reduce((n, f) => n + f.size, 0);
    packs.push({ id, from, to, version: model.version, bytes, files });
  }
  return packs.sort((a, b) => a.id.localeCompare(b.id));
}

/** How to get from one language to another with downloadable packs: direct, else through the pivot. */
export function routeVia(packs: RemotePack[], from: string, to: string, pivot: string | null): RemotePack[] | null {
  const find = (f: string, t: string): RemotePack | undefined => packs.find((p) => p.from === f && p.to === t);
  const direct = find(from, to);
  if (direct) return [direct];
  if (!pivot || from === pivot || to === pivot) return null;
  const out = find(from, pivot);
  const back = find(pivot, to);
  return out && back ? [out, back] : null;
}
