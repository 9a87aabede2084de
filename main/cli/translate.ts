/**
 * Translation commands: `translate <id> --to L [--engine E]`, `engines`, `packs [list]`,
 * `packs install DIR|URL [ID]`, `packs remove ID`. `--to` and `--engine` are read from the parsed
 * options when the parser has them, else from the positionals (`translate <id> <lang>`).
 */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import type { Library } from '../core/store';
import { Translator, translateArticle } from '../core/translate';
import { resolveId, type Command } from './base';


/** The engines of the library's folder (tests may swap it, e.g. for a PATH without Apertium). */
export let makeTranslator = (library: Library): Translator => new Translator({ dataDir: library.dir });

/** Replaces the Translator factory (tests); returns the previous one. */
export function setTranslatorFactory(factory: (library: Library) => Translator): (library: Library) => Translator {
  const previous = makeTranslator;
  makeTranslator = factory;
  return previous;
}

async function withTranslator<T>(library: Library, run: (t: Translator) => Promise<T>): Promise<T> {
  const translator = makeTranslator(library);
  try {
    return await run(translator);
  } finally {
    await translator.close();
  }
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

const translateCommand: Command = async (library, o) => {
  const options = o;
  const [given, positionalTo] = options.positionals;
  const to = options.to ?? positionalTo;
  if (!given || !to) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar translate <id> --to LANG [--engine apertium|bergamot]');
  const id = resolveId(library, given);
  return withTranslator(library, async (translator) => {
    const started = Date.now();
    const t = await translateArticle(library, id, to, { engine: options.engine, translator });
    const failed = t.blocks.filter((b) => b.failed).length;
    const summary = {
      id,
      lang: t.lang,
      from: library.meta(id).lang,
      title: t.title,
      engine: t.engine,
      model: t.model,
      createdAt: t.createdAt,
      blocks: t.blocks.length,
      failedBlocks: failed,
      seconds: Math.round((Date.now() - started) / 10) / 100,
    };
    const text = `${id.slice(0, 10)}  ${summary.from} → ${t.lang} with ${t.engine} (${t.model ?? ''}): ${t.blocks.length} blocks${failed ? `, ${failed} failed` : ''}\n${t.title}`;
    return { json: summary, text, exitCode: failed ? 2 : 0 };
  });
};

const enginesCommand: Command = async (library) =>
  withTranslator(library, async (translator) => {
    const report = await translator.report();
    const lines = report.engines.map(
      (e) => `${e.id.padEnd(9)} ${e.available ? 'ready' : 'missing'}  ${e.pairs.map((p) => `${p.from}→${p.to}`).join(' ') || '(no pairs)'}\n          ${e.detail}`,
    );
    for (const p of report.packs) lines.push(`pack ${p.id} ${p.version} ${kb(p.bytes)}${p.problem ? `  DAMAGED: ${p.problem}` : ''}`);
    return { json: report, text: lines.join('\n') };
  });

const packsCommand: Command = async (library, o) => {
  const [action, source, packId] = o.positionals;
  return withTranslator(library, async (translator) => {
    const store = translator.bergamot.packs;
    if (action === 'install') {
      if (!source) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar packs install DIR|URL [PACK-ID]');
      const pack = /^https?:\/\//i.test(source) ? await store.installFromUrl(source, packId) : await store.installFromDir(resolve(o.cwd, source));
      return { json: pack, text: `installed language pack ${pack.id} ${pack.version} (${kb(pack.bytes)})` };
    }
    if (action === 'remove') {
      if (!source) throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar packs remove PACK-ID');
      await store.remove(source);
      return { json: { id: source, removed: true }, text: `removed language pack ${source}` };
    }
    if (action !== undefined && action !== 'list') throw new KabarError('INVALID_ARGUMENT', 'Usage: kabar packs [list | install DIR|URL [PACK-ID] | remove PACK-ID]');
    const packs = await store.list();
    const text = packs.map((p) => `${p.id.padEnd(7)} ${p.version.padEnd(8)} ${kb(p.bytes)}${p.problem ? `  DAMAGED: ${p.problem}` : ''}`).join('\n') || 'No language packs installed.';
    return { json: packs, text };
  });
};

/** The translation commands, by name (merged into COMMANDS by the CLI). */
export const TRANSLATE_COMMANDS: Record<string, Command> = {
  translate: translateCommand,
  engines: enginesCommand,
  packs: packsCommand,
};
