/**
 * Whole-library backup and restore: metadata, bodies, a real Apertium translation, captured media
 * and feeds come back byte for byte; a tampered, truncated or hostile archive is refused before the
 * current library is touched.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { KabarError } from '../../../main/core/errors';
import { createBackup, restoreBackup } from '../../../main/core/export';
import { readFeeds } from '../../../main/core/feeds';
import { importOpml } from '../../../main/core/feeds/opml';
import { importSources } from '../../../main/core/importer';
import { openLibrary } from '../../../main/core/store';
import { translateArticle } from '../../../main/core/translate';
import { CORPUS, SEED, tempDir } from '../helpers';
import { APERTIUM } from '../translate/helpers';

/** SHA-256 of every file under `dir` (recursively), keyed by relative path; `skip` names top-level entries to leave out. */
async function hashes(dir: string, skip: string[] = [], prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (!prefix && skip.includes(entry.name)) continue;
    if (entry.isDirectory()) Object.assign(out, await hashes(dir, skip, rel));
    else out[rel] = createHash('sha256').update(await readFile(join(dir, rel))).digest('hex');
  }
  return out;
}

/** What a backup holds: library.json, articles/<id>.json and media/ (hidden sidecars are caches). */
function backedUp(all: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(all).filter(([p]) => p === 'library.json' || /^articles\/[^.]/.test(p) || p.startsWith('media/')));
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return error instanceof KabarError ? error.code : String(error);
  }
}

/** A library with everything a backup must carry. */
async function fullLibrary(): Promise<{ dir: string; seedId: string; pageId: string }> {
  const dir = await tempDir('kabar-full-');
  const library = await openLibrary({ dir });
  const summary = await importSources(library, [
    { kind: 'path', path: SEED },
    { kind: 'path', path: join(CORPUS, 'pages/data-url-image/source.html') },
  ]);
  const [seedId, pageId] = summary.results.map((r) => (r.ok ? r.id : '')) as [string, string];
  expect(seedId && pageId).toBeTruthy();
  library.addTags(seedId, ['diplomasi', 'arsip']);
  library.setBookmarked(pageId, true);
  library.setRead(seedId, true);
  importOpml(library, await readFile(join(CORPUS, 'feeds/opml/node-opmlparser/top100.opml')), new Date('2026-01-01T00:00:00Z'));
  await translateArticle(library, seedId, 'ms', { engine: 'apertium' });
  await library.close();
  return { dir, seedId, pageId };
}

describe('whole-library backup and restore', () => {
  it.skipIf(!APERTIUM)('round-trips metadata, bodies, an Apertium translation, media and feeds byte for byte', async () => {
    const { dir, seedId, pageId } = await fullLibrary();
    const original = backedUp(await hashes(dir));
    expect(Object.keys(original).filter((p) => p.startsWith('media/')).length).toBeGreaterThan(0);
    const archive = join(await tempDir(), 'library.tar.gz');
    const made = await createBackup(dir, archive, new Date());
    expect(made.files).toBe(Object.keys(original).length);

    const target = await tempDir('kabar-restored-');
    await restoreBackup(target, archive, new Date());
    expect(backedUp(await hashes(target))).toEqual(original);

    const restored = await openLibrary({ dir: target });
    expect(restored.recovery).toBeNull();
    const seed = await restored.get(seedId);
    expect(seed.translations.ms?.engine).toBe('apertium');
    expect(seed.translations.ms?.blocks.length).toBe(seed.blocks.length);
    expect(seed.tags).toEqual(['diplomasi', 'arsip']);
    expect(restored.meta(pageId).bookmarked).toBe(true);
    expect(readFeeds(restored).length).toBe(100);
    // Search is rebuilt from the restored files, translations included.
    const word = (seed.translations.ms?.title ?? '').split(/\s+/).find((w) => w.length > 5) as string;
    expect((await restored.search(word)).map((h) => h.id)).toContain(seedId);
    await restored.close();
    console.log(`[backup] round trip: ${made.files} files, ${made.bytes} bytes archived, all hashes equal`);
  }, 120_000);

  it('refuses tampered, truncated and hostile archives without touching the current library', async () => {
    const source = await tempDir('kabar-src-');
    const library = await openLibrary({ dir: source });
    await importSources(library, [{ kind: 'path', path: SEED }]);
    await library.close();
    const good = join(await tempDir(), 'good.tar.gz');
    await createBackup(source, good, new Date());
    const bytes = await readFile(good);

    const work = await tempDir('kabar-tamper-');
    const unpacked = join(work, 'unpacked');
    await mkdir(unpacked);
    await tar.x({ file: good, cwd: unpacked });
    const [articleName] = (await readdir(join(unpacked, 'articles'))).filter((n) => n.endsWith('.json'));
    const articlePath = join(unpacked, 'articles', articleName as string);
    await writeFile(articlePath, (await readFile(articlePath, 'utf8')).replace('Diplomasi', 'Dipalsukan'));
    const tampered = join(work, 'tampered.tar.gz');
    await tar.c({ gzip: true, file: tampered, cwd: unpacked }, await readdir(unpacked));
    await writeFile(join(work, 'evil'), 'x');
    const hostile = join(work, 'hostile.tar.gz');
    await tar.c({ gzip: true, file: hostile, cwd: work, preservePaths: true }, ['unpacked/library.json', 'evil']);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;

    const cases: [string, Buffer | string][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length * 0.6))],
      ['a flipped byte', flipped],
      ['an article changed after its checksum', tampered],
      ['unexpected entries', hostile],
      ['not an archive', Buffer.from('just some text, not gzip')],
      ['empty', Buffer.alloc(0)],
    ];
    const current = await tempDir('kabar-current-');
    const mine = await openLibrary({ dir: current });
    await mine.add({ title: 'Milik saya', lang: 'id', dir: 'ltr', excerpt: 'x', blocks: [{ type: 'paragraph', text: 'Isi saya.' }], source: 'text' });
    await mine.close();
    const before = await hashes(current);
    for (const [name, archive] of cases) {
      const path = typeof archive === 'string' ? archive : join(work, `${name.replace(/\W+/g, '-')}.tar.gz`);
      if (typeof archive !== 'string') await writeFile(path, archive);
      expect(await codeOf(restoreBackup(current, path, new Date())), name).toBe('BACKUP_INVALID');
      expect(await hashes(current), `${name}: the current library changed`).toEqual(before);
    }
    const reopened = await openLibrary({ dir: current });
    expect(reopened.list().items.map((m) => m.title)).toEqual(['Milik saya']);
    await reopened.close();
    console.log(`[backup] ${cases.length} bad archives refused, current library unchanged`);
  }, 60_000);
});
