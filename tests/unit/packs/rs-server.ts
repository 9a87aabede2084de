/**
 * A local Remote Settings server for tests: the same records-and-attachments format as
 * firefox.settings.services.mozilla.com (server root announcing `capabilities.attachments.base_url`,
 * `/buckets/main/collections/translations-models/records` → `{"data": [...]}`, attachments by
 * `location`), with HTTP Range support, optional throttling, corruption and a request log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One attachment the server holds. */
export interface ServedFile {
  fromLang: string;
  toLang: string;
  fileType: string;
  version: string;
  name: string;
  bytes: Buffer;
  variant?: string;
  filter_expression?: string;
}

/** What the server was asked. */
export interface LoggedRequest {
  path: string;
  range: string | undefined;
  status: number;
  sent: number;
}

/** Behaviour switches tests flip between requests. */
export interface ServerKnobs {
  /** Bytes per write and pause between writes (slow downloads for cancel tests). */
  chunk: number;
  delayMs: number;
  /** Answer 200 with the whole body even when a Range is asked. */
  ignoreRange: boolean;
  /** Attachment names whose bytes are replaced (same size) with other bytes. */
  corrupt: Set<string>;
  /** When set, the record list is this many bytes of junk, streamed without a length (a hostile server). */
  listingBytes: number | null;
  /** When set, the server root's JSON is this instead of a Remote Settings answer. */
  root: unknown;
}

/** A running local server. */
export interface RsServer {
  url: string;
  log: LoggedRequest[];
  knobs: ServerKnobs;
  records: Record<string, unknown>[];
  close: () => Promise<void>;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Fake model bytes (not a real model): deterministic, `size` long. */
export function bytesOf(label: string, size: number): Buffer {
  const unit = Buffer.from(`${label} `);
  return Buffer.concat(Array.from({ length: Math.ceil(size / unit.length) }, () => unit)).subarray(0, size);
}

/** The three files of a tiny pair, Firefox-style names. */
export function pairFiles(from: string, to: string, version = '1.0', size = 40_000): ServedFile[] {
  const p = `${from}${to}`;
  return [
    { fromLang: from, toLang: to, fileType: 'model', version, name: `model.${p}.intgemm.alphas.bin`, bytes: bytesOf(`model ${p} ${version}`, size) },
    { fromLang: from, toLang: to, fileType: 'lex', version, name: `lex.50.50.${p}.s2t.bin`, bytes: bytesOf(`lex ${p} ${version}`, size >> 2) },
    { fromLang: from, toLang: to, fileType: 'vocab', version, name: `vocab.${p}.spm`, bytes: bytesOf(`vocab ${p} ${version}`, size >> 3) },
  ];
}

/** Starts the server on 127.0.0.1 (port chosen by the OS). */
export async function startRsServer(files: ServedFile[]): Promise<RsServer> {
  const byLocation = new Map<string, ServedFile>();
  const records = files.map((f) => {
    const id = randomUUID();
    const location = `main-workspace/translations-models/${id}.bin`;
    byLocation.set(`/attachments/${location}`, f);
    const { bytes, ...fields } = f;
    return { id, ...fields, schema: 1700000000000, last_modified: 1700000000000, attachment: { hash: sha(bytes), size: bytes.length, filename: f.name, location, mimetype: 'application/octet-stream' } };
  });
  const log: LoggedRequest[] = [];
  const knobs: ServerKnobs = { chunk: 1 << 20, delayMs: 0, ignoreRange: false, corrupt: new Set(), listingBytes: null, root: null };
  let url = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const entry: LoggedRequest = { path, range: req.headers.range, status: 200, sent: 0 };
    log.push(entry);
    const json = (status: number, body: unknown): void => {
      entry.status = status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (path === '/v1/' && knobs.root !== null) return json(200, knobs.root);
    if (path === '/v1/buckets/main/collections/translations-models/records' && knobs.listingBytes !== null) {
      const block = Buffer.alloc(1 << 20, 0x20);
      let left = knobs.listingBytes;
      res.writeHead(200, { 'content-type': 'application/json' });
      const more = (): void => {
        if (res.destroyed) return;
        if (left <= 0) return void res.end();
        const piece = block.subarray(0, Math.min(block.length, left));
        left -= piece.length;
        entry.sent += piece.length;
        if (res.write(piece)) setImmediate(more);
        else res.once('drain', more);
      };
      return more();
    }
    if (path === '/v1/') return json(200, { project_name: 'Remote Settings', capabilities: { attachments: { base_url: `${url}/attachments/` } } });
    if (path === '/v1/buckets/main/collections/translations-models/records') return json(200, { data: records });
    const file = byLocation.get(path);
    if (!file) return json(404, { code: 404, error: 'Not Found' });
    let body = knobs.corrupt.has(file.name) ? Buffer.alloc(file.bytes.length, 0x5a) : file.bytes;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = m && !knobs.ignoreRange ? Number(m[1]) : 0;
    if (start >= body.length && m && !knobs.ignoreRange) {
      entry.status = 416;
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    body = body.subarray(start);
    entry.status = start > 0 ? 206 : 200;
    res.writeHead(entry.status, {
      'content-length': body.length,
      'accept-ranges': 'bytes',
      ...(start > 0 ? { 'content-range': `bytes ${start}-${start + body.length - 1}/${file.bytes.length}` } : {}),
    });
    let at = 0;
    const pump = (): void => {
      if (res.destroyed) return;
      if (at >= body.length) return void res.end();
      const piece = body.subarray(at, at + knobs.chunk);
      at += piece.length;
      entry.sent += piece.length;
      res.write(piece);
      setTimeout(pump, knobs.delayMs);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    knobs,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
