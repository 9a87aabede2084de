/** A real local HTTP server for feed tests: each path is a handler; requests are recorded. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route handler. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A started server: its base URL, the routes it serves and the requests it saw. */
export interface TestServer {
  url: string;
  port: number;
  routes: Map<string, Handler>;
  requests: { path: string; headers: IncomingMessage['headers']; at: number }[];
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1 (another loopback address may be given for per-host tests). */
export async function startServer(host = '127.0.0.1'): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    requests.push({ path, headers: req.headers, at: Date.now() });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    void Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler serving fixed bytes with headers. */
export function serve(body: string | Uint8Array, headers: Record<string, string> = {}, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
}

/** An RSS 2.0 document with `count` items. */
export function rss(title: string, items: { title: string; link: string; guid?: string; date?: Date; html?: string }[]): string {
  const body = items
    .map(
      (i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ''}` +
        `<pubDate>${(i.date ?? new Date()).toUTCString()}</pubDate><description><![CDATA[${i.html ?? `<p>${i.title} is the story of the day, told in a few words.</p>`}]]></description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link>${body}</channel></rss>`;
}
