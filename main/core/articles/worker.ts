/** Worker-thread entry for pool.ts: extracts articles off the main thread. Never imported by the library itself. */
import { parentPort } from 'node:worker_threads';
import { toKabarError } from '../errors';
import { extractFromBytes, type ExtractHint } from './extract';

interface JobRequest {
  id: number;
  bytes: Uint8Array;
  hint: ExtractHint;
}

parentPort?.on('message', (req: JobRequest) => {
  try {
    parentPort?.postMessage({ id: req.id, article: extractFromBytes(req.bytes, req.hint) });
  } catch (error) {
    const e = toKabarError(error);
    parentPort?.postMessage({ id: req.id, error: { code: e.code, message: e.message, params: e.params } });
  }
});
parentPort?.postMessage({ ready: true });
