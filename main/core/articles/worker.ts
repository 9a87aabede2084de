/** Worker-thread entry for pool.ts: extracts pages and converts feed items off the main thread. Never imported by the library itself. */
import { parentPort } from 'node:worker_threads';
import { toKabarError } from '../errors';
import { extractFromBytes } from './extract';
import { itemsToArticles } from './feed-item';
import type { WorkerRequest } from './pool';

function run(request: WorkerRequest): unknown {
  return request.kind === 'page' ? extractFromBytes(request.bytes, request.hint) : itemsToArticles(request.items, request.feed, request.feedId);
}

parentPort?.on('message', (message: { id: number; request: WorkerRequest }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: run(message.request) });
  } catch (error) {
    const e = toKabarError(error);
    parentPort?.postMessage({ id: message.id, error: { code: e.code, message: e.message, params: e.params } });
  }
});
parentPort?.postMessage({ ready: true });
