/**
 * Handlers for the translation (issue 5) channels; main/handlers.ts merges them. Imports no
 * 'electron'. One Translator per library (its Bergamot worker lives as long as the handlers);
 * one running translation per article, cancellable; close() cancels whatever still runs.
 */
import { KabarError } from './core/errors';
import type { Library } from './core/store';
import { Translator, translateArticle, type EnginesReport, type InstalledPack } from './core/translate';
import { cancelledError } from './core/translate/errors';
import { primaryLang } from './core/translate/languages';
import type { HandlerContext, PartHandlers } from './handlers';
import type { EnginesInfo, PackInfo, TranslateHandlers } from '../preload/contract';

/** What crosses the bridge of an installed pack (its folder path stays in main). */
function packInfo(pack: InstalledPack): PackInfo {
  const { dir: _dir, ...info } = pack;
  return info;
}

function enginesInfo(report: EnginesReport): EnginesInfo {
  return { engines: report.engines, packs: report.packs.map(packInfo) };
}

/** The engine the settings pick for a pair ('auto' and unset: none, so the Translator chooses). */
function settingsEngine(library: Library, from: string, to: string): string | undefined {
  const choice = library.settings().translationEngines[`${from}-${to}`];
  return choice && choice !== 'auto' ? choice : undefined;
}

/** The translation (issue 5) handlers over one library, and how to release what they hold. */
export function translateHandlers(library: Library, ctx: HandlerContext): PartHandlers<TranslateHandlers> {
  const translator = new Translator({ dataDir: library.dir, ...ctx.translator });
  const running = new Map<string, { controller: AbortController; done: Promise<unknown> }>();
  const packs = new Set<AbortController>();
  let closed = false;

  const translate = async (id: string, to: string, engine: string | null) => {
    // A call that arrives while the window closes must not write into a closing library.
    if (closed) throw cancelledError();
    running.get(id)?.controller.abort();
    const controller = new AbortController();
    const target = primaryLang(to);
    let failed = 0;
    const emit = (done: number, total: number): void => ctx.emit('translate:progress', { id, done, total, failed });
    const work = translateArticle(library, id, target, {
      engine: engine ?? settingsEngine(library, primaryLang(library.meta(id).lang), target),
      translator,
      signal: controller.signal,
      onBlock: (_index, block) => {
        if (block.failed) failed += 1;
      },
      onProgress: emit,
    });
    const entry = { controller, done: work.catch(() => undefined) };
    running.set(id, entry);
    try {
      return await work;
    } finally {
      if (running.get(id) === entry) running.delete(id);
    }
  };

  const withPackProgress = async <T>(source: string, run: (onProgress: (done: number, total: number) => void, signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    packs.add(controller);
    try {
      return await run((done, total) => ctx.emit('packs:progress', { source, done, total }), controller.signal);
    } finally {
      packs.delete(controller);
    }
  };

  return {
    handlers: {
      'translate:engines': async () => enginesInfo(await translator.report()),
      'translate:article': translate,
      'translate:cancel': async (id) => {
        const job = running.get(id);
        if (!job) return false;
        job.controller.abort();
        await job.done;
        return true;
      },
      'translate:setSourceLang': async (id, lang) => library.setSourceLang(id, primaryLang(lang)),
      'packs:installFolder': async (strings) => {
        if (!ctx.chooseFolder) throw new KabarError('INVALID_ARGUMENT', 'This window cannot show a folder dialog; use "kabar packs install DIR".');
        const dir = await ctx.chooseFolder(strings);
        if (!dir) return null;
        return packInfo(await withPackProgress(dir, (onProgress) => translator.bergamot.packs.installFromDir(dir, onProgress)));
      },
      'packs:installUrl': async (url, packId) =>
        packInfo(await withPackProgress(url, (onProgress, signal) => translator.bergamot.packs.installFromUrl(url, packId ?? undefined, { onProgress, signal }))),
      'packs:remove': async (packId) => translator.bergamot.packs.remove(packId),
    },
    close: async () => {
      closed = true;
      for (const controller of packs) controller.abort();
      const jobs = [...running.values()];
      for (const job of jobs) job.controller.abort();
      await Promise.all(jobs.map((job) => job.done));
      await translator.close();
    },
  };
}
