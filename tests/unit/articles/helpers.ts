/** Shared fixtures for the article pipeline tests: corpus location, temp folders, local HTTP servers. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared test corpus (KABAR_CORPUS overrides; default: shared/ beside the repository). */
export const CORPUS = process.env.KABAR_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');

/** The URL the upstream Readability tests use for every corpus page. */
export const FAKEHOST = 'http://fakehost/test/page.html';

/** A 1×1 PNG (valid signature, IHDR, IDAT, IEND). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Creates a fresh folder under the OS temp dir; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-articles-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A real HTTP server on 127.0.0.1 (random port) for fetch tests. */
export interface TestServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Starts a local server; open connections (slow responses) are destroyed on close. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
