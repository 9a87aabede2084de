/**
 * The Bergamot WASM translator in a worker thread. The package's `worker/translator-worker.js` is
 * CommonJS inside a `"type": "module"` package, so it cannot be loaded as a file here (`require is
 * not defined`): its source runs as an eval worker (CommonJS) with `__filename`/`__dirname` pointing
 * at the package's worker folder, where it finds the WASM binary and its glue code. Messages carry
 * only data (no functions: they are structured-cloned). After a failed model load the WASM runtime
 * has aborted, so the worker is thrown away.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The folder holding translator-worker.js, the WASM and its glue code. */
export function defaultWorkerDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@browsermt/bergamot-translator/package.json')), 'worker');
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One running worker. */
export class BergamotWorker {
  private serial = 0;
  private readonly pending = new Map<number, Pending>();
  private dead: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; result?: unknown; error?: { name?: string; message?: string } }) => {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) p.reject(new Error(message.error.message ?? 'Bergamot worker error'));
      else p.resolve(message.result);
    });
    const fail = (error: Error): void => {
      this.dead ??= error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The Bergamot worker stopped (exit ${code}).`)));
  }

  /** Starts a worker and boots the WASM runtime (rejects when it cannot). */
  static async start(workerDir: string = defaultWorkerDir(), options: { cacheSize?: number } = {}): Promise<BergamotWorker> {
    const file = join(workerDir, 'translator-worker.js');
    const source = readFileSync(file, 'utf8');
    const code = `(function (__filename, __dirname) {\n${source}\n})(${JSON.stringify(file)}, ${JSON.stringify(workerDir)});`;
    const worker = new BergamotWorker(new Worker(code, { eval: true, stdout: true, stderr: true }));
    // The WASM runtime logs model errors on stderr; they come back to us as rejected calls.
    worker.worker.stdout.resume();
    worker.worker.stderr.resume();
    try {
      await worker.call('initialize', { cacheSize: options.cacheSize ?? 0, useNativeIntGemm: false });
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return worker;
  }

  /** Whether the worker can still take calls. */
  get alive(): boolean {
    return this.dead === undefined;
  }

  /** Calls a method of the worker's BergamotTranslatorWorker. */
  call<T>(name: string, ...args: unknown[]): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    this.serial += 1;
    const id = this.serial;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, name, args });
    });
  }

  /** Stops the worker; pending calls reject. */
  async terminate(): Promise<void> {
    this.dead ??= new Error('The Bergamot worker was stopped.');
    for (const p of this.pending.values()) p.reject(this.dead);
    this.pending.clear();
    await this.worker.terminate();
  }
}
