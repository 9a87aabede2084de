/**
 * `kabar packs available` (pairs from the pack server with download sizes, installed ones marked)
 * and `kabar packs get FROM TO` (download with progress on stderr, through English when needed).
 * The server is the library's `packRegistryUrl` setting, or Firefox's Remote Settings when unset.
 * Other `packs` actions (list, install, remove) stay with the translation commands.
 */
import { KabarError } from '../core/errors';
import type { Library } from '../core/store';
import { primaryLang, type PackDownloadProgress, type PackSource } from '../core/translate';
import type { Command } from './base';
import { speakCommand } from './speak';
import { makeTranslator, TRANSLATE_COMMANDS } from './translate';

/** Where download progress goes (stderr: stdout keeps the one result document); tests swap it. */
export let progressOut = (line: string): void => void process.stderr.write(`${line}\n`);

/** Replaces the progress writer (tests); returns the previous one. */
export function setProgressOut(write: (line: string) => void): (line: string) => void {
  const previous = progressOut;
  progressOut = write;
  return previous;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sourceFor(library: Library): { source: PackSource; close: () => Promise<void> } {
  const translator = makeTranslator(library);
  const url = (library.settings().packRegistryUrl ?? '').trim();
  return { source: translator.packSource(url), close: () => translator.close() };
}

const available: Command = async (library) => {
  const { source, close } = sourceFor(library);
  try {
    const listing = await source.available();
    const lines = listing.packs.map((p) => {
      const state = p.installed ? (p.update ? `installed ${p.installed}, update available` : 'installed') : '';
      return `${p.id.padEnd(7)} ${p.version.padEnd(6)} ${mb(p.bytes).padStart(9)}  ${state}`.trimEnd();
    });
    const head = listing.cached ? `offline: the listing saved ${listing.fetchedAt} from ${listing.server}` : `from ${listing.server}`;
    return { json: listing, text: [head, ...lines].join('\n') || 'The server offers no language packs.' };
  } finally {
    await close();
  }
};

/** Prints a progress line at each 10% step (and each new pack), not per chunk. */
function progressPrinter(): (p: PackDownloadProgress) => void {
  let last = '';
  return (p) => {
    const pct = p.total > 0 ? Math.floor((p.done / p.total) * 10) * 10 : 100;
    const key = `${p.pack} ${p.phase} ${pct}`;
    if (key === last) return;
    last = key;
    progressOut(p.phase === 'installing' ? `${p.pack}: checking and installing` : `${p.pack}: ${pct}% of ${mb(p.total)}`);
  };
}

const get: Command = async (library, o) => {
  const [, fromArg, toArg] = o.positionals;
  if (!fromArg || !toArg) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar packs get FROM TO   (e.g. kabar packs get id en)');
  const [from, to] = [primaryLang(fromArg), primaryLang(toArg)];
  const { source, close } = sourceFor(library);
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await source.get(from, to, { signal: controller.signal, onProgress: progressPrinter() });
    const packs = result.installed.map((p) => `${p.id} ${p.version} (${mb(p.bytes)})`).join(' + ');
    const fetched = result.fetchedBytes > 0 ? `downloaded ${mb(result.fetchedBytes)}` : 'nothing to download';
    return { json: result, text: `${from} → ${to}: ${packs} installed; ${fetched}` };
  } finally {
    process.removeListener('SIGINT', stop);
    await close();
  }
};

const packs: Command = async (library, o) => {
  const action = o.positionals[0];
  if (action === 'available') return available(library, o);
  if (action === 'get') return get(library, o);
  const legacy = TRANSLATE_COMMANDS.packs as Command;
  return legacy(library, o);
};

/** `packs` (with available/get) and `speak`, by name; looked up before the translation commands. */
export const PACK_COMMANDS: Record<string, Command> = { packs, speak: speakCommand };
