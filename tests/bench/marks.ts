/**
 * Highlights, smart views and rules (issue 13) on a 10,000-article library with 50,000 highlights,
 * built from the corpus in a temp folder and measured in this process after a fresh open. Prints one
 * JSON line: smart_view_count_ms (20 views counted together, median of 5; budget ≤ 50),
 * highlight_search_p95_ms (40 queries; ≤ 25), rule_apply_10k_ms (3 rules over every article; ≤ 2000),
 * and what they cost around them (catalog load, first search). `KABAR_BENCH_ARTICLES` scales it down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRule, addView, applyRules, catalogOf, countViews, openLibrary } from '../../main/core/store';
import { addHighlights } from './marks-library';
import { ARTICLES, buildLibrary, corpusFiles } from './library';
import { percentile } from './paint';

const VIEWS = [
  'tag:tag1', 'is:unread', 'is:highlighted', 'lang:en', 'has:translation', 'before:2020-01-01', 'after:2023-06-01',
  '-tag:tag2 is:unread', 'catatan', 'is:bookmarked', 'tag:tag3 OR tag:tag4', 'site:example.com', 'intelijen',
  'police OR polisi', 'lang:id -is:read', '"Sir Richard Moore"', 'government tag:tag5', '(tag:tag6 OR is:bookmarked) -lang:en',
  'is:highlighted is:unread', 'has:note',
];

const SEARCHES = [
  'the', 'catatan', 'intelijen', 'government', 'police', 'rusia', 'minister', 'kata', 'ruang', 'london', 'presiden', 'market',
  'said', 'year', 'people', 'city', 'water', 'school', 'health', 'war', 'moore', 'zq1', 'zq2a', 'unik', 'pengujian', 'pene',
  'intel rus', 'new york', 'bank', 'china', 'europe', 'court', 'election', 'energy', 'football', 'music', 'science', 'travel',
  'note 42', 'nothing-matches-this',
];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-marks-'));
  try {
    const { pages, texts } = await corpusFiles();
    const [, buildMs] = await timed(() => buildLibrary(dir, [...pages, ...texts]));
    let library = await openLibrary({ dir });
    // As in the app, the catalog is loaded before highlights are made (it learns each one as it is saved).
    await catalogOf(library).ready();
    const [highlights, highlightMs] = await timed(() => addHighlights(library));
    for (const q of VIEWS) addView(library, { name: q, query: q });
    await catalogOf(library).save();
    await library.close();

    // A fresh open, as the app starts: the catalog loads from its cache.
    library = await openLibrary({ dir });
    const [, catalogMs] = await timed(() => catalogOf(library).ready());
    const [firstCounts, countFirstMs] = await timed(() => countViews(library));
    const countRuns: number[] = [];
    for (let i = 0; i < 5; i++) countRuns.push((await timed(() => countViews(library)))[1]);

    const [, searchFirstMs] = await timed(() => catalogOf(library).search(SEARCHES[0] as string));
    const searchMs: number[] = [];
    let found = 0;
    for (const q of SEARCHES) {
      const [hits, ms] = await timed(() => catalogOf(library).search(q, 20));
      searchMs.push(ms);
      found += hits.length;
      if (process.env.KABAR_BENCH_VERBOSE) console.error(`search ${JSON.stringify(q)}: ${ms.toFixed(1)} ms, ${hits.length} hits`);
    }

    addRule(library, { query: 'tag:tag1 OR tag:tag2', actions: { addTags: ['politics'] } });
    addRule(library, { query: 'is:highlighted catatan', actions: { markRead: true } });
    addRule(library, { query: 'tag:politics -is:bookmarked', actions: { bookmark: true } });
    const [report, ruleMs] = await timed(() => applyRules(library));
    await library.close();

    const r = (x: number): number => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        marks_articles: ARTICLES,
        marks_highlights: highlights,
        marks_build_s: r((buildMs + highlightMs) / 1000),
        highlight_catalog_load_ms: r(catalogMs),
        smart_view_count_ms: r(percentile(countRuns, 50)),
        smart_view_count_first_ms: r(countFirstMs),
        smart_views: firstCounts.length,
        smart_view_errors: firstCounts.filter((c) => c.count === null).length,
        highlight_search_p95_ms: r(percentile(searchMs, 95)),
        highlight_search_p50_ms: r(percentile(searchMs, 50)),
        highlight_search_first_ms: r(searchFirstMs),
        highlight_search_hits: found,
        rule_apply_10k_ms: r(ruleMs),
        rule_apply_changed: report.changed,
        // The machine's 1-minute load average: figures taken on a busy machine read high.
        marks_load: r(loadavg()[0] as number),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
