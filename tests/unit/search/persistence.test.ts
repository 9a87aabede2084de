import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSearchIndex, type SearchIndex } from '../../../main/core/search/index';
import { readCorpus } from './corpus';

let root: string;
let dir: string;
const open: SearchIndex[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-search-'));
  dir = path.join(root, 'index');
});

afterEach(async () => {
  for (const ix of open.splice(0)) await ix.close().catch(() => undefined);
  fs.rmSync(root, { recursive: true, force: true });
});

async function reopen(opts?: Parameters<typeof openSearchIndex>[1]): Promise<SearchIndex> {
  const ix = await openSearchIndex(dir, opts);
  open.push(ix);
  return ix;
}

async function closeAll(): Promise<void> {
  for (const ix of open.splice(0)) await ix.close();
}

const seed = readCorpus('seed/diplomasi-bayangan.txt');
const cnn = readCorpus('articles/newspaper4k/txt/cnn_article.txt');
const zh = readCorpus('articles/newspaper4k/txt/chinese_article.txt');
const ids = (ix: SearchIndex, q: string): string[] => ix.search(q).map((m) => m.id).sort();
const file = (prefix: string): string => path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(prefix)) ?? 'missing');

describe('persistence', () => {
  it('keeps delta-only documents across close and reopen', async () => {
    const ix = await reopen();
    await ix.add('seed', { title: 'Diplomasi Bayangan', body: seed });
    await ix.add('cnn', { title: 'CNN', body: cnn });
    await ix.remove('cnn');
    await closeAll();
    const again = await reopen();
    expect(again.status).toBe('ok');
    expect(again.needsRebuild).toBe(false);
    expect(again.size()).toBe(1);
    expect(ids(again, 'intelijen')).toEqual(['seed']);
    expect(again.has('cnn')).toBe(false);
  });

  it('keeps documents across compaction, later adds and removes of compacted docs', async () => {
    const ix = await reopen();
    await ix.add('seed', { title: 'Diplomasi Bayangan', body: seed });
    await ix.add('cnn', { title: 'CNN', body: cnn });
    await ix.add('zh', { title: '香港', body: zh });
    await ix.compact();
    expect(ix.stats().deltaDocs).toBe(0);
    await ix.remove('cnn'); // tombstone of a base doc, only in the log
    await ix.add('zh', { title: '新版本', body: '完全不同的内容' }); // replace a base doc
    await ix.add('new', { title: 'fresh', body: 'a brand new article' });
    await closeAll();

    const again = await reopen();
    expect(again.size()).toBe(3);
    expect(again.has('cnn')).toBe(false);
    expect(ids(again, '梁振英')).toEqual([]);
    expect(ids(again, '内容')).toEqual(['zh']);
    expect(ids(again, 'brand')).toEqual(['new']);
    expect(ids(again, 'diplomasi')).toEqual(['seed']);
    await again.compact();
    await closeAll();
    const third = await reopen();
    expect(third.size()).toBe(3);
    expect(ids(third, 'intelijen')).toEqual(['seed']);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(file('log-')), 'manifest.json', path.basename(file('seg-'))].sort());
  });

  it('compacts by itself past the threshold, while adds go on', async () => {
    const ix = await reopen({ compactAfterDocs: 5 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => ix.add(`d${i}`, { title: `doc ${i}`, body: `word${i}x shared` })));
    const during = ix.compact();
    await ix.add('late', { title: 'late', body: 'added during compaction shared' });
    await ix.remove('d3');
    await during;
    await closeAll();
    const again = await reopen({ compactAfterDocs: 5 });
    expect(again.stats().gen).toBeGreaterThan(0);
    expect(again.size()).toBe(40);
    expect(ids(again, 'shared')).toHaveLength(40);
    expect(ids(again, 'word3x')).toEqual([]);
    expect(ids(again, 'word4x')).toEqual(['d4']);
    expect(ids(again, 'compaction')).toEqual(['late']);
  });
});

describe('crash safety', () => {
  it('drops a torn last log line and keeps every confirmed document', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await ix.add('b', { title: 'two', body: cnn });
    await closeAll();
    const log = file('log-');
    const size = fs.statSync(log).size;
    fs.truncateSync(log, size - 25); // the crash cut the last append short
    const again = await reopen();
    expect(again.status).toBe('ok');
    expect(again.has('a')).toBe(true);
    expect(again.has('b')).toBe(false);
    expect(ids(again, 'intelijen')).toEqual(['a']);
    await again.add('c', { title: 'three', body: 'after the crash' });
    await closeAll();
    const third = await reopen();
    expect(ids(third, 'crash')).toEqual(['c']);
    expect(third.size()).toBe(2);
  });

  it('ignores a half-written segment and an orphan from a compaction cut before its manifest', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await ix.compact();
    await ix.add('b', { title: 'two', body: cnn });
    await closeAll();
    const seg = file('seg-');
    fs.writeFileSync(path.join(dir, 'seg-9.kbs.tmp'), fs.readFileSync(seg).subarray(0, 1000));
    fs.copyFileSync(seg, path.join(dir, 'seg-8.kbs'));
    fs.writeFileSync(path.join(dir, 'log-8.jsonl'), 'garbage');
    const again = await reopen();
    expect(again.status).toBe('ok');
    expect(again.size()).toBe(2);
    expect(ids(again, 'intelijen')).toEqual(['a']);
    expect(fs.existsSync(path.join(dir, 'seg-9.kbs.tmp'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'seg-8.kbs'))).toBe(false);
  });

  it('detects a damaged manifest, moves the folder aside and asks for a rebuild', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await closeAll();
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format":');
    const again = await reopen();
    expect(again.status).toBe('damaged');
    expect(again.needsRebuild).toBe(true);
    expect(again.damage).toMatch(/manifest/);
    expect(again.size()).toBe(0);
    expect(fs.existsSync(`${dir}.damaged`)).toBe(true);
    await again.add('a', { title: 'one', body: seed });
    expect(ids(again, 'intelijen')).toEqual(['a']);
  });

  it('detects a truncated segment and a corrupt line in the middle of the log', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await ix.compact();
    await closeAll();
    const seg = file('seg-');
    fs.truncateSync(seg, fs.statSync(seg).size - 3);
    expect((await reopen()).status).toBe('damaged');
    await closeAll();

    const ix2 = await reopen();
    await ix2.add('a', { title: 'one', body: 'first' });
    await ix2.add('b', { title: 'two', body: 'second' });
    await closeAll();
    const log = file('log-');
    const bytes = fs.readFileSync(log);
    bytes[20] = bytes[20] === 0x61 ? 0x62 : 0x61; // flip a byte inside the first line
    fs.writeFileSync(log, bytes);
    const again = await reopen();
    expect(again.status).toBe('damaged');
    expect(again.damage).toMatch(/corrupt/);
  });

  it('detects a bucket that fails its checksum at query time', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await ix.compact();
    await closeAll();
    const seg = file('seg-');
    const bytes = fs.readFileSync(seg);
    const dataEnd = bytes.length - 16 - bytes.readUInt32LE(bytes.length - 16);
    for (let i = 8; i < dataEnd; i++) bytes[i] ^= 0x01; // bucket blobs only: the footer stays valid
    fs.writeFileSync(seg, bytes);
    const reasons: string[] = [];
    const again = await reopen({ onDamaged: (r) => reasons.push(r) });
    expect(again.status).toBe('ok');
    expect(again.search('intelijen')).toEqual([]); // the bucket is skipped, the query goes on
    expect(again.status).toBe('damaged');
    expect(again.needsRebuild).toBe(true);
    expect(reasons[0]).toMatch(/checksum/);
    await again.reset();
    expect(again.needsRebuild).toBe(false);
    expect(again.size()).toBe(0);
    await again.add('a', { title: 'one', body: seed });
    expect(ids(again, 'intelijen')).toEqual(['a']);
  });

  it('reports damage found by a compaction and leaves the committed index untouched', async () => {
    const ix = await reopen();
    await ix.add('a', { title: 'one', body: seed });
    await ix.compact();
    await closeAll();
    const seg = file('seg-');
    const bytes = fs.readFileSync(seg);
    bytes[9] ^= 0x01;
    fs.writeFileSync(seg, bytes);
    const again = await reopen();
    await again.add('b', { title: 'two', body: 'more' });
    await expect(again.compact()).rejects.toThrow(/checksum/);
    expect(again.needsRebuild).toBe(true);
    expect(path.basename(file('seg-'))).toBe(path.basename(seg));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing index as created, and files without a manifest as damaged', async () => {
    const ix = await reopen();
    expect(ix.status).toBe('created');
    await closeAll();
    expect((await reopen()).status).toBe('ok');
    await closeAll();
    fs.rmSync(path.join(dir, 'manifest.json'));
    expect((await reopen()).status).toBe('damaged');
  });
});

describe('killed mid-write', () => {
  it('keeps every confirmed add and remove when the process is killed at random points', async () => {
    const { spawn } = await import('node:child_process');
    const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');
    for (const stopAt of [5, 23, 61]) {
      fs.rmSync(dir, { recursive: true, force: true });
      const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const added = new Set<number>();
      const removed = new Set<number>();
      let rest = '';
      await new Promise<void>((resolve) => {
        proc.stdout.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString()).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) (line.startsWith('a ') ? added : removed).add(Number(line.slice(2)));
          if (added.size > stopAt) proc.kill('SIGKILL');
        });
        proc.on('exit', () => resolve());
      });
      const ix = await reopen();
      expect(ix.status).toBe('ok');
      for (const i of added) {
        // A remove whose confirmation the kill swallowed may or may not have reached the disk.
        if (!removed.has(i) && i % 3 === 1 && added.has(i + 1)) continue;
        expect(ix.has(`doc${i}`)).toBe(!removed.has(i));
        expect(ids(ix, `uniq${i}q`)).toEqual(removed.has(i) ? [] : [`doc${i}`]);
      }
      await closeAll();
    }
  });
});
