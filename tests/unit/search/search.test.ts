import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSearchIndex, type SearchIndex } from '../../../main/core/search/index';
import { loadSources, pageText, readCorpus } from './corpus';

let root: string;
let ix: SearchIndex;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-search-'));
  ix = await openSearchIndex(path.join(root, 'index'));
});

afterEach(async () => {
  await ix.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const ids = (q: string, opts?: Parameters<SearchIndex['search']>[1]): string[] => ix.search(q, opts).map((m) => m.id);

async function addCorpus(): Promise<void> {
  await ix.add('seed', { title: 'Diplomasi Bayangan: Kontak Langsung Bos MI6 dan Intelijen Rusia', body: readCorpus('seed/diplomasi-bayangan.txt') });
  for (const name of ['chinese_article', 'japanese_article', 'thai_article', 'arabic_article', 'cnn_article', 'spanish_article']) {
    await ix.add(name, { title: '', body: readCorpus(`articles/newspaper4k/txt/${name}.txt`) });
  }
  await ix.add('lemonde', { title: 'Le projet de loi sur le renseignement', body: pageText('lemonde-1') });
  await ix.add('yahoo-ja', { title: '', body: pageText('yahoo-4') });
}

describe('search', () => {
  it('starts empty and reports a fresh index as needing a rebuild', () => {
    expect(ix.size()).toBe(0);
    expect(ix.status).toBe('created');
    expect(ix.needsRebuild).toBe(true);
    expect(ix.search('anything')).toEqual([]);
    expect(ix.search('   ')).toEqual([]);
  });

  it('matches the last word as a prefix and reports the indexed terms that matched', async () => {
    await ix.add('a', { title: 'Economy', body: 'The economic outlook of the economy.' });
    await ix.add('b', { title: 'Weather', body: 'Rain again.' });
    const hits = ix.search('econ');
    expect(hits.map((h) => h.id)).toEqual(['a']);
    expect(hits[0].terms.sort()).toEqual(['economic', 'economy']);
    expect(ids('ra')).toEqual(['b']);
  });

  it('is diacritics- and case-insensitive in both directions', async () => {
    await ix.add('a', { title: 'Un café à Moskôw', body: '' });
    await ix.add('b', { title: 'A cafe in Moskow', body: '' });
    expect(ids('CAFE').sort()).toEqual(['a', 'b']);
    expect(ids('café moskow').sort()).toEqual(['a', 'b']);
    expect(ids('Moskôw').sort()).toEqual(['a', 'b']);
  });

  it('ANDs the words of a query', async () => {
    await ix.add('both', { title: '', body: 'climate policy and energy' });
    await ix.add('one', { title: '', body: 'climate only' });
    expect(ids('climate')).toHaveLength(2);
    expect(ids('climate energy')).toEqual(['both']);
    expect(ids('climate nothinglikethis')).toEqual([]);
  });

  it('ranks a title hit above body-only hits', async () => {
    await ix.add('body1', { title: 'Sports roundup', body: 'Elections were mentioned. Elections again. And elections.' });
    await ix.add('title', { title: 'Elections in Indonesia', body: 'The vote was calm.' });
    await ix.add('body2', { title: 'Markets', body: 'Investors ignored the elections.' });
    expect(ids('elections')[0]).toBe('title');
  });

  it('ranks an exact word above a longer completion of it', async () => {
    await ix.add('long', { title: '', body: 'cathedral' });
    await ix.add('exact', { title: '', body: 'cat' });
    expect(ids('cat')).toEqual(['exact', 'long']);
  });

  it('finds Chinese, Japanese, Thai, Arabic, Spanish, French and Indonesian text', async () => {
    await addCorpus();
    expect(ids('梁振英')).toEqual(['chinese_article']);
    expect(ids('香港')).toContain('chinese_article');
    expect(ids('振')).toContain('chinese_article'); // one character
    expect(ids('金正恩')).toContain('japanese_article');
    expect(ids('習近平')).toContain('japanese_article');
    expect(ids('ประเทศ')).toEqual(['thai_article']);
    expect(ids('دمشق')).toEqual(['arabic_article']);
    expect(ids('الرئيس بشار')).toEqual(['arabic_article']);
    expect(ids('renseignement')).toContain('lemonde');
    expect(ids('intelijen rusia')).toEqual(['seed']);
    expect(ids('diplomasi')).toEqual(['seed']);
    expect(ids('Moskow')).toContain('seed');
    expect(ids('sergei naryshkin')).toEqual(['seed']);
  });

  it('finds every corpus source by a word of its own', async () => {
    const sources = loadSources().slice(0, 40);
    await Promise.all(sources.map((s, i) => ix.add(`s${i}`, { title: s.title, body: `${s.paragraphs.join('\n\n')} uniqword${i}x` })));
    expect(ix.size()).toBe(sources.length);
    sources.forEach((_, i) => expect(ids(`uniqword${i}x`)).toEqual([`s${i}`]));
  });

  it('honours limit and filter', async () => {
    for (let i = 0; i < 30; i++) await ix.add(`d${i}`, { title: '', body: `common word ${'filler '.repeat(i)}` });
    expect(ids('common', { limit: 5 })).toHaveLength(5);
    expect(ids('common')).toHaveLength(30);
    const even = ids('common', { filter: (id) => Number(id.slice(1)) % 2 === 0 });
    expect(even).toHaveLength(15);
    expect(even.every((id) => Number(id.slice(1)) % 2 === 0)).toBe(true);
    expect(ids('common', { limit: 0 })).toEqual([]);
  });

  it('removes and replaces documents, before and after compaction', async () => {
    await ix.add('x', { title: 'alpha', body: 'first version' });
    await ix.add('y', { title: 'beta', body: 'other' });
    expect(ids('first')).toEqual(['x']);
    await ix.add('x', { title: 'alpha', body: 'second version' });
    expect(ix.size()).toBe(2);
    expect(ids('first')).toEqual([]);
    expect(ids('second')).toEqual(['x']);
    await ix.compact();
    expect(ids('second')).toEqual(['x']);
    await ix.add('x', { title: 'alpha', body: 'third version' });
    expect(ids('second')).toEqual([]);
    expect(ids('third')).toEqual(['x']);
    await ix.remove('y');
    await ix.remove('never-added');
    expect(ix.has('y')).toBe(false);
    expect(ids('beta')).toEqual([]);
    expect(ix.size()).toBe(1);
    await ix.compact();
    expect(ix.size()).toBe(1);
    expect(ids('alpha')).toEqual(['x']);
  });

  it('takes many concurrent adds through one group-committed log', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => ix.add(`c${i}`, { title: `title ${i}`, body: `body number${i}` })));
    expect(ix.size()).toBe(200);
    expect(ids('number199')).toEqual(['c199']);
    expect(ids('title')).toHaveLength(50);
  });
});
