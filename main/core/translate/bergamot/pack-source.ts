/**
 * The default language-pack source: Firefox's `translations-models` collection (or a mirror of
 * it). Lists the pairs with their download sizes and which are installed, downloads a pair — or the
 * two packs that pivot through English — with progress, cancel, SHA-256 checks and resume after a
 * restart, then installs through PackStore (which checks every file again). The last listing is
 * kept in `<packsDir>/.catalog.json`, so sizes are known offline too.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../../errors';
import { languageName } from '../languages';
import { packsFromRecords, routeVia, MODEL_MAJOR_VERSIONS, type RemotePack } from './catalog';
import { diskError, fetchFile } from './fetch-file';
import { PACK_FILE, packId, type InstalledPack } from './pack-meta';
import type { PackStore } from './pack-store';
import { DEFAULT_PACK_SERVER, MODELS_COLLECTION, RemoteSettingsClient, normalizeServer } from './remote-settings';

/** A pair as Settings lists it. */
export interface AvailablePack extends RemotePack {
  /** The installed version when this pair is installed. */
  installed: string | null;
  /** Installed, but the server has a newer version. */
  update: boolean;
  /** Bytes of this version already downloaded by an interrupted attempt (the next download resumes there). */
  partialBytes: number;
}

/** The listing: where it came from and when. */
export interface PackListing {
  server: string;
  fetchedAt: string;
  /** True when the server could not be reached and this is the last listing saved. */
  cached: boolean;
  packs: AvailablePack[];
}

/** Progress of a download: bytes on disk of the whole request (both packs when pivoting). */
export interface PackDownloadProgress {
  phase: 'downloading' | 'installing';
  pack: string;
  file: string;
  done: number;
  total: number;
}

/** What a download did. */
export interface PackDownloadResult {
  /** The packs installed, in route order (two when pivoting through English). */
  installed: InstalledPack[];
  /** Bytes fetched now (less than the total when a download resumed or a pack was already there). */
  fetchedBytes: number;
  /** Names the steps, e.g. "id-en@1.0+en-ms@1.0". */
  route: string;
}

/** How a PackSource is built. */
export interface PackSourceOptions {
  store: PackStore;
  /** Remote Settings server root; '' or undefined → Firefox's. */
  server?: string;
  collection?: string;
  pivot?: string | null;
  now?: () => Date;
  timeoutMs?: number;
  /** Model major versions to accept (default MODEL_MAJOR_VERSIONS). */
  majorVersions?: { min: number; max: number };
}

const CATALOG = '.catalog.json';
const DOWNLOADS = '.downloads';

/**
 * Downloads into one packs folder run one after another: two Translate clicks (or the window and
 * the CLI in one process) must not write the same `.part` file at once. The second waits, then
 * finds the pack installed and fetches nothing.
 */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(run);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** Whether an error means the server cannot be used now (offline, or failing with a 5xx), so a saved listing may stand in. */
function unreachable(error: unknown): boolean {
  if (!(error instanceof KabarError)) return false;
  return error.code === 'OFFLINE' || (error.code === 'HTTP_ERROR' && Number(error.params.status) >= 500);
}

/** Lists and downloads Bergamot packs from a Remote Settings server. */
export class PackSource {
  readonly server: string;
  private readonly store: PackStore;
  private readonly collection: string;
  private readonly pivot: string | null;
  private readonly options: PackSourceOptions;

  constructor(options: PackSourceOptions) {
    this.options = options;
    this.store = options.store;
    this.server = normalizeServer(options.server || DEFAULT_PACK_SERVER);
    this.collection = options.collection ?? MODELS_COLLECTION;
    this.pivot = options.pivot === undefined ? 'en' : options.pivot;
  }

  /** The packs the server offers now (and saves the listing for offline use). */
  async fetchPacks(signal?: AbortSignal): Promise<RemotePack[]> {
    const client = new RemoteSettingsClient({ server: this.server, collection: this.collection, timeoutMs: this.options.timeoutMs, signal });
    const [base, records] = await Promise.all([client.attachmentsBase(), client.records()]);
    const packs = packsFromRecords(records, base, this.options.majorVersions ?? MODEL_MAJOR_VERSIONS);
    await mkdir(this.store.dir, { recursive: true });
    const saved = { server: this.server, fetchedAt: this.now().toISOString(), packs };
    await writeFile(join(this.store.dir, CATALOG), JSON.stringify(saved));
    return packs;
  }

  /** The last listing saved for this server, or null. */
  async cachedPacks(): Promise<{ fetchedAt: string; packs: RemotePack[] } | null> {
    try {
      const saved = JSON.parse(await readFile(join(this.store.dir, CATALOG), 'utf8')) as { server?: string; fetchedAt?: string; packs?: RemotePack[] };
      if (saved.server !== this.server || !Array.isArray(saved.packs) || typeof saved.fetchedAt !== 'string') return null;
      return { fetchedAt: saved.fetchedAt, packs: saved.packs };
    } catch {
      return null;
    }
  }

  /** Pairs with sizes and installed state; offline, the last saved listing (else the OFFLINE error). */
  async available(options: { signal?: AbortSignal; offlineOk?: boolean } = {}): Promise<PackListing> {
    let packs: RemotePack[];
    let fetchedAt = this.now().toISOString();
    let cached = false;
    try {
      packs = await this.fetchPacks(options.signal);
    } catch (error) {
      const saved = options.offlineOk !== false && unreachable(error) ? await this.cachedPacks() : null;
      if (!saved) throw error;
      ({ packs, fetchedAt } = saved);
      cached = true;
    }
    const installed = await this.store.usable();
    const listed: AvailablePack[] = [];
    for (const p of packs) {
      const have = installed.find((i) => i.id === p.id);
      listed.push({ ...p, installed: have?.version ?? null, update: have !== undefined && have.version !== p.version, partialBytes: await this.partialBytesOf(p) });
    }
    return { server: this.server, fetchedAt, cached, packs: listed };
  }

  /** The packs a from→to translation needs (direct, else via the pivot), from a listing; null when none. */
  routeFor(packs: RemotePack[], from: string, to: string): RemotePack[] | null {
    return routeVia(packs, from, to, this.pivot);
  }

  /**
   * Downloads and installs what translating from→to needs: the direct pack, else from→en and en→to.
   * Packs already installed at the listed version are not fetched again. Cancel keeps the partial
   * files; the next call resumes them.
   */
  get(from: string, to: string, options: { signal?: AbortSignal; onProgress?: (p: PackDownloadProgress) => void } = {}): Promise<PackDownloadResult> {
    return serialized(this.store.dir, () => this.getNow(from, to, options));
  }

  private async getNow(from: string, to: string, options: { signal?: AbortSignal; onProgress?: (p: PackDownloadProgress) => void }): Promise<PackDownloadResult> {
    let packs: RemotePack[];
    try {
      packs = await this.fetchPacks(options.signal);
    } catch (error) {
      // Offline, but what the pair needs may already be installed (from the saved listing): nothing to fetch then.
      const saved = unreachable(error) ? await this.cachedPacks() : null;
      const route = saved ? this.routeFor(saved.packs, from, to) : null;
      const installed = await this.store.usable();
      const have = route?.map((p) => installed.find((i) => i.id === p.id && i.version === p.version));
      if (!have || have.some((i) => !i)) throw error;
      const ordered = have as InstalledPack[];
      return { installed: ordered, fetchedBytes: 0, route: ordered.map((p) => `${p.id}@${p.version}`).join('+') };
    }
    const route = this.routeFor(packs, from, to);
    if (!route) {
      const via = this.pivot && from !== this.pivot && to !== this.pivot ? ` (nor ${languageName(from)} → ${languageName(this.pivot)} → ${languageName(to)})` : '';
      throw new KabarError('TRANSLATION_UNAVAILABLE', `${this.server} has no language pack for ${languageName(from)} → ${languageName(to)}${via}.`, { from, to, pack: packId(from, to) });
    }
    const installedNow = await this.store.usable();
    const needed = route.filter((p) => !installedNow.some((i) => i.id === p.id && i.version === p.version));
    const total = needed.reduce((n, p) => n + p.bytes, 0);
    let before = 0;
    let fetchedBytes = 0;
    for (const pack of needed) {
      fetchedBytes += await this.download(pack, before, total, options);
      before += pack.bytes;
    }
    const installed = (await this.store.usable()).filter((i) => route.some((p) => p.id === i.id));
    const ordered = route.map((p) => installed.find((i) => i.id === p.id) as InstalledPack);
    return { installed: ordered, fetchedBytes, route: ordered.map((p) => `${p.id}@${p.version}`).join('+') };
  }

  /** Downloads one pack's files into `.downloads/<id>@<version>/`, then installs them. */
  private async download(pack: RemotePack, before: number, total: number, options: { signal?: AbortSignal; onProgress?: (p: PackDownloadProgress) => void }): Promise<number> {
    const root = join(this.store.dir, DOWNLOADS);
    const dir = join(root, `${pack.id}@${pack.version}`);
    await mkdir(dir, { recursive: true }).catch((error: unknown) => Promise.reject(diskError(error, dir)));
    // Partial downloads of other versions of this pair can never be finished: drop them.
    for (const name of await readdir(root)) {
      if (name.startsWith(`${pack.id}@`) && name !== `${pack.id}@${pack.version}`) await rm(join(root, name), { recursive: true, force: true });
    }
    let done = 0;
    let fetched = 0;
    for (const file of Object.values(pack.files)) {
      fetched += await fetchFile(file, join(dir, file.name), {
        signal: options.signal,
        onBytes: (onDisk) => options.onProgress?.({ phase: 'downloading', pack: pack.id, file: file.name, done: before + done + onDisk, total }),
      });
      done += file.size;
    }
    options.onProgress?.({ phase: 'installing', pack: pack.id, file: PACK_FILE, done: before + done, total });
    const files = Object.fromEntries(Object.entries(pack.files).map(([part, f]) => [part, { name: f.name, size: f.size, sha256: f.sha256 }]));
    const meta = { format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from: pack.from, to: pack.to, version: pack.version, files };
    await writeFile(join(dir, PACK_FILE), JSON.stringify(meta, null, 2)).catch((error: unknown) => Promise.reject(diskError(error, dir)));
    await this.store.installFromDir(dir);
    await rm(dir, { recursive: true, force: true });
    return fetched;
  }

  /** Bytes on disk from an interrupted download of this pack version (finished files and `.part` files). */
  async partialBytesOf(pack: RemotePack): Promise<number> {
    const dir = join(this.store.dir, DOWNLOADS, `${pack.id}@${pack.version}`);
    let total = 0;
    for (const file of Object.values(pack.files)) {
      const done = await stat(join(dir, file.name)).then((s) => s.size, () => 0);
      const part = await stat(join(dir, `${file.name}.part`)).then((s) => s.size, () => 0);
      total += Math.min(file.size, Math.max(done, part));
    }
    return total;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}
