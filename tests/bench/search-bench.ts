/**
 * Search index micro benchmark: builds a 10,000-article index from the shared corpus, compacts it,
 * then measures open / search / add / remove / RSS in a FRESH child process, as the app would meet
 * them at start-up. Prints one JSON line.
 *
 *   npx tsx tests/bench/search-bench.ts [--docs N] [--keep]
 *   MINISEARCH_MODULE=/path/to/minisearch/dist/es/index.js npx tsx tests/bench/search-bench.ts
 *     (also times loading a MiniSearch JSON dump of the same docs, the design this one avoids)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSearchIndex, type SearchDoc } from '../../main/core/search/index';
import { warmUp } from '../../main/core/search/warmup';
import { loadSources, type SourceText } from '../unit/search/corpus';

const QUERIES = [
  'president', 'government', 'the', 'climate change', 'police said', 'technology', 'apple iphone', 'mozilla',
  'firefox', 'election', 'econ', 'gov', 'inter', 'new york', 'united states', 'intelijen', 'rusia',
  'diplomasi bayangan', 'perang', 'moskow', 'kepala badan', 'président', 'gouvernement', 'etat', 'fran',
  'indigenas', 'presidente', 'datenbank', '中国', '北京', '经济', '记者', '人', '東京', '日本', '政府',
  'ประเทศ', 'สุรชัย', 'الرئيس', 'دمشق', '회장', 'भारत', 'a', 'th', 'co', 'kbx1a', 'covid', 'bolsonaro',
  'javascript engine', 'cafe',
];

const RUNS = 3;
const DELTA = 149; // just under the default compaction threshold (150 docs / 1.5 MiB)

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Doc i: a source's paragraphs shuffled, topped up from another source, plus a word only it has. */
function makeDoc(i: number, sources: SourceText[]): SearchDoc {
  const r = rng(i * 7919 + 1);
  const src = sources[i % sources.length];
  const target = (CJK.test(src.paragraphs.join('').slice(0, 400)) ? 1500 : 5500) + Math.floor(r() * 3500);
  const paras = src.paragraphs.slice();
  for (let k = paras.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [paras[k], paras[j]] = [paras[j], paras[k]];
  }
  const out: string[] = [];
  let n = 0;
  for (let guard = 0; n < target && guard < 200; guard++) {
    const p = guard < paras.length ? paras[guard] : sources[Math.floor(r() * sources.length)].paragraphs[0];
    out.push(p);
    n += p.length;
  }
  let body = out.join('\n\n');
  if (body.length > target + 2000) body = body.slice(0, target + 2000);
  // 82 sources have a small vocabulary; real news adds names and rare words all the time. ~80 words
  // per doc from a 300k-word log-uniform (Zipf-like) vocabulary give the index a realistic term count.
  const rare = Array.from({ length: 80 }, () => pseudoWord(Math.floor(Math.exp(r() * Math.log(300_000)))));
  return { title: `${src.title} ${i}`, body: `${body}\n\n${rare.join(' ')} kbx${i.toString(36)}` };
}

const SYL = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu wa we wi ya yo za zo ga go ha ho pa pe po fa fi'.split(' ');

/** A pronounceable pseudo-word for vocabulary rank k (distinct k, distinct word; varied prefixes). */
function pseudoWord(k: number): string {
  let w = '';
  for (let x = k + SYL.length; x > 0; x = Math.floor(x / SYL.length)) w += SYL[x % SYL.length];
  return w;
}

function pct(xs: number[], p: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2);
}

/** Per-key median of several runs' numbers (strings from the middle run). */
function median(rs: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(rs[0])) {
    const vs = rs.map((r) => r[k]);
    out[k] = typeof vs[0] === 'number' ? (vs as number[]).slice().sort((a, b) => a - b)[Math.floor(vs.length / 2)] : vs[Math.floor(vs.length / 2)];
  }
  return out;
}

function dirBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

/** RSS now, in MiB. */
function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

function runChild(args: string[]): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, ['--import', 'tsx', self, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`child failed: ${res.stderr}`);
  const line = res.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Record<string, unknown>;
}

/** Fresh-process measurements against an existing index. */
async function child(dir: string, mode: string, total: number): Promise<void> {
  const rss0 = rssMb();
  if (mode === 'minisearch') {
    const mod = (await import(process.env.MINISEARCH_MODULE ?? 'minisearch')) as { default: { loadJSON(json: string, opts: object): unknown } };
    const t0 = performance.now();
    const json = fs.readFileSync(path.join(dir, 'minisearch.json'), 'utf8');
    mod.default.loadJSON(json, { fields: ['title', 'body'] });
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ minisearch_load_ms: Math.round(ms), minisearch_rss_mb: rssMb() }));
    return;
  }
  // Open includes the once-per-process warm-up (segmenter, regexes, query code); timed apart too.
  const tw = performance.now();
  warmUp();
  const warmup_ms = +(performance.now() - tw).toFixed(1);
  const t0 = performance.now();
  const ix = await openSearchIndex(dir);
  const open_ms = +(performance.now() - t0 + warmup_ms).toFixed(1);
  const open_without_warmup_ms = +(performance.now() - t0).toFixed(1);
  if (mode === 'open') {
    console.log(JSON.stringify({ open_ms, open_without_warmup_ms, docs: ix.size(), delta_docs: ix.stats().deltaDocs }));
    await ix.close();
    return;
  }
  const times: number[] = [];
  const zero: string[] = [];
  for (const q of QUERIES) {
    const s = performance.now();
    const hits = ix.search(q, { limit: 20 });
    times.push(performance.now() - s);
    if (hits.length === 0) zero.push(q);
  }
  const rss_mb = rssMb();
  const sources = loadSources();
  const addT: number[] = [];
  const remT: number[] = [];
  for (let k = 0; k < 30; k++) {
    const doc = makeDoc(total + k, sources);
    const s = performance.now();
    await ix.add(`new-${k}`, doc);
    addT.push(performance.now() - s);
  }
  for (let k = 0; k < 30; k++) {
    const s = performance.now();
    await ix.remove(`doc-${k * 37}`);
    remT.push(performance.now() - s);
  }
  const res = {
    open_ms,
    open_without_warmup_ms,
    warmup_ms,
    search_first_ms: +times[0].toFixed(2),
    search_p50_ms: pct(times, 50),
    search_p95_ms: pct(times, 95),
    search_max_ms: pct(times, 100),
    zero_hit_queries: zero.join(' '),
    slowest: QUERIES.map((q, i) => [q, +times[i].toFixed(1)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([q, t]) => `${q}:${t}`)
      .join(' '),
    add_ms_p50: pct(addT, 50),
    add_ms_p95: pct(addT, 95),
    remove_ms_p95: pct(remT, 95),
    rss_mb,
    rss_base_mb: rss0,
    cached_bucket_mb: +(ix.stats().cachedBucketBytes / 2 ** 20).toFixed(1),
  };
  await ix.close();
  console.log(JSON.stringify(res));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const ci = argv.indexOf('--child');
  if (ci >= 0) return child(argv[ci + 1], argv[ci + 2], Number(argv[ci + 3]));
  const nArg = argv.indexOf('--docs');
  const N = nArg >= 0 ? Number(argv[nArg + 1]) : 10_000;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-search-bench-'));
  const dir = path.join(root, 'index');
  const sources = loadSources();
  const docs = Array.from({ length: N }, (_, i) => makeDoc(i, sources));
  const words = docs.reduce((n, d) => n + d.body.split(/\s+/).length, 0);

  const t0 = performance.now();
  const ix = await openSearchIndex(dir);
  for (let i = 0; i < N; i += 64) {
    // Concurrent adds share one fsync (group commit), as a rebuild would issue them.
    await Promise.all(docs.slice(i, i + 64).map((d, k) => ix.add(`doc-${i + k}`, d)));
  }
  await ix.compact();
  const build_s = (performance.now() - t0) / 1000;
  await ix.close();
  const index_mb = dirBytes(dir) / 2 ** 20;

  // Each fresh-process run gets its own copy: the runs add and remove documents.
  const copy = (name: string): string => {
    const to = path.join(root, name);
    fs.cpSync(dir, to, { recursive: true });
    return to;
  };
  const runs = Array.from({ length: RUNS }, (_, r) => runChild(['--child', copy(`run-${r}`), 'full', String(N)]));
  const fresh = median(runs);

  // Worst case at open: a full delta (just under the compaction threshold) still in the log.
  const deltaDir = copy('delta');
  const ix2 = await openSearchIndex(deltaDir, { compactAfterDocs: 1e9, compactAfterBytes: 1e12 });
  const extra = Array.from({ length: DELTA }, (_, k) => makeDoc(N + 100 + k, sources));
  for (let i = 0; i < extra.length; i += 64) await Promise.all(extra.slice(i, i + 64).map((d, k) => ix2.add(`delta-${i + k}`, d)));
  await ix2.close();
  const withDelta = median(Array.from({ length: RUNS }, () => runChild(['--child', deltaDir, 'open', String(N)])));
  // What one compaction of that delta into the full base costs (the import pipeline pays it every DELTA adds).
  const ix3 = await openSearchIndex(deltaDir, { compactAfterDocs: 1e9, compactAfterBytes: 1e12 });
  const tc = performance.now();
  await ix3.compact();
  const compact_ms = Math.round(performance.now() - tc);
  await ix3.close();

  // Import pipeline pace: one awaited add after another (tokenize + log + fsync), default thresholds,
  // so the background compactions it triggers are paid inside the measured time.
  const ix4 = await openSearchIndex(copy('import'));
  const more = Array.from({ length: 600 }, (_, k) => makeDoc(N + 5000 + k, sources));
  const ti = performance.now();
  for (let k = 0; k < more.length; k++) await ix4.add(`import-${k}`, more[k]);
  await ix4.compact();
  const import_docs_per_s = Math.round(more.length / ((performance.now() - ti) / 1000));
  await ix4.close();

  let mini: Record<string, unknown> = {};
  if (process.env.MINISEARCH_MODULE) {
    const mod = (await import(process.env.MINISEARCH_MODULE)) as {
      default: new (o: object) => { addAll(d: object[]): void; toJSON(): unknown };
    };
    const ms = new mod.default({ fields: ['title', 'body'] });
    const tb = performance.now();
    ms.addAll(docs.map((d, i) => ({ id: i, ...d })));
    fs.writeFileSync(path.join(root, 'minisearch.json'), JSON.stringify(ms));
    mini = { minisearch_build_s: +((performance.now() - tb) / 1000).toFixed(1), minisearch_json_mb: +(fs.statSync(path.join(root, 'minisearch.json')).size / 2 ** 20).toFixed(1) };
    mini = { ...mini, ...runChild(['--child', root, 'minisearch', String(N)]) };
  }
  if (!argv.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
  const out = {
    bench: 'search',
    docs: N,
    avg_words: Math.round(words / N),
    build_s: +build_s.toFixed(1),
    index_mb: +index_mb.toFixed(1),
    runs: RUNS,
    ...fresh,
    search_p95_ms_each_run: runs.map((r) => r.search_p95_ms),
    open_ms_each_run: runs.map((r) => r.open_ms),
    [`open_ms_with_${DELTA}_delta`]: withDelta.open_ms,
    [`open_without_warmup_ms_with_${DELTA}_delta`]: withDelta.open_without_warmup_ms,
    [`compact_ms_${DELTA}_into_${N}`]: compact_ms,
    import_docs_per_s,
    ...mini,
    ...(argv.includes('--keep') ? { dir: root } : {}),
  };
  console.log(JSON.stringify(out));
}

await main();
