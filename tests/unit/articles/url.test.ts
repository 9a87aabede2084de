import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromUrl } from '../../../main/core/articles';
import { CORPUS, startServer, TINY_PNG, type TestServer } from './helpers';

const PARAGRAPH =
  'The harbour authority reopened the northern pier on Friday after three weeks of repairs, and fishing boats returned to their usual moorings before dawn.';
const page = (title: string, body: string, second = PARAGRAPH): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${second}</p><p><a href="/next">Next story</a> <img src="pics/pier.png" alt="The pier"></p></article></body></html>`;

let server: TestServer;
let slowHits = 0;

beforeAll(async () => {
  const seed = readFileSync(join(CORPUS, 'seed/diplomasi-bayangan.txt'));
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/article') return send(200, 'text/html; charset=utf-8', page('Pier Reopens', PARAGRAPH));
    if (path === '/missing') return send(404, 'text/html', '<h1>Not found</h1>');
    if (path === '/broken') return send(500, 'text/plain', 'boom');
    if (path === '/r1') return send(301, 'text/plain', '', { location: '/r2' });
    if (path === '/r2') return send(302, 'text/plain', '', { location: server.url('/r3') });
    if (path === '/r3') return send(307, 'text/plain', '', { location: '/article' });
    if (path === '/loop-a') return send(302, 'text/plain', '', { location: '/loop-b' });
    if (path === '/loop-b') return send(302, 'text/plain', '', { location: '/loop-a' });
    if (path.startsWith('/chain/')) return send(302, 'text/plain', '', { location: `/chain/${Number(path.split('/')[2]) + 1}` });
    if (path === '/to-ftp') return send(302, 'text/plain', '', { location: 'ftp://example.org/file' });
    if (path === '/slow') {
      slowHits++;
      return; // never answers
    }
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>');
      return; // headers and a first chunk, then silence
    }
    if (path === '/huge') {
      // Streams without Content-Length until the client gives up.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (path === '/huge-declared') return send(200, 'text/html', 'x', { 'content-length': String(30 * 1024 * 1024) });
    if (path === '/image') return send(200, 'image/png', TINY_PNG);
    if (path === '/pdf') return send(200, 'application/pdf', '%PDF-1.4');
    if (path === '/cyrillic') {
      const text = 'Администрация порта в пятницу вновь открыла северный причал после трёх недель ремонта, и рыбацкие лодки вернулись к привычным местам стоянки ещё до рассвета.';
      const body = page('Новости порта', text, text);
      return send(200, 'text/html; charset=windows-1251', iconv.encode(body.replace('<meta charset="utf-8">', ''), 'windows-1251'));
    }
    if (path === '/latin1') {
      const text = "Le port a rouvert jeudi la jetée nord après trois semaines de travaux, et les bateaux de pêche ont retrouvé leurs mouillages avant l'aube, à la grande joie des habitants.";
      const body = page('Café du port', text, text);
      return send(200, 'text/html; charset=iso-8859-1', iconv.encode(body.replace('<meta charset="utf-8">', ''), 'latin1'));
    }
    if (path === '/seed.txt') return send(200, 'text/plain', seed);
    if (path === '/nothing') return send(200, 'text/html', '<html><body><nav>menu</nav></body></html>');
    return send(404, 'text/plain', 'no route');
  });
});

afterAll(() => server.close());

describe('extractFromUrl against a local server', () => {
  it('imports a page, resolving links and images against its URL', async () => {
    const article = await extractFromUrl(server.url('/article'));
    expect(article.title).toBe('Pier Reopens');
    expect(article.source).toBe('url');
    expect(article.url).toBe(server.url('/article'));
    expect(article.lang).toBe('en');
    expect(article.blocks.flatMap((b) => b.inline ?? []).find((r) => r.text === 'Next story')?.href).toBe(server.url('/next'));
    expect(article.blocks.find((b) => b.type === 'image')?.src).toBe(server.url('/pics/pier.png'));
  });

  it('follows a redirect chain and reports the final URL', async () => {
    const article = await extractFromUrl(server.url('/r1'));
    expect(article.url).toBe(server.url('/article'));
    expect(article.title).toBe('Pier Reopens');
  });

  it('fails with HTTP_ERROR and the status for 404 and 500', async () => {
    await expect(extractFromUrl(server.url('/missing'))).rejects.toMatchObject({ code: 'HTTP_ERROR', params: { status: 404 } });
    await expect(extractFromUrl(server.url('/broken'))).rejects.toMatchObject({ code: 'HTTP_ERROR', params: { status: 500 } });
  });

  it('detects redirect loops and too many redirects', async () => {
    await expect(extractFromUrl(server.url('/loop-a'))).rejects.toMatchObject({ code: 'REDIRECT_LOOP' });
    await expect(extractFromUrl(server.url('/chain/0'), { maxRedirects: 3 })).rejects.toMatchObject({ code: 'REDIRECT_LOOP' });
    await expect(extractFromUrl(server.url('/to-ftp'))).rejects.toMatchObject({ code: 'INVALID_URL' });
  });

  it('times out on a server that does not answer, and on a body that stalls', async () => {
    const started = Date.now();
    await expect(extractFromUrl(server.url('/slow'), { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(extractFromUrl(server.url('/slow-body'), { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(slowHits).toBe(1);
  });

  it('stops reading a body over the size cap (streamed or declared)', async () => {
    await expect(extractFromUrl(server.url('/huge'), { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(extractFromUrl(server.url('/huge-declared'))).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses non-text content types before reading them', async () => {
    await expect(extractFromUrl(server.url('/image'))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE', params: { type: 'image/png' } });
    await expect(extractFromUrl(server.url('/pdf'))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
  });

  it('decodes with the charset given only in the HTTP header', async () => {
    const ru = await extractFromUrl(server.url('/cyrillic'));
    expect(ru.title).toBe('Новости порта');
    expect(ru.lang).toBe('ru');
    expect(ru.blocks.map((b) => b.text).join('\n')).toContain('северный причал');
    const fr = await extractFromUrl(server.url('/latin1'));
    expect(fr.title).toBe('Café du port');
    expect(fr.lang).toBe('fr');
    expect(fr.blocks.map((b) => b.text).join('\n')).toContain('jetée nord après trois semaines');
  });

  it('imports plain text served as text/plain', async () => {
    const article = await extractFromUrl(server.url('/seed.txt'));
    expect(article.section).toBe('International');
    expect(article.source).toBe('url');
    expect(article.url).toBe(server.url('/seed.txt'));
  });

  it('reports pages without an article, bad addresses and unreachable hosts', async () => {
    await expect(extractFromUrl(server.url('/nothing'))).rejects.toMatchObject({ code: 'NO_ARTICLE' });
    await expect(extractFromUrl('file:///etc/passwd')).rejects.toMatchObject({ code: 'INVALID_URL' });
    await expect(extractFromUrl('not a url')).rejects.toMatchObject({ code: 'INVALID_URL' });
    const closed = await startServer(() => undefined);
    const deadUrl = closed.url('/gone');
    await closed.close();
    await expect(extractFromUrl(deadUrl, { timeoutMs: 2000 })).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('uses an injected fetch and passes the caller’s abort signal through', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    await extractFromUrl(server.url('/article'), { fetch: fakeFetch });
    expect(calls).toEqual([server.url('/article')]);
    const controller = new AbortController();
    const pending = extractFromUrl(server.url('/slow'), { signal: controller.signal, timeoutMs: 5000 });
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
  });
});
