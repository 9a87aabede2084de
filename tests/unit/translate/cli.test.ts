/** The translation commands, called directly (the CLI parser gains --to/--engine separately). */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandOptions } from '../../../main/cli/commands';
import { setTranslatorFactory, TRANSLATE_COMMANDS } from '../../../main/cli/translate';
import { openLibrary } from '../../../main/core/store';
import { Translator } from '../../../main/core/translate';
import { tempDir } from '../helpers';
import { seedLibrary } from './helpers';

function options(positionals: string[], extra: Record<string, string> = {}): CommandOptions {
  return { positionals, tag: [], bookmarked: false, unread: false, trash: false, off: false, cwd: process.cwd(), ...extra };
}

async function run(name: string, library: Parameters<NonNullable<(typeof TRANSLATE_COMMANDS)[string]>>[0], o: CommandOptions) {
  const command = TRANSLATE_COMMANDS[name];
  if (!command) throw new Error(`no command ${name}`);
  return command(library, o);
}

describe('translation CLI commands', () => {
  it('translate <id> --to ms prints the stored translation summary; it survives with no engine', async () => {
    const { library, dir, id } = await seedLibrary();
    const result = await run('translate', library, options([id.slice(0, 8)], { to: 'ms' }));
    expect(result.exitCode).toBe(0);
    expect(result.json).toMatchObject({ id, lang: 'ms', from: 'id', engine: 'apertium', model: 'ind-zlm', blocks: 14, failedBlocks: 0 });
    expect(result.text).toContain('id → ms with apertium');
    // The positional form and an explicit engine work too.
    expect((await run('translate', library, options([id, 'ms'], { engine: 'apertium' }))).json).toMatchObject({ engine: 'apertium' });
    await expect(run('translate', library, options([id]))).rejects.toThrow(/Usage: kabar translate/);
    await expect(run('translate', library, options([id], { to: 'ms', engine: 'nope' }))).rejects.toThrow(/Unknown translation engine/);
    await library.close();

    const previous = setTranslatorFactory((lib) => new Translator({ dataDir: lib.dir, apertium: { env: { PATH: '/nonexistent' } } }));
    try {
      const again = await openLibrary({ dir });
      const engines = await run('engines', again, options([]));
      expect((engines.json as { engines: { id: string; available: boolean }[] }).engines.find((e) => e.id === 'apertium')?.available).toBe(false);
      expect((await again.get(id)).translations.ms?.engine).toBe('apertium');
      await expect(run('translate', again, options([id], { to: 'ms' }))).rejects.toThrow(/No translation engine can translate/);
      await again.close();
    } finally {
      setTranslatorFactory(previous);
    }
  });

  it('engines --json lists engines, pairs and packs; packs install DIR / remove ID', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const engines = (await run('engines', library, options([]))).json as { engines: { id: string; pairs: { from: string; to: string }[] }[]; packs: unknown[] };
    expect(engines.engines.find((e) => e.id === 'apertium')?.pairs).toEqual(expect.arrayContaining([{ from: 'id', to: 'ms' }]));
    expect(engines.packs).toEqual([]);

    const pack = await tempDir();
    const files = { 'model.bin': Buffer.from('m'.repeat(300)), 'lex.bin': Buffer.from('l'.repeat(30)), 'vocab.spm': Buffer.from('v'.repeat(20)) };
    for (const [name, data] of Object.entries(files)) await writeFile(join(pack, name), data);
    const entry = (name: keyof typeof files) => ({ name, size: files[name].length, sha256: createHash('sha256').update(files[name]).digest('hex') });
    await writeFile(
      join(pack, 'kabar-pack.json'),
      JSON.stringify({ format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from: 'en', to: 'id', version: '2', files: { model: entry('model.bin'), lex: entry('lex.bin'), vocab: entry('vocab.spm') } }),
    );
    const installed = await run('packs', library, options(['install', pack]));
    expect(installed.json).toMatchObject({ id: 'en-id', version: '2' });
    expect(installed.text).toContain('installed language pack en-id');
    expect(((await run('engines', library, options([]))).json as { packs: { id: string }[] }).packs.map((p) => p.id)).toEqual(['en-id']);
    expect((await run('packs', library, options([]))).text).toContain('en-id');
    expect((await run('packs', library, options(['remove', 'en-id']))).json).toEqual({ id: 'en-id', removed: true });
    await expect(run('packs', library, options(['remove', 'en-id']))).rejects.toThrow(/No language pack "en-id" is installed/);
    await expect(run('packs', library, options(['install', await tempDir()]))).rejects.toThrow(/has no kabar-pack.json/);
    await library.close();
  });
});
