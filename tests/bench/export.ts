/**
 * Export benchmark (issue 12): 100 corpus articles with their images are imported from a local
 * HTTP server (the pages' images replaced by real PNG files encoded here, the corpus's JPEG),
 * then the time to write them as one EPUB 3 book (`epub_100_s`, budget ≤ 5 s) and as wallabag
 * JSON is measured. Prints one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportLibrary } from '../../main/core/export';
import { importSources, type ImportSource } from '../../main/core/importer';
import { openLibrary } from '../../main/core/store';
import { corpusDataImages, makePng } from '../unit/export/images';
import { CORPUS } from './library';

const WANTED = 100;

/** Corpus HTML pages by name: Readability's test pages and newspaper4k's. */
function corpusPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const name of readdirSync(join(CORPUS, 'pages')).sort()) pages.set(name, join(CORPUS, 'pages', name, 'source.html'));
  for (const file of readdirSync(join(CORPUS, 'articles/newspaper4k/html')).sort()) pages.set(file.replace(/\.html$/, ''), join(CORPUS, 'articles/newspaper4k/html', file));
  return pages;
}

async function main(): Promise<void> {
  const pages = corpusPages();
  const jpeg = corpusDataImages().find((i) => i.type === 'image/jpeg');
  // Each page's <img> sources point back at this server, which answers each with its own real image.
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const image = /^\/img\/(\d+)\.(png|jpg)$/.exec(path);
    if (image) {
      const n = Number(image[1]);
      if (image[2] === 'jpg' && jpeg) return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg.bytes);
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(320, 200, n));
    }
    const file = pages.get(path.split('/')[2] ?? '');
    if (!file) return void res.writeHead(404).end();
    let n = path.length * 1000;
    const html = readFileSync(file, 'utf8').replace(/(<img\b[^>]*?\bsrc=)("[^"]*"|'[^']*')/gi, (_m, head: string) => `${head}"/img/${n++}.${n % 5 === 0 ? 'jpg' : 'png'}"`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), 'kabar-bench-export-'));
  try {
    const library = await openLibrary({ dir: join(dir, 'library') });
    const ids: string[] = [];
    // Two passes under different paths give different articles (ids come from the URL) until there are 100.
    for (const pass of ['a', 'b']) {
      const sources: ImportSource[] = [...pages.keys()].map((name) => ({ kind: 'url', url: `${base}/${pass}/${name}` }));
      const summary = await importSources(library, sources, { imageBudgetMs: 60_000 });
      for (const r of summary.results) if (r.ok && ids.length < WANTED) ids.push(r.id);
      if (ids.length >= WANTED) break;
    }
    server.close();
    const started = performance.now();
    const book = await exportLibrary(library, { format: 'epub', out: join(dir, 'book.epub'), ids });
    const epubS = (performance.now() - started) / 1000;
    const jsonStarted = performance.now();
    await exportLibrary(library, { format: 'wallabag-json', out: join(dir, 'wallabag.json'), ids });
    const jsonS = (performance.now() - jsonStarted) / 1000;
    await library.close();
    const round = (x: number, d = 100): number => Math.round(x * d) / d;
    console.log(
      JSON.stringify({
        epub_100_s: round(epubS),
        epub_100_articles: book.articles,
        epub_100_images: book.images,
        epub_100_mb: round(book.bytes / 1024 / 1024, 10),
        wallabag_json_100_s: round(jsonS),
        export_load: round(loadavg()[0] ?? 0, 10),
      }),
    );
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
