/**
 * Run by tests/bench/run.ts in a fresh process over a built library folder: prints one
 * JSON line of store timings. `--parse-floor` only times JSON.parse of library.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../../main/core/store';
import { percentile } from './paint';

const QUERIES = [
  'intelijen', 'diplomasi bayangan', 'moskow', 'rusia', 'naryshkin', 'the', 'firefox', 'readability',
  'président', 'president', 'gouvernement', 'política', 'gobierno', 'regierung', 'datenschutz', 'apple',
  'google', 'climate', 'election', 'intel', 'bitcoin', 'space', 'wikipedia', 'mozilla', 'linux',
  '中国', '日本', 'ข่าว', 'سوريا', 'القاهرة', 'zq1a', 'zq2b', 'kata unik', 'pengujian', 'catatan 42',
  'ber', 'inte', 'mo', 'a', 'news report', 'science', 'music', 'police', 'court', 'health',
  'economy', 'parlamento', 'développement', 'café', 'cafe',
];

async function measure(dir: string): Promise<Record<string, number>> {
  let t = performance.now();
  const library = await openLibrary({ dir });
  const openMs = performance.now() - t;

  t = performance.now();
  await library.search('intelijen');
  const firstSearchMs = performance.now() - t;
  const rssMb = process.memoryUsage().rss / 2 ** 20;

  t = performance.now();
  const page = library.list({ limit: 50 });
  const listMs = performance.now() - t;

  const searchTimes: number[] = [];
  for (const q of QUERIES) {
    t = performance.now();
    await library.search(q, 20);
    searchTimes.push(performance.now() - t);
  }

  const tagTimes: number[] = [];
  page.items.forEach((meta, i) => {
    t = performance.now();
    if (i % 2 === 0) library.addTags(meta.id, ['bench']);
    else library.removeTags(meta.id, ['bench']);
    tagTimes.push(performance.now() - t);
  });
  await library.close();
  return {
    open_ms: openMs,
    first_search_ms: firstSearchMs,
    list_ms: listMs,
    search_p50_ms: percentile(searchTimes, 50),
    search_p95_ms: percentile(searchTimes, 95),
    tag_p95_ms: percentile(tagTimes, 95),
    rss_mb: rssMb,
  };
}

function parseFloor(dir: string): Record<string, number> {
  const text = readFileSync(join(dir, 'library.json'), 'utf8');
  const t = performance.now();
  JSON.parse(text);
  return { parse_floor_ms: performance.now() - t, library_json_mb: Buffer.byteLength(text) / 2 ** 20 };
}

const [dir, mode] = process.argv.slice(2) as [string, string | undefined];
console.log(JSON.stringify(mode === '--parse-floor' ? parseFloor(dir) : await measure(dir)));
