/** `kabar highlights|rules|views`, `kabar search` with the syntax, and highlights in exports (in-process CLI, real files). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { addHighlight, changeMarks, openLibrary } from '../../../main/core/store';
import { SEED, tempDir } from '../helpers';

async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

async function kabarJson<T>(dir: string, ...args: string[]): Promise<T> {
  const result = await kabar(dir, '--json', ...args);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as T;
}

/** A library with the seed, tagged, holding two highlights (one with a note) and an article note. */
async function seeded(): Promise<{ dir: string; id: string; words: string }> {
  const dir = await tempDir();
  const imported = await kabarJson<{ results: { id: string }[] }>(dir, 'import', SEED, '--tag', 'intel lama');
  const id = imported.results[0]!.id;
  const library = await openLibrary({ dir, owner: 'cli' });
  const { blocks } = await library.get(id);
  const block = blocks.findIndex((b) => b.text.includes('Sir Richard Moore'));
  const start = blocks[block]!.text.indexOf('Sir Richard Moore');
  await addHighlight(library, id, { anchor: { block, start, end: start + 17 }, color: 'green', note: 'Kepala MI6 saat itu' });
  const words = 'Sergei Naryshkin';
  const at = blocks[block]!.text.indexOf(words);
  await addHighlight(library, id, { anchor: { block, start: at, end: at + words.length }, color: 'pink' });
  await changeMarks(library, id, { op: 'note', text: 'Bandingkan dengan\nberita Reuters.' });
  await library.close();
  return { dir, id, words };
}

describe('kabar highlights', () => {
  it('lists with filters, searches text and notes, and exports Obsidian/Logseq notes pages', async () => {
    const { dir, id } = await seeded();
    const all = await kabarJson<{ total: number; items: { highlight: { quote: { exact: string } } }[] }>(dir, 'highlights', 'list');
    expect(all.total).toBe(2);
    expect((await kabarJson<{ total: number }>(dir, 'highlights', 'list', '--color', 'green')).total).toBe(1);
    expect((await kabarJson<{ total: number }>(dir, 'highlights', 'list', '--article', id.slice(0, 6), '--tag', 'INTEL LAMA')).total).toBe(2);
    expect((await kabarJson<{ total: number }>(dir, 'highlights', 'list', '--tag', 'other')).total).toBe(0);
    const text = await kabar(dir, 'highlights', 'list');
    expect(text.out).toContain('“Sir Richard Moore”');
    expect(text.out).toContain('note: Kepala MI6 saat itu');
    const bad = await kabar(dir, 'highlights', 'list', '--color', 'orange');
    expect([bad.code, bad.err]).toEqual([1, expect.stringContaining('not a highlight colour')]);

    const found = await kabarJson<{ highlight: { note?: string } }[]>(dir, 'highlights', 'search', 'kepala mi6');
    expect(found.map((h) => h.highlight.note)).toEqual(['Kepala MI6 saat itu']);

    const out = await tempDir();
    const exported = await kabarJson<{ files: string[] }>(dir, 'highlights', 'export', '--out', out);
    expect(exported.files).toHaveLength(1);
    const md = await readFile(exported.files[0]!, 'utf8');
    expect(md.startsWith('---\ntitle: "Diplomasi Bayangan:')).toBe(true);
    expect(md).toContain('\ntags:\n  - "intel-lama"\n');
    expect(md).toMatch(/\nsaved: \d{4}-\d{2}-\d{2}\n/);
    expect(md).toContain(`kabar-id: "${id}"`);
    expect(md).toContain('## Note\n\nBandingkan dengan\nberita Reuters.');
    expect(md).toContain('- ==Sir Richard Moore== (green)\n  - Kepala MI6 saat itu');
    expect(md).toContain('- ==Sergei Naryshkin== (pink)');
    // Reading order: Moore comes before Naryshkin in the text.
    expect(md.indexOf('Sir Richard Moore')).toBeLessThan(md.indexOf('Sergei Naryshkin'));
  });

  it('adds highlights and notes to the md, html and json exports', async () => {
    const { dir, id } = await seeded();
    const out = await tempDir();
    for (const format of ['md', 'html', 'json']) await kabarJson(dir, 'export', id, '--format', format, '--out', join(out, `seed.${format}`));
    const md = await readFile(join(out, 'seed.md'), 'utf8');
    expect(md.startsWith('---\ntitle: ')).toBe(true);
    expect(md).toContain('# Diplomasi Bayangan');
    expect(md).toContain('## Highlights\n\n- ==Sir Richard Moore== (green)');
    const html = await readFile(join(out, 'seed.html'), 'utf8');
    expect(html).toContain('<mark data-color="green">Sir Richard Moore</mark>');
    expect(html).toContain('<small>Kepala MI6 saat itu</small>');
    const json = JSON.parse(await readFile(join(out, 'seed.json'), 'utf8')) as { highlights: { color: string }[]; note: { text: string } };
    expect(json.highlights.map((h) => h.color)).toEqual(['green', 'pink']);
    expect(json.note.text).toBe('Bandingkan dengan\nberita Reuters.');
  });
});

describe('kabar search, rules and views', () => {
  it('search takes the syntax and shows a Highlights group; malformed queries exit 1 with the position', async () => {
    const { dir, id } = await seeded();
    expect((await kabarJson<{ id: string }[]>(dir, 'search', 'naryshkin', 'is:highlighted', 'tag:"intel lama"')).map((h) => h.id)).toEqual([id]);
    // One argument holds a whole query (a leading "-word" as its own argument would read as an option).
    expect(await kabarJson<unknown[]>(dir, 'search', 'naryshkin -is:highlighted')).toEqual([]);
    expect(await kabarJson<unknown[]>(dir, 'search', '--', '-is:highlighted')).toEqual([]);
    const text = await kabar(dir, 'search', 'naryshkin');
    expect(text.out).toContain('Highlights:');
    expect(text.out).toContain('«Naryshkin»');
    const bad = await kabar(dir, '--json', 'search', 'tag:x', '"open');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.err)).toMatchObject({ error: { code: 'QUERY_UNCLOSED_QUOTE', params: { position: 7 } } });
  });

  it('rules add/test/list/apply/remove and views add/list (with counts)/remove', async () => {
    const { dir, id } = await seeded();
    const added = await kabarJson<{ rule: { id: string }; matches: number }>(dir, 'rules', 'add', 'is:highlighted', '--tag', 'bertanda', '--bookmarked', '--mark-read');
    expect(added.matches).toBe(1);
    expect((await kabarJson<{ matches: number }>(dir, 'rules', 'test', 'tag:bertanda')).matches).toBe(0);
    expect((await kabar(dir, 'rules', 'list')).out).toContain('when is:highlighted  →  +tag bertanda, bookmark, mark read');
    expect((await kabarJson<{ changed: number }>(dir, 'rules', 'apply')).changed).toBe(1);
    const shown = await kabarJson<{ tags: string[]; bookmarked: boolean; readAt: string | null }>(dir, 'show', id);
    expect(shown).toMatchObject({ tags: ['intel lama', 'bertanda'], bookmarked: true });
    expect(shown.readAt).not.toBeNull();
    expect((await kabarJson<{ id: string }>(dir, 'rules', 'remove', added.rule.id.slice(0, 8))).id).toBe(added.rule.id);
    expect(await kabarJson<unknown[]>(dir, 'rules', 'list')).toEqual([]);

    await kabarJson(dir, 'views', 'add', 'Ditandai', 'is:highlighted', 'tag:bertanda');
    await kabarJson(dir, 'views', 'add', 'Belum dibaca', 'is:unread');
    const views = await kabarJson<{ id: string; name: string; count: number }[]>(dir, 'views', 'list');
    expect(views.map((v) => [v.name, v.count])).toEqual([
      ['Ditandai', 1],
      ['Belum dibaca', 0],
    ]);
    const broken = await kabar(dir, 'views', 'add', 'Rusak', 'is:');
    expect([broken.code, broken.err]).toEqual([1, expect.stringContaining('"is:" needs a value')]);
    await kabarJson(dir, 'views', 'remove', views[1]!.id);
    expect((await kabarJson<unknown[]>(dir, 'views')).length).toBe(1);
  });
});
