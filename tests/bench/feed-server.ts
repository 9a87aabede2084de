/**
 * The feed benchmarks' fixture: `feeds` synthetic RSS feeds × `items` items, each feed on its
 * own loopback host (127.0.0.1–127.0.0.254, as separate sites would be), served by a real local
 * HTTP server with ETags (a conditional GET gets a 304), and feed records to store them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedId, type FeedRecord } from '../../main/core/feeds';

const WORDS = 'the city council met on tuesday to discuss the new budget for schools roads and parks while residents asked questions about taxes'.split(' ');

function paragraph(seed: number): string {
  return Array.from({ length: 60 }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

/** Feed number `f` as RSS 2.0 with `items` items, newest first. */
export function feedXml(f: number, items: number): string {
  const body = Array.from({ length: items }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10, 20) - i * 3_600_000).toUTCString();
    return `<item><title>Feed ${f} story ${i}: council budget</title><link>http://site${f}.example/story/${i}</link><guid>http://site${f}.example/story/${i}</guid><pubDate>${date}</pubDate><description><![CDATA[<p>${paragraph(f * 100 + i)}.</p><p>${paragraph(i)}.</p>]]></description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Site ${f}</title><link>http://site${f}.example/</link>${body}</channel></rss>`;
}

/** A running feed server. */
export interface FeedServer {
  port: number;
  /** The feed URLs, one per feed, each on its own loopback host. */
  urls: string[];
  /** How many 304s it has answered. */
  served304: () => number;
  close: () => Promise<void>;
}

/** Starts the server for `feeds` feeds of `items` items, spread over `hosts` loopback addresses (at most 254). */
export async function startFeedServer(feeds: number, items: number, hosts = 254): Promise<FeedServer> {
  const bodies = Array.from({ length: feeds }, (_, f) => feedXml(f, items));
  let served304 = 0;
  const server = createServer((req, res) => {
    const f = Number(/\/feed(\d+)\.xml/.exec(req.url ?? '')?.[1]);
    const etag = `"f${f}"`;
    if (req.headers['if-none-match'] === etag) {
      served304 += 1;
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(bodies[f]);
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    urls: bodies.map((_, f) => `http://127.0.0.${(f % Math.min(254, hosts)) + 1}:${port}/feed${f}.xml`),
    served304: () => served304,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Fresh feed records for these URLs (never fetched), named "Site n". */
export function feedRecords(urls: string[]): FeedRecord[] {
  const now = new Date().toISOString();
  return urls.map((url, f) => ({ id: feedId(url), url, title: `Site ${f}`, folder: [], error: null, failures: 0, fullText: false, keepDays: null, seen: [], addedAt: now }));
}
