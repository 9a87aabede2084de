/**
 * The installed packs of one data folder (`<dataDir>/packs/<from>-<to>/`): list, install from a folder
 * or a URL, remove, load. Every file is checked for size and hash first; a pack is staged in a hidden
 * folder and renamed into place, so a failed install leaves nothing behind. Files are checked again
 * when a pack is loaded.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Bytes, sha256File } from '../../util';
import { translateError } from '../errors';
import { download } from './pack-download';
import { invalid, PACK_FILE, packId, validatePackMeta, type InstalledPack, type PackBuffers, type PackFileEntry, type PackMeta, type PackPart, type PackProgress } from './pack-meta';
import { resolveRemotePack } from './pack-registry';

/** Reads and validates the kabar-pack.json in a folder; `missing` is the message when there is none. */
async function readPackFile(where: string, missing: string): Promise<PackMeta> {
  let raw: string;
  try {
    raw = await readFile(join(where, PACK_FILE), 'utf8');
  } catch {
    throw invalid(missing, { where });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid(`The language pack at ${where} is not valid: ${PACK_FILE} is not JSON.`, { where });
  }
  return validatePackMeta(parsed, where);
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
    const meta = await readPackFile(where, `The language pack at ${where} has no ${PACK_FILE}.`);
    if (packId(meta.from, meta.to) !== id) throw invalid(`The language pack at ${where} is for ${meta.from}-${meta.to}, not ${id}.`, { where });
    return meta;
  }

  /** Installs a pack from a folder holding kabar-pack.json and its files. */
  async installFromDir(source: string, onProgress?: PackProgress): Promise<InstalledPack> {
    const meta = await readPackFile(source, `${source} is not a language pack: it has no ${PACK_FILE}.`);
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
      if (bytes.length !== file.size || sha256Bytes(bytes) !== file.sha256) {
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
