import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../../main/core/export/backup';
import { openLibrary } from '../../../main/core/store';
import { listArticleFileIds, readArticleText, SIDECAR_FROM_CHARS, textOpening } from '../../../main/core/store/article-files';
import { SNIPPET_TEXT_CHARS } from '../../../main/core/search/snippet';
import type { SnippetPart } from '../../../main/core/search';
import { article, tempDir } from '../helpers';

const joined = (parts: SnippetPart[]): string => parts.map((p) => p.text).join('');
const sidecar = (dir: string, id: string): string => join(dir, 'articles', `.${id}.txt`);

describe('body text sidecars for search snippets', () => {
  it('writes one on add and builds snippets from it, not from the article file', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const { meta } = await library.add(article({ title: 'Sidecar satu' }));
    const raw = await readFile(sidecar(dir, meta.id), 'utf8');
    expect(raw.split('\n')[0]).toBe(JSON.stringify({ savedAt: meta.savedAt, length: raw.length - raw.indexOf('\n') - 1 }));
    expect(await readArticleText(dir, meta)).toContain('Komunikasi antara dua raja');
    expect(await listArticleFileIds(dir)).toEqual([meta.id]);

    // The snippet follows the sidecar: the article file is not read at all.
    const text = 'Teks pengganti dari sidecar tentang raja.';
    await writeFile(sidecar(dir, meta.id), `${JSON.stringify({ savedAt: meta.savedAt, length: text.length })}\n${text}`);
    await writeFile(join(dir, 'articles', `${meta.id}.json`), 'damaged');
    const [hit] = await library.search('raja');
    expect(joined(hit!.snippet)).toBe(text);
    await library.close();
  });

  it('ignores a stale or torn sidecar, and leaves a good one behind for a long body when there was none', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const long = (title: string) =>
      article({ title, blocks: [{ type: 'paragraph', text: 'Komunikasi antara dua raja mata-mata ini menegaskan sebuah prinsip.' }, { type: 'paragraph', text: 'Kalimat panjang. '.repeat(600) }] });
    const stale = (await library.add(long('Basi satu'))).meta;
    const torn = (await library.add(long('Robek dua'))).meta;
    const missing = (await library.add(long('Hilang tiga'))).meta;
    await writeFile(sidecar(dir, stale.id), `${JSON.stringify({ savedAt: '2000-01-01T00:00:00.000Z', length: 5 })}\nbasi!`);
    const whole = await readFile(sidecar(dir, torn.id), 'utf8');
    await writeFile(sidecar(dir, torn.id), whole.slice(0, -10));
    await rm(sidecar(dir, missing.id));
    expect(await readArticleText(dir, stale)).toBeUndefined();
    expect(await readArticleText(dir, torn)).toBeUndefined();
    expect(await readArticleText(dir, missing)).toBeUndefined();

    const hits = await library.search('raja mata');
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(joined(hit.snippet)).toContain('Komunikasi antara dua raja mata-mata');
      expect(await readArticleText(dir, hit.meta)).toContain('Komunikasi antara dua raja');
    }
    await library.close();
  });

  it('a batch add gives sidecars to long bodies only; a short one is read from its own file, and no search writes one for it', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const long = 'Raja kecil membaca surat panjang. '.repeat(700);
    const [small, large] = await library.addMany([
      { extracted: article({ title: 'Kecil', url: 'https://example.com/kecil' }) },
      { extracted: article({ title: 'Besar', url: 'https://example.com/besar', blocks: [{ type: 'paragraph', text: long }] }) },
    ]);
    expect(long.length).toBeGreaterThanOrEqual(SIDECAR_FROM_CHARS);
    expect(await readArticleText(dir, large!)).toBe(textOpening(long.trim()));
    expect(await readArticleText(dir, small!)).toBeUndefined();
    const hits = await library.search('raja');
    expect(hits.map((h) => h.id).sort()).toEqual([small!.id, large!.id].sort());
    for (const hit of hits) expect(joined(hit.snippet).toLowerCase()).toContain('raja');
    expect(await readArticleText(dir, small!)).toBeUndefined();
    await library.close();
  });

  it('keeps only the opening of a long body, never half a surrogate pair', () => {
    const long = `${'a'.repeat(SNIPPET_TEXT_CHARS - 1)}😀 tail`;
    expect(textOpening(long)).toBe('a'.repeat(SNIPPET_TEXT_CHARS - 1));
    expect(textOpening('short')).toBe('short');
  });

  it('goes with the article when the trash is emptied, and stays out of backups', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    const kept = (await library.add(article({ title: 'Tetap' }))).meta;
    const gone = (await library.add(article({ title: 'Dibuang' }))).meta;
    await library.delete(gone.id);
    expect(await library.emptyTrash()).toBe(1);
    expect((await readdir(join(dir, 'articles'))).sort()).toEqual([`.${kept.id}.txt`, `${kept.id}.json`].sort());
    await library.close();

    const archive = join(await tempDir(), 'backup.tar.gz');
    await createBackup(dir, archive, new Date());
    const restored = await tempDir();
    await restoreBackup(restored, archive, new Date());
    expect(await readdir(join(restored, 'articles'))).toEqual([`${kept.id}.json`]);
    // A library restored without sidecars still finds and snippets its articles.
    const reopened = await openLibrary({ dir: restored });
    const [hit] = await reopened.search('tetap');
    expect(joined(hit!.snippet)).toContain('Tetap. Di tengah');
    await reopened.close();
  });
});
