/** The Apertium engine and translateArticle end to end, with the real apertium command and the real corpus. */
import { chmod, readdir, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { ApertiumEngine, Translator, isCancelled, translateArticle } from '../../../main/core/translate';
import { collect } from '../../../main/core/translate/engine';
import type { Block } from '../../../main/core/types';
import { CORPUS, tempDir } from '../helpers';
import { APERTIUM, failingApertium, libraryWith, seedLibrary } from './helpers';

const apertium = new ApertiumEngine();

/** Pids of processes whose command line mentions a string (Linux /proc). */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(text)) pids.push(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

describe('Apertium engine', () => {
  it('is installed here (CI installs apertium apertium-eng-spa apertium-ind-zlm)', () => {
    expect(APERTIUM, 'the apertium command must be on PATH').toBeTruthy();
  });

  it('finds the installed pairs in the modes folder, as ISO 639-1 codes', async () => {
    const pairs = await apertium.languages();
    expect(pairs).toEqual(expect.arrayContaining([{ from: 'id', to: 'ms' }, { from: 'en', to: 'es' }, { from: 'es', to: 'en' }]));
    expect(apertium.modes().find((m) => m.from === 'es' && m.to === 'en')?.mode).toBe('spa-eng');
    expect(await apertium.model('id', 'ms')).toBe('ind-zlm');
  });

  it('finds no pairs and says how to install it when apertium is not on PATH', async () => {
    const none = new ApertiumEngine({ env: { PATH: '/nonexistent' } });
    expect(await none.languages()).toEqual([]);
    expect(() => none.translate([], 'id', 'ms')).toThrow(/Apertium is not installed/);
  });

  it('translates English to Spanish keeping links, emphasis, code, lists and images', async () => {
    const blocks: Block[] = [
      { type: 'heading', level: 2, text: 'The new government' },
      {
        type: 'paragraph',
        text: 'The president of the country said nothing about ls -l yesterday.',
        inline: [
          { text: 'The ' },
          { text: 'president of the country', href: 'https://example.org/p' },
          { text: ' said ' },
          { text: 'nothing', em: true },
          { text: ' about ' },
          { text: 'ls -l', code: true },
          { text: ' yesterday.' },
        ],
      },
      { type: 'image', text: '', src: 'https://example.org/a.png', alt: 'A house' },
      { type: 'list', text: 'the black cat\nthe red house', items: [[{ text: 'the black cat' }], [{ text: 'the red house' }]] },
      { type: 'paragraph', text: 'Tom & Jerry <script> "quoted"' },
      { type: 'paragraph', text: 'The black cat\nThe red house' },
    ];
    const out = await collect(apertium.translate(blocks, 'en', 'es'));
    expect(out).toHaveLength(blocks.length);
    expect(out[0]).toMatchObject({ type: 'heading', level: 2, text: 'El gobierno nuevo' });
    const p = out[1] as Block;
    expect(p.text).toContain('presidente del país');
    expect(p.inline?.find((r) => r.href)).toEqual({ text: 'presidente del país', href: 'https://example.org/p' });
    expect(p.inline?.find((r) => r.em)?.text).toBe('nada');
    expect(p.inline?.find((r) => r.code)).toEqual({ text: 'ls -l', code: true });
    expect(p.text).toBe(p.inline?.map((r) => r.text).join(''));
    expect(out[2]).toEqual(blocks[2]);
    expect(out[3]?.items).toEqual([[{ text: 'El gato negro' }], [{ text: 'La casa roja' }]]);
    expect(out[3]?.text).toBe('El gato negro\nLa casa roja');
    expect(out[4]?.text).toContain('&');
    expect(out[4]?.text).toMatch(/<.*>/); // escaped markup-like text comes back as text
    expect(out[5]?.text).toBe('El gato negro\nLa casa roja');
  });

  it('keeps paragraph boundaries when many short blocks go through one process', async () => {
    const blocks: Block[] = Array.from({ length: 40 }, (_, i) => ({ type: 'paragraph', text: i % 2 ? `The cat ${i}` : `${i} houses` }));
    const out = await collect(apertium.translate(blocks, 'en', 'es'));
    expect(out.map((b) => b.failed)).toEqual(blocks.map(() => undefined));
    expect(out[1]?.text).toBe('El gato 1');
    expect(out[38]?.text).toBe('38 casas');
  });

  it('cancels mid-article: the stream stops with CANCELLED and the child is killed', async () => {
    const blocks: Block[] = Array.from({ length: 300 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i}: the government of the country said many things about the economy.` }));
    const controller = new AbortController();
    const got: Block[] = [];
    const tmp = await tempDir('kabar-apertium-runs-');
    const slow = new ApertiumEngine({ batchChars: 400, tmpDir: tmp });
    let error: unknown;
    try {
      for await (const block of slow.translate(blocks, 'en', 'es', { signal: controller.signal })) {
        got.push(block);
        if (got.length === 5) controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(isCancelled(error)).toBe(true);
    expect(got.length).toBeGreaterThanOrEqual(5);
    expect(got.length).toBeLessThan(blocks.length);
    // No process of this engine is left (the whole pipeline was killed) and its input files are gone.
    await new Promise((r) => setTimeout(r, 200));
    expect(processesMentioning(tmp)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('gives up on a process that takes too long and marks its blocks', async () => {
    const bin = await tempDir('kabar-slow-apertium-');
    await writeFile(join(bin, 'apertium'), '#!/bin/sh\n/bin/sleep 30\n');
    await chmod(join(bin, 'apertium'), 0o755);
    const engine = new ApertiumEngine({ env: { PATH: bin }, modesDirs: ['/usr/share/apertium/modes'], timeoutMs: 300 });
    const started = Date.now();
    const out = await collect(engine.translate([{ type: 'paragraph', text: 'The black cat.' }], 'en', 'es'));
    expect(out[0]?.failed).toMatch(/Apertium took longer than/);
    expect(out[0]?.text).toBe('The black cat.');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('marks a block that fails and translates the rest', async () => {
    const bin = await failingApertium('ZZFAIL');
    const engine = new ApertiumEngine({ env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    const blocks: Block[] = [
      { type: 'paragraph', text: 'The black cat.' },
      { type: 'paragraph', text: 'ZZFAIL cannot be translated.' },
      { type: 'heading', level: 2, text: 'The red house' },
    ];
    const out = await collect(engine.translate(blocks, 'en', 'es'));
    expect(out[0]?.text).toBe('El gato negro.');
    expect(out[1]).toMatchObject({ text: 'ZZFAIL cannot be translated.' });
    expect(out[1]?.failed).toMatch(/simulated failure/);
    expect(out[2]).toMatchObject({ type: 'heading', text: 'La casa roja' });
    expect(out[2]?.failed).toBeUndefined();
  });
});

describe('translateArticle with Apertium', () => {
  it('translates the seed Indonesian → Malay, stores it, and search finds it by a translated word', async () => {
    const { library, dir, id } = await seedLibrary();
    const article = await library.get(id);
    expect(article.lang).toBe('id');
    const progress: [number, number][] = [];
    const streamed: number[] = [];
    const t = await translateArticle(library, id, 'ms', { onProgress: (d, n) => progress.push([d, n]), onBlock: (i) => streamed.push(i) });
    expect(t).toMatchObject({ lang: 'ms', engine: 'apertium', model: 'ind-zlm' });
    expect(t.blocks).toHaveLength(article.blocks.length);
    expect(t.blocks.map((b) => b.type)).toEqual(article.blocks.map((b) => b.type));
    expect(t.blocks.map((b) => b.level)).toEqual(article.blocks.map((b) => b.level));
    expect(streamed).toEqual(article.blocks.map((_, i) => i));
    expect(progress.at(-1)).toEqual([article.blocks.length + 1, article.blocks.length + 1]);
    const text = t.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/(^|\s)[*#@]\p{L}/u);
    expect(t.blocks.every((b) => !b.failed)).toBe(true);
    const changed = t.blocks.filter((b, i) => b.text !== article.blocks[i]?.text);
    expect(changed.length).toBeGreaterThan(article.blocks.length / 2);
    // Words Apertium knows: rahasia → rahsia, telepon → telefon, keamanan → keselamatan.
    expect(text).toContain('Rahsia');
    expect(text).toContain('telefon');
    expect(text).not.toContain('telepon');
    expect(text).toContain('keselamatan');

    expect((await library.search('telefon')).map((h) => h.id)).toEqual([id]);
    expect((await library.get(id)).translations.ms).toEqual(t);
    await library.close();

    // Reopened with no engine at all: the stored translation is still there, and still searchable.
    const again = await openLibrary({ dir });
    expect((await again.get(id)).translations.ms?.blocks).toEqual(t.blocks);
    expect((await again.search('keselamatan')).map((h) => h.id)).toEqual([id]);
    const offline = new Translator({ dataDir: dir, apertium: { env: { PATH: '/nonexistent' } } });
    expect((await offline.report()).engines.find((e) => e.id === 'apertium')?.available).toBe(false);
    await expect(translateArticle(again, id, 'ms', { translator: offline })).rejects.toThrow(/No translation engine can translate Indonesian → Malay/);
    expect((await again.get(id)).translations.ms).toEqual(t);
    await again.close();
  });

  it('re-translating replaces the stored translation; the user’s language correction is used', async () => {
    const { library, id } = await seedLibrary();
    const first = await translateArticle(library, id, 'ms', { now: () => new Date('2026-01-01T00:00:00Z') });
    const second = await translateArticle(library, id, 'ms', { now: () => new Date('2026-02-01T00:00:00Z') });
    expect(first.createdAt).not.toBe(second.createdAt);
    const stored = (await library.get(id)).translations;
    expect(Object.keys(stored)).toEqual(['ms']);
    expect(stored.ms?.createdAt).toBe('2026-02-01T00:00:00.000Z');

    // The user says the article is Malay: Malay → Indonesian is what Apertium does now.
    library.setSourceLang(id, 'ms');
    expect(library.meta(id).lang).toBe('ms');
    const back = await translateArticle(library, id, 'id');
    expect(back).toMatchObject({ lang: 'id', model: 'zlm-ind' });
    expect(Object.keys((await library.get(id)).translations).sort()).toEqual(['id', 'ms']);
    await expect(translateArticle(library, id, 'ms')).rejects.toThrow(/already in Malay/);
    expect(() => library.setSourceLang(id, 'not a code')).toThrow(/not a language code/);
    await library.close();
  });

  it('translates corpus pages English ↔ Spanish (import with extractFromFile)', async () => {
    const { library, ids } = await libraryWith(join(CORPUS, 'pages/001/source.html'), join(CORPUS, 'pages/cnet-svg-classes/source.html'));
    const [en, es] = ids as [string, string];
    expect(library.meta(en).lang).toBe('en');
    expect(library.meta(es).lang).toBe('es');

    const enArticle = await library.get(en);
    const toEs = await translateArticle(library, en, 'es');
    expect(toEs.blocks).toHaveLength(enArticle.blocks.length);
    expect(toEs.blocks.map((b) => b.type)).toEqual(enArticle.blocks.map((b) => b.type));
    expect(toEs.blocks.filter((b) => b.failed)).toEqual([]);
    // Code blocks are never translated; links survive in paragraphs that had them.
    enArticle.blocks.forEach((b, i) => {
      if (b.type === 'code') expect(toEs.blocks[i]).toEqual(b);
      const hrefs = (b.inline ?? []).filter((r) => r.href).map((r) => r.href);
      const outHrefs = (toEs.blocks[i]?.inline ?? []).filter((r) => r.href).map((r) => r.href);
      expect(new Set(outHrefs)).toEqual(new Set(hrefs));
    });
    expect(toEs.blocks.map((b) => b.text).join(' ')).toMatch(/\b(el|la|de|que)\b/);

    const esArticle = await library.get(es);
    const toEn = await translateArticle(library, es, 'en');
    expect(toEn.blocks).toHaveLength(esArticle.blocks.length);
    expect(toEn.blocks.filter((b) => b.type === 'image')).toEqual(esArticle.blocks.filter((b) => b.type === 'image'));
    expect(toEn.blocks.map((b) => b.text).join(' ')).toMatch(/\bthe\b/);
    expect(toEn.title).not.toBe(esArticle.title);
    await library.close();
  });
});
