/**
 * "Translate into" data: for an article's language, the languages an installed engine can translate
 * into now come first; the others a language pack would add follow, each with the packs it needs
 * and their download size (only what is not installed yet), so the window can say
 * "needs a language pack (≈ 12 MB)".
 */
import type { EngineId } from './engine';
import type { RemotePack } from './bergamot/catalog';
import { routeVia } from './bergamot/catalog';
import type { InstalledPack } from './bergamot/pack-meta';

/** One language to offer in "Translate into". */
export interface TargetLanguage {
  lang: string;
  /** An installed engine translates into it now. */
  ready: boolean;
  /** The engines that can (ready ones only), best first. */
  engines: EngineId[];
  /** Packs to download first (not ready only), e.g. ["id-en", "en-ms"]. */
  packs: string[];
  /** Bytes to download for those packs. */
  bytes: number;
}

/** Inputs: what engines can do now, the pack listing (null when never fetched), the installed packs. */
export interface TargetInputs {
  from: string;
  ready: { engine: EngineId; from: string; to: string }[];
  listing: RemotePack[] | null;
  installed: InstalledPack[];
  pivot: string | null;
}

/** Ready targets first (in engine preference order, then by code), then those a download would add (smallest first). */
export function targetLanguages(input: TargetInputs): TargetLanguage[] {
  const ready = new Map<string, EngineId[]>();
  for (const pair of input.ready) {
    if (pair.from !== input.from || pair.to === input.from) continue;
    const engines = ready.get(pair.to) ?? [];
    if (!engines.includes(pair.engine)) engines.push(pair.engine);
    ready.set(pair.to, engines);
  }
  const out: TargetLanguage[] = [...ready].map(([lang, engines]) => ({ lang, ready: true, engines, packs: [], bytes: 0 }));
  out.sort((a, b) => a.lang.localeCompare(b.lang));
  const later: TargetLanguage[] = [];
  const langs = new Set((input.listing ?? []).flatMap((p) => [p.from, p.to]));
  for (const lang of langs) {
    if (lang === input.from || ready.has(lang)) continue;
    const route = routeVia(input.listing ?? [], input.from, lang, input.pivot);
    if (!route) continue;
    const missing = route.filter((p) => !input.installed.some((i) => i.id === p.id && !i.problem));
    later.push({ lang, ready: false, engines: [], packs: missing.map((p) => p.id), bytes: missing.reduce((n, p) => n + p.bytes, 0) });
  }
  later.sort((a, b) => a.bytes - b.bytes || a.lang.localeCompare(b.lang));
  return [...out, ...later];
}
