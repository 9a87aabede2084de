/**
 * One IPC call, start to end, without Electron: validate the arguments, run the handler,
 * and wrap the outcome in a `Wire`. main/ipc.ts and the browser harness both use it, so
 * the harness exercises the same validation and error mapping as the app.
 */
import { ZodError } from 'zod';
import { KabarError, toKabarError } from './core/errors';
import { CHANNELS, type Args, type Channel, type Handlers, type Result, type UserError, type Wire } from '../preload/contract';

/** Every invoke channel's name, for registration. */
export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];

/** True for a name the contract declares (anything else is refused unanswered). */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CHANNELS, name);
}

/** Parses a channel's arguments with its contract schema, or throws the ZodError that becomes INVALID_ARGUMENT. */
export function parseArgs<C extends Channel>(channel: C, args: unknown[]): Args<C> {
  // The table is indexed by a generic name, so TypeScript sees a union of schemas here.
  return CHANNELS[channel].args.parse(args) as Args<C>;
}

/** Validates, runs and wraps one call. Exported for tests; never throws. */
export async function answer<C extends Channel>(
  channel: C,
  args: unknown[],
  handlers: () => Promise<Handlers>,
): Promise<Wire<Result<C>>> {
  try {
    const parsed = parseArgs(channel, args);
    const set = await handlers();
    // TypeScript cannot correlate a generic channel with its handler's parameters.
    const handler = set[channel] as unknown as (...a: Args<C>) => Promise<Result<C>>;
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
