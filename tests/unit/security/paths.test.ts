/**
 * Writes stay inside their folder: backup restore (hostile archives with ../, absolute paths,
 * symlinks and hard links), article export (titles from the web as file names, tampered media
 * names), OPML import/export (hostile folder names and titles) and language-pack install
 * (manifests naming ../ files, symlinked pack files). Each case checks the folders around the
 * target afterwards: nothing may appear outside it, and the current library stays as it was.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_COMMANDS } from '../../../main/cli/feeds';
import type { CommandOptions } from '../../../main/cli/commands';
import { createBackup, exportArticles, restoreBackup, safeFileName } from '../../../main/core/export';
import { exportOpml, importOpml, parseOpmlBytes, readFeeds } from '../../../main/core/feeds';
import { openLibrary } from '../../../main/core/store';
import { PackStore, PACK_FILE } from '../../../main/core/translate';
import { hostileTarGz, type RawEntry } from '../../fixtures/hostile/tar';
import { article, tempDir } from '../helpers';

/** Every file and folder under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      out.push(relative(dir, path));
      if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(dir);
  return out.sort();
}

const HEX = 'a'.repeat(64);

describe('backup restore never writes outside the library', () => {
  async function setup(): Promise<{ parent: string; lib: string; outside: string; valid: RawEntry[] }> {
    const parent = await tempDir('kabar-restore-');
    const lib = join(parent, 'lib');
    const outside = join(parent, 'outside');
    await mkdir(outside);
    const library = await openLibrary({ dir: lib });
    await library.add(article());
    await library.compact();
    await library.close();
    // A genuine backup's manifest and library, so only the hostile entry is wrong.
    const backup = join(parent, 'good.tar.gz');
    await createBackup(lib, backup, new Date());
    const good = await tempDir('kabar-restore-good-');
    const tar = await import('tar');
    await tar.x({ file: backup, cwd: good });
    const valid: RawEntry[] = [];
    for (const name of await tree(good)) {
      if ((await stat(join(good, name))).isFile()) valid.push({ name, body: await readFile(join(good, name)) });
    }
    await writeFile(backup, ''); // not needed any more; keeps the parent listing small
    return { parent, lib, outside, valid };
  }

  const ATTACKS: Record<string, (outside: string) => RawEntry[]> = {
    'a ../ entry': () => [{ name: '../escaped.json', body: '{}' }],
    'a ../../ entry': () => [{ name: 'articles/../../escaped-deep.json', body: '{}' }],
    'an absolute path': (outside) => [{ name: join(outside, 'absolute.json'), body: '{}' }],
    'a symlink to a system file': () => [{ name: `articles/${'b'.repeat(20)}.json`, type: '2', link: '/etc/passwd' }],
    'a symlinked folder, then a file through it': (outside) => [
      { name: 'media', type: '2', link: outside },
      { name: `media/${HEX}.png`, body: 'through the link' },
    ],
    'a hard link to a file outside': (outside) => [{ name: `articles/${'c'.repeat(20)}.json`, type: '1', link: join(outside, 'target') }],
    'a manifest naming ../ files': () => [{ name: 'manifest.json', body: JSON.stringify({ kabarBackup: 1, createdAt: '', files: { '../escaped-manifest.json': HEX } }) }],
  };

  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`refuses ${name} and keeps the current library`, async () => {
      const { parent, lib, outside, valid } = await setup();
      await writeFile(join(outside, 'target'), 'outside file');
      const entries = attack(outside);
      const replaced = new Set(entries.map((e) => e.name));
      const archive = join(parent, 'hostile.tar.gz');
      await writeFile(archive, hostileTarGz([...valid.filter((e) => !replaced.has(e.name)), ...entries]));
      const beforeLib = await readFile(join(lib, 'library.json'), 'utf8');
      const beforeParent = await tree(parent);
      await expect(restoreBackup(lib, archive, new Date())).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
      expect(await tree(parent)).toEqual(beforeParent);
      expect(await readFile(join(outside, 'target'), 'utf8')).toBe('outside file');
      expect(await readFile(join(lib, 'library.json'), 'utf8')).toBe(beforeLib);
    });
  }

  it('still restores the genuine archive the attacks were built from', async () => {
    const { parent, lib, valid } = await setup();
    const archive = join(parent, 'plain.tar.gz');
    await writeFile(archive, hostileTarGz(valid));
    await expect(restoreBackup(lib, archive, new Date())).resolves.toMatchObject({ files: expect.any(Number) });
  });
});

describe('article export names files safely and copies media only from media/', () => {
  const TITLES = [
    '../../etc/passwd',
    '/absolute/path',
    'C:\\Windows\\System32\\evil',
    'CON',
    'nul.txt',
    '.hidden',
    '...',
    '   ',
    'tab\tnew\nline\u0000nul\u0007bell',
    'Invoice \u202efdp.exe',
    'trailing dot.',
    '😀'.repeat(200),
    'ü'.repeat(300),
    'a/b\\c:d*e?f"g<h>i|j',
  ];

  it('writes one file per article inside the folder, each name valid on every OS', async () => {
    const parent = await tempDir('kabar-export-');
    const library = await openLibrary({ dir: join(parent, 'lib') });
    const ids: string[] = [];
    for (const [i, title] of TITLES.entries()) ids.push((await library.add(article({ title, blocks: [{ type: 'paragraph', text: `Body ${i}.` }] }))).meta.id);
    const out = join(parent, 'out');
    const before = (await tree(parent)).filter((p) => !p.startsWith('lib'));
    for (const format of ['md', 'html', 'json'] as const) {
      const written = await exportArticles(library, ids, format, out);
      expect(written).toHaveLength(ids.length);
      for (const path of written) {
        expect(relative(out, path)).toBe(basename(path));
        const name = basename(path);
        expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
        // eslint-disable-next-line no-control-regex -- control characters are what must not be in a name
        expect(name).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]|^\.|[. ]$/);
        expect(name.split('.')[0]?.trim().toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
      }
      expect(new Set(written).size).toBe(ids.length);
    }
    const after = (await tree(parent)).filter((p) => !p.startsWith('lib'));
    expect(after.filter((p) => !p.startsWith('out')).sort()).toEqual(before.filter((p) => !p.startsWith('out')).sort());
    await library.close();
  });

  it('safeFileName keeps ordinary titles readable', () => {
    expect(safeFileName('Harbour council votes', '0123456789abcdef', 'md')).toBe('Harbour council votes (01234567).md');
  });

  it('a tampered media name (../) in an article file is not copied outside the export folder', async () => {
    const parent = await tempDir('kabar-export-media-');
    const library = await openLibrary({ dir: join(parent, 'lib') });
    // lib/media/../../x.png is <parent>/x.png; copied to out/media/../../x.png it would land in a/b/, beside out/.
    await writeFile(join(parent, 'x.png'), 'not from media/');
    const { meta } = await library.add(article({ blocks: [{ type: 'paragraph', text: 'Body.' }, { type: 'image', text: '', media: '../../x.png' }] }));
    const out = join(parent, 'a', 'b', 'out');
    await mkdir(out, { recursive: true });
    await exportArticles(library, [meta.id], 'html', out);
    expect(await tree(join(parent, 'a'))).toEqual(['b', 'b/out', ...(await tree(out)).map((p) => `b/out/${p}`)].sort());
    expect((await tree(out)).some((p) => p.includes('x.png'))).toBe(false);
    await library.close();
  });
});

describe('OPML import and export', () => {
  const HOSTILE_OPML = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="../../etc"><outline text="/abs" ><outline text="Feed \u202eexe.txt &#1;ctl" xmlUrl="http://127.0.0.1/a.xml"/></outline></outline>
<outline text="javascript" xmlUrl="javascript:alert(1)"/>
<outline text="file" xmlUrl="file:///etc/passwd"/>
</body></opml>`;

  it('imports only web feeds; hostile folder names stay labels; the export re-parses and writes only its file', async () => {
    const parent = await tempDir('kabar-opml-');
    const library = await openLibrary({ dir: join(parent, 'lib') });
    const result = importOpml(library, Buffer.from(HOSTILE_OPML), new Date());
    expect(result.added.map((f) => f.url)).toEqual(['http://127.0.0.1/a.xml']);
    expect(readFeeds(library)[0]?.folder).toEqual(['../../etc', '/abs']);
    const text = exportOpml(library, new Date());
    // XML 1.0 cannot carry most control characters: an export that kept one could never be imported again.
    // eslint-disable-next-line no-control-regex -- that is the check
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(parseOpmlBytes(Buffer.from(text)).feeds.map((f) => f.folder)).toEqual([['../../etc', '/abs']]);
    const cwd = join(parent, 'cwd');
    await mkdir(cwd);
    const options: CommandOptions = { positionals: ['export-opml', 'subs.opml'], tag: [], bookmarked: false, unread: false, trash: false, off: false, cwd };
    const before = await tree(parent);
    await (FEED_COMMANDS.feeds as NonNullable<(typeof FEED_COMMANDS)['feeds']>)(library, options);
    expect((await tree(parent)).filter((p) => !before.includes(p) && !p.startsWith('lib'))).toEqual(['cwd/subs.opml']);
    await library.close();
  });
});

describe('language packs install only inside their own folder', () => {
  async function pack(dir: string, names: Record<string, string>): Promise<void> {
    await mkdir(dir, { recursive: true });
    const files: Record<string, unknown> = {};
    for (const [part, name] of Object.entries(names)) {
      const body = Buffer.from(`${part} bytes`);
      files[part] = { name, size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
      // Names that cannot even be created are still written into the manifest.
      if (/^[^/\0]+$/.test(name) && name !== '.' && name !== '..') await writeFile(join(dir, name), body);
    }
    await writeFile(join(dir, PACK_FILE), JSON.stringify({ format: 'kabar-language-pack', formatVersion: 1, engine: 'bergamot', from: 'en', to: 'es', version: '1', files }));
  }

  const BAD_NAMES = ['../escaped.bin', '../../escaped.bin', '/tmp/absolute.bin', 'sub/dir.bin', '..', '.', '.hidden', 'a\\..\\b.bin', 'nul\u0000.bin'];
  for (const bad of BAD_NAMES) {
    it(`refuses a manifest naming ${JSON.stringify(bad)} and writes nothing`, async () => {
      const parent = await tempDir('kabar-pack-');
      const source = join(parent, 'source');
      await pack(source, { model: bad, lex: 'lex.bin', vocab: 'vocab.spm' });
      const store = new PackStore(join(parent, 'packs'));
      const before = await tree(parent);
      await expect(store.installFromDir(source)).rejects.toMatchObject({ code: 'PACK_INVALID' });
      expect((await tree(parent)).filter((p) => !before.includes(p) && p !== 'packs')).toEqual([]);
    });
  }

  it('refuses a pack file that is a symlink to something else (its checksum cannot match)', async () => {
    const parent = await tempDir('kabar-pack-link-');
    const source = join(parent, 'source');
    await pack(source, { model: 'model.bin', lex: 'lex.bin', vocab: 'vocab.spm' });
    await writeFile(join(parent, 'secret'), 'model bytes but not really');
    await writeFile(join(source, 'model.bin'), '');
    await import('node:fs/promises').then((fs) => fs.rm(join(source, 'model.bin')));
    await symlink(join(parent, 'secret'), join(source, 'model.bin'));
    const store = new PackStore(join(parent, 'packs'));
    await expect(store.installFromDir(source)).rejects.toMatchObject({ code: 'PACK_INVALID' });
    expect(await tree(join(parent, 'packs'))).toEqual([]);
  });
});
