/**
 * XML attacks on the feed and OPML parsers: entity bombs (billion laughs, quadratic blowup),
 * external entities (files and URLs), external DTDs and parameter entities. A real local server
 * counts every request, so "no DTD fetch" is measured, not assumed. Each case must finish fast,
 * stay small in memory, and give a readable result or a FeedError — never expanded text.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, parseFeedText, parseOpmlBytes, subscribe } from '../../../main/core/feeds';
import { openLibrary } from '../../../main/core/store';
import { tempDir } from '../helpers';

let server: Server;
let base = '';
const hits: string[] = [];
const served = new Map<string, string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (body !== undefined) return void res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    // Anything else is a DTD or entity fetch: answer with a payload that would show if used.
    res.writeHead(200, { 'content-type': 'application/xml-dtd' }).end('<!ENTITY leaked "LEAKED-FROM-SERVER">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const billionLaughs = (root: string, use: string): string => {
  const lol = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE ${root} [${lol.join('')}]>${use.replace(/BOMB/g, '&lol9;')}`;
};
const quadratic = (root: string, use: string): string =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY a "${'x'.repeat(50_000)}">]>${use.replace(/BOMB/g, '&a;'.repeat(20_000))}`;
const externalFile = (root: string, use: string): string =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${use.replace(/BOMB/g, '&xxe;')}`;
const externalUrl = (root: string, use: string): string =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY net SYSTEM "${base}/entity">]>${use.replace(/BOMB/g, '&net;')}`;
const externalDtd = (root: string, use: string): string =>
  `<?xml version="1.0"?><!DOCTYPE ${root} SYSTEM "${base}/evil.dtd">${use.replace(/BOMB/g, '&leaked;')}`;
const parameterEntity = (root: string, use: string): string =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY % remote SYSTEM "${base}/param.dtd">%remote;]>${use.replace(/BOMB/g, '&leaked;')}`;

const ATTACKS = { billionLaughs, quadratic, externalFile, externalUrl, externalDtd, parameterEntity };

const RSS = '<rss version="2.0"><channel><title>T BOMB</title><item><title>I BOMB</title><link>http://e.org/1</link><description>D BOMB</description></item></channel></rss>';
const ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><title>T BOMB</title><entry><id>1</id><title>I BOMB</title><link href="http://e.org/1"/></entry></feed>';
const OPML = '<opml version="2.0"><head><title>T BOMB</title></head><body><outline text="F BOMB" xmlUrl="http://e.org/feed"/></body></opml>';

/** Runs a parse, timing it and measuring heap growth; returns all text it produced (or the error). */
function attempt(parse: () => unknown): { text: string; ms: number; heapMb: number } {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  let text = '';
  try {
    text = JSON.stringify(parse());
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    text = (error as Error).message;
  }
  return { text, ms: performance.now() - start, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 / 1024 };
}

function expectHarmless(r: { text: string; ms: number; heapMb: number }): void {
  expect(r.ms).toBeLessThan(3000);
  expect(r.heapMb).toBeLessThan(100);
  expect(r.text.length).toBeLessThan(2_000_000);
  expect(r.text).not.toMatch(/lollollol|x{100000}|root:|LEAKED/);
}

describe('feed and OPML parsers resolve no entities and fetch nothing', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`RSS: ${name}`, () => expectHarmless(attempt(() => parseFeedText(attack('rss', RSS)))));
    it(`Atom: ${name}`, () => expectHarmless(attempt(() => parseFeedText(attack('feed', ATOM)))));
    it(`OPML: ${name}`, () => expectHarmless(attempt(() => parseOpmlBytes(Buffer.from(attack('opml', OPML))))));
  }

  it('subscribing to a bomb served over HTTP stores nothing expanded and fetches no DTD or entity', async () => {
    const library = await openLibrary({ dir: await tempDir('kabar-xml-') });
    try {
      for (const [name, attack] of Object.entries(ATTACKS)) {
        served.set(`/${name}.xml`, attack('rss', RSS));
        const result = await subscribe(library, `${base}/${name}.xml`, { hostGapMs: 0, captureImages: false }).catch((e: unknown) => {
          expect(e).toBeInstanceOf(FeedError);
          return null;
        });
        if (result?.kind === 'subscribed') expect(result.feed.title).not.toMatch(/lollol|xxxxx|root:|LEAKED/);
      }
      for (const id of library.ids()) {
        const article = await library.get(id);
        expect(JSON.stringify(article)).not.toMatch(/lollollol|x{1000}|root:|LEAKED/);
      }
    } finally {
      await library.close();
    }
    // Only the feeds themselves were requested: no DTD, no entity, no parameter entity.
    expect(hits.filter((h) => !/^\/\w+\.xml$/.test(h))).toEqual([]);
  });
});
