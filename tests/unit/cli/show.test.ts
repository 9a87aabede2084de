/**
 * `kabar show` with stored translations: a real English article from the corpus, translated to
 * Spanish by the real Apertium command line (`apertium eng-spa`), read back with --lang,
 * --bilingual and --json; and the errors when the wanted translation is not stored.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { CORPUS, tempDir } from '../helpers';

const ENGLISH = join(CORPUS, 'articles', 'newspaper4k', 'txt', 'cnn_summary.txt');
const apertium = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
const hasPair = !apertium.error && /\beng-spa\b/.test(apertium.stdout);
if (!hasPair) console.log('SKIPPED kabar show --lang: Apertium with the eng-spa pair is not installed (node scripts/system-deps.mjs says how).');

async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

interface Shown {
  id: string;
  title: string;
  lang: string;
  blocks: { type: string; text: string }[];
  translations: Record<string, { lang: string; title: string; engine: string; blocks: { text: string; failed?: string }[] }>;
  translation?: string;
}

let dir: string;
let id: string;
/** What Apertium itself makes of the article's first paragraph, run here directly. */
let firstParagraphEs: string;

describe.runIf(hasPair)('kabar show with a stored Apertium translation', () => {
  beforeAll(async () => {
    // Not tempDir(): that one is emptied after each test, and these tests share one library.
    dir = await mkdtemp(join(tmpdir(), 'kabar-show-'));
    const imported = await kabar(dir, '--json', 'import', ENGLISH);
    expect(imported.code).toBe(0);
    id = (JSON.parse(imported.out) as { results: { id: string }[] }).results[0]!.id;
    const translated = await kabar(dir, '--json', 'translate', id, '--to', 'es', '--engine', 'apertium');
    expect(translated.err).toBe('');
    expect(JSON.parse(translated.out)).toMatchObject({ lang: 'es', from: 'en', engine: 'apertium', failedBlocks: 0 });
    const shown = JSON.parse((await kabar(dir, '--json', 'show', id)).out) as Shown;
    const first = shown.blocks.find((b) => b.type === 'paragraph')!.text;
    // From a file: apertium's text deformatter refuses a stdin pipe opened by Node.
    const input = join(dir, 'first-paragraph.txt');
    await writeFile(input, `${first}\n`);
    firstParagraphEs = spawnSync('apertium', ['-u', 'eng-spa', input], { encoding: 'utf8' }).stdout.trim();
    expect(firstParagraphEs).toMatch(/\p{L}{3}/u);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('--json includes every stored translation, block for block', async () => {
    const shown = JSON.parse((await kabar(dir, '--json', 'show', id.slice(0, 8))).out) as Shown;
    expect(shown.lang).toBe('en');
    expect(Object.keys(shown.translations)).toEqual(['es']);
    const es = shown.translations.es!;
    expect(es).toMatchObject({ lang: 'es', engine: 'apertium' });
    expect(es.blocks).toHaveLength(shown.blocks.length);
    expect(es.blocks.map((b) => b.text)).toContain(firstParagraphEs);
    expect(es.blocks.map((b) => b.text)).not.toContain(shown.blocks[1]!.text);
  });

  it('--lang es prints the translated title and text, not the original', async () => {
    const shown = JSON.parse((await kabar(dir, '--json', 'show', id)).out) as Shown;
    const { code, out, err } = await kabar(dir, 'show', id, '--lang', 'es');
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe(shown.translations.es!.title);
    expect(lines[1]).toMatch(/→ es, translated with apertium/);
    expect(out).toContain(firstParagraphEs);
    for (const block of shown.blocks) expect(out).not.toContain(block.text);
    // Any spelling of the language finds it: a region or the three-letter code.
    expect((await kabar(dir, 'show', id, '--lang', 'es-MX')).out).toBe(out);
    expect((await kabar(dir, 'show', id, '--lang', 'spa')).out).toBe(out);
  });

  it('--bilingual prints each block followed by its translation', async () => {
    const shown = JSON.parse((await kabar(dir, '--json', 'show', id)).out) as Shown;
    const { code, out } = await kabar(dir, 'show', id, '--bilingual');
    expect(code).toBe(0);
    expect(out.startsWith(`${shown.title}\n    ${shown.translations.es!.title}\n`)).toBe(true);
    let at = out.indexOf('→ es, translated with apertium');
    expect(at).toBeGreaterThan(0);
    shown.blocks.forEach((block, i) => {
      const original = out.indexOf(block.text, at);
      const translated = out.indexOf(`    ${shown.translations.es!.blocks[i]!.text}`, original + block.text.length);
      expect(original).toBeGreaterThan(at);
      expect(translated).toBeGreaterThan(original);
      at = translated;
    });
    expect((await kabar(dir, 'show', id, '--bilingual', '--lang', 'es')).out).toBe(out);
  });

  it('--json with --lang says which translation was asked for', async () => {
    const shown = JSON.parse((await kabar(dir, '--json', 'show', id, '--lang', 'es')).out) as Shown;
    expect(shown.translation).toBe('es');
    expect(shown.translations.es!.lang).toBe('es');
  });

  it('a language with no stored translation is a clear error naming what is stored and the command', async () => {
    const { code, out, err } = await kabar(dir, 'show', id, '--lang', 'fr');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('No French (fr) translation');
    expect(err).toContain('Stored translations: Spanish (es).');
    expect(err).toContain(`kabar translate ${id.slice(0, 10)} --to fr`);
    const json = await kabar(dir, '--json', 'show', id, '--lang', 'fr');
    expect(JSON.parse(json.err)).toMatchObject({ error: { code: 'NOT_FOUND', params: { id, lang: 'fr', stored: 'es' } } });
    const bad = await kabar(dir, 'show', id, '--lang', 'not a language');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/is not a language code/);
  });
});

describe('kabar show with no translation stored', () => {
  it('--bilingual and --lang say none is stored and how to make one', async () => {
    const fresh = await tempDir('kabar-show-');
    const imported = await kabar(fresh, '--json', 'import', ENGLISH);
    const freshId = (JSON.parse(imported.out) as { results: { id: string }[] }).results[0]!.id;
    const bilingual = await kabar(fresh, 'show', freshId, '--bilingual');
    expect(bilingual.code).toBe(1);
    expect(bilingual.err).toContain('No translation of it is stored yet.');
    expect(bilingual.err).toContain(`kabar translate ${freshId.slice(0, 10)} --to LANG`);
    const lang = await kabar(fresh, 'show', freshId, '--lang', 'es');
    expect(lang.err).toContain(`No Spanish (es) translation of ${freshId.slice(0, 10)} is stored. No translation of it is stored yet.`);
    const plain = JSON.parse((await kabar(fresh, '--json', 'show', freshId)).out) as Shown;
    expect(plain.translations).toEqual({});
  });
});
