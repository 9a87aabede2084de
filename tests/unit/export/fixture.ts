/**
 * A real library for export tests: the Indonesian seed, the Arabic CNN page, a page with images
 * served from a local HTTP server (PNGs encoded here, the corpus's JPEG and GIF), and an HTML file
 * whose title is a spreadsheet formula.
 */
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { importSources } from '../../../main/core/importer';
import { openLibrary, type Library } from '../../../main/core/store';
import { corpusDataImages, CORPUS, makePng } from './images';

/** The articles of the fixture library, by role. */
export interface Fixture {
  library: Library;
  seed: string;
  arabic: string;
  photos: string;
  formula: string;
  close: () => Promise<void>;
}

export const FORMULA_TITLE = '=HYPERLINK("http://evil.example/x","Click me")';
const FILLER = 'The harbour board met on Tuesday and agreed the new budget for the ferries, the piers and the schools of the town.';

/** Serves /photos.html, an article with four real images (two PNGs, a JPEG, a GIF) with captions. */
export async function photoServer(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const [jpeg, gif] = [corpusDataImages().find((i) => i.type === 'image/jpeg'), corpusDataImages().find((i) => i.type === 'image/gif')];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/a.png' || path === '/b.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(160, 90, path === '/a.png' ? 1 : 2));
    if (path === '/c.jpg' && jpeg) return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg.bytes);
    if (path === '/d.gif' && gif) return void res.writeHead(200, { 'content-type': 'image/gif' }).end(gif.bytes);
    const figures = ['a.png', 'b.png', 'c.jpg', 'd.gif'].map((f, i) => `<figure><img src="/${f}" alt="Picture ${i + 1}"><figcaption>Caption ${i + 1} &amp; more</figcaption></figure>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><title>Ferries in pictures</title></head>
      <body><article><h1>Ferries in pictures</h1><p>${FILLER}</p>${figures.slice(0, 2).join('')}<h2>The piers</h2><p>${FILLER} ${FILLER}</p>
      <ul><li>First <em>point</em></li><li>Second point</li></ul>${figures.slice(2).join('')}<blockquote>${FILLER}</blockquote></article></body></html>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: (p) => `${base}${p}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Opens a library in `dir` and imports the fixture articles (tags: seed, arab, photos, formula; all also "news"). */
export async function buildFixture(dir: string): Promise<Fixture> {
  const photos = await photoServer();
  const formulaFile = join(dir, 'formula.html');
  await writeFile(formulaFile, `<!doctype html><html lang="en"><head><title>${FORMULA_TITLE.replace(/"/g, '&quot;')}</title>
    <link rel="canonical" href="https://evil.example/formula"></head><body><article><p>${FILLER} ${FILLER}</p></article></body></html>`);
  const library = await openLibrary({ dir: join(dir, 'library') });
  const ids: string[] = [];
  for (const [source, tag] of [
    [{ kind: 'path', path: join(CORPUS, 'seed/diplomasi-bayangan.txt') }, 'seed'],
    [{ kind: 'path', path: join(CORPUS, 'articles/newspaper4k/html/arabic_article.html') }, 'arab'],
    [{ kind: 'url', url: photos.url('/photos.html') }, 'photos'],
    [{ kind: 'path', path: formulaFile }, 'formula'],
  ] as const) {
    // A generous image budget for the local photos (this machine is shared); the Arabic page's web images stay pending.
    const summary = await importSources(library, [source], { tags: [tag, 'news'], imageBudgetMs: tag === 'photos' ? 30_000 : undefined });
    const result = summary.results[0];
    if (!result?.ok) throw new Error(`fixture import failed: ${JSON.stringify(result)}`);
    ids.push(result.id);
  }
  await photos.close();
  const [seed, arabic, photo, formula] = ids as [string, string, string, string];
  return { library, seed, arabic, photos: photo, formula, close: () => library.close() };
}
