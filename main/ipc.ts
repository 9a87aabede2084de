/**
 * The only file that imports ipcMain (lint-enforced). Registers one `ipcMain.handle` per
 * contract channel, refuses calls from any frame but our window's main frame on our own
 * page, validates arguments, and answers with a `Wire` so errors keep their code when they
 * cross the bridge (thrown Errors lose everything but the message there).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ZodError } from 'zod';
import { KabarError, toKabarError } from './core/errors';
import type { Handlers } from './handlers';
import type { Invoke, UserError, Wire } from '../preload/contract';
import { CHANNELS, parseArgs } from './schemas';

/** What registration needs: the handlers (opened lazily, so the window need not wait) and a sender check. */
export interface IpcOptions {
  /** Resolves to the handler set; a rejection answers every call with its error. */
  handlers: () => Promise<Handlers>;
  /** True when the event comes from our window's main frame showing our renderer page. */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}

/** Registers every channel and returns a function that removes them again. */
export function registerIpc({ handlers, isTrustedSender }: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      // A foreign frame learns nothing: no Wire, just a rejected invoke.
      if (!isTrustedSender(event)) throw new Error(`Refused ${channel} from an untrusted frame`);
      return answer(channel, args, handlers);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

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
