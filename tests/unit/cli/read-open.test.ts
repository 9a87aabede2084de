/**
 * Reading commands open the library without its search index (openLibrary's `search: false`),
 * except `search`: list and show still see everything, nothing is written, and searching a
 * library opened that way fails loudly instead of finding nothing.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { commandSearches } from '../../../main/cli/access';
import { runCli } from '../../../main/cli/run';
import { openLibrary } from '../../../main/core/store';
import { SEED, article, tempDir } from '../helpers';

async function kabar(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => (out += t + '\n'), stderr: (t) => (err += t + '\n'), env: {}, cwd: process.cwd() });
  return { code, out, err };
}

describe('reading without the search index', () => {
  it('only the search command opens the index', () => {
    expect(commandSearches('search')).toBe(true);
    for (const command of ['list', 'show', 'tags', 'export', 'engines', 'feeds']) expect(commandSearches(command)).toBe(false);
  });

  it('lists and shows every article, writes nothing, and refuses to search', async () => {
    const dir = await tempDir();
    const writer = await openLibrary({ dir });
    const { meta } = await writer.add(article({ title: 'Kontak langsung' }));
    writer.addTags(meta.id, ['intel']);
    await writer.close();
    const before = (await readdir(dir, { recursive: true })).sort();

    const reader = await openLibrary({ dir, access: 'read', search: false });
    expect(reader.list({}).items.map((m) => [m.id, m.tags])).toEqual([[meta.id, ['intel']]]);
    expect((await reader.get(meta.id)).blocks.length).toBeGreaterThan(0);
    await expect(reader.search('kontak')).rejects.toThrow(/opened without its search index/);
    await reader.close();
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);

    const searching = await openLibrary({ dir, access: 'read' });
    expect((await searching.search('kontak')).map((h) => h.id)).toEqual([meta.id]);
    await searching.close();
  });

  it('kabar search still finds articles while kabar list skips the index', async () => {
    const dir = await tempDir();
    expect((await kabar(dir, 'import', SEED)).code).toBe(0);
    const list = await kabar(dir, '--json', 'list');
    expect((JSON.parse(list.out) as { total: number }).total).toBe(1);
    const hits = await kabar(dir, '--json', 'search', 'naryshkin');
    expect((JSON.parse(hits.out) as unknown[]).length).toBe(1);
  });
});
