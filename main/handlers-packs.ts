/**
 * Handlers for the pack source channels (issue 11); main/handlers.ts merges them. Imports no
 * 'electron'. The server is the library's packRegistryUrl setting ('' → Firefox's Remote
 * Settings), read at each call; one download runs at a time and Cancel keeps its partial files.
 */
import { KabarError } from './core/errors';
import type { Library } from './core/store';
import { primaryLang, Translator, type InstalledPack, type PackSource } from './core/translate';
import type { HandlerContext, PartHandlers } from './handlers';
import type { PackHandlers, PackInfo } from '../preload/contract';

function packInfo(pack: InstalledPack): PackInfo {
  const { dir: _dir, ...info } = pack;
  return info;
}

/** The pack source handlers over one library. */
export function packHandlers(library: Library, ctx: HandlerContext): PartHandlers<PackHandlers> {
  const translator = new Translator({ dataDir: library.dir, ...ctx.translator });
  const source = (): PackSource => translator.packSource(library.settings().packRegistryUrl.trim());
  let running: AbortController | null = null;

  return {
    handlers: {
      'packs:available': async () => {
        const { packs, ...rest } = await source().available();
        return { ...rest, packs: packs.map(({ files: _files, ...p }) => p) };
      },
      'packs:get': async (fromTag, toTag) => {
        if (running) throw new KabarError('INVALID_ARGUMENT', 'A language pack is already downloading; wait for it or cancel it.');
        const [from, to] = [primaryLang(fromTag), primaryLang(toTag)];
        const controller = new AbortController();
        running = controller;
        try {
          const result = await source().get(from, to, { signal: controller.signal, onProgress: (p) => ctx.emit('packs:download', { from, to, ...p }) });
          return { installed: result.installed.map(packInfo), route: result.route, fetchedBytes: result.fetchedBytes };
        } finally {
          if (running === controller) running = null;
        }
      },
      'packs:cancel': async () => {
        if (!running) return false;
        running.abort();
        return true;
      },
      'packs:targets': async (from) => {
        const src = source();
        const [targets, cached] = await Promise.all([translator.targets(from, src), src.cachedPacks()]);
        const partial = new Map<string, number>();
        for (const pack of cached?.packs ?? []) partial.set(pack.id, await src.partialBytesOf(pack));
        return targets.map((t) => ({ ...t, partialBytes: t.packs.reduce((n, id) => n + (partial.get(id) ?? 0), 0) }));
      },
    },
    close: async () => {
      running?.abort();
      await translator.close();
    },
  };
}
