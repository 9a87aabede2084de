/**
 * One IPC call, start to end, without Electron: validate the arguments, run the handler,
 * and wrap the outcome in a `Wire`. main/ipc.ts and the browser harness both use it, so
 * the harness exercises the same validation and error mapping as the app.
 */
import { ZodError } from 'zod';
import { KabarError, toKabarError } from './core/errors';
import type { Handlers } from './handlers';
import type { Invoke, UserError, Wire } from '../preload/contract';
import { parseArgs } from './schemas';

/** Validates, runs and wraps one call. Exported for tests; never throws. */
export async function answer<C extends keyof Invoke>(
  channel: C,
  args: unknown[],
  handlers: () => Promise<Handlers>,
): Promise<Wire<ReturnType<Invoke[C]>>> {
  try {
    const parsed = parseArgs(channel, args);
    const set = await handlers();
    // TypeScript cannot correlate a generic channel with its handler's parameters.
    const handler = set[channel] as (...a: Parameters<Invoke[C]>) => Promise<ReturnType<Invoke[C]>>;
    return { ok: true, value: await handler(...parsed) };
  } catch (error) {
    return { ok: false, error: toUserError(channel, error) };
  }
}

/** Turns anything thrown into the `{ code, message, params }` the renderer translates. */
export function toUserError(channel: string, error: unknown): UserError {
  if (error instanceof ZodError) {
    const where = error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ');
    return { code: 'INVALID_ARGUMENT', message: `Invalid arguments for ${channel}: ${where}`, params: { channel } };
  }
  // Unexpected failures become IO for the user, but the stack belongs in the log.
  if (!(error instanceof KabarError)) console.error(`[ipc] ${channel} failed:`, error);
  const kabar = toKabarError(error);
  return { code: kabar.code, message: kabar.message, params: { ...kabar.params } };
}
