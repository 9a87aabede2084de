/**
 * The only module that touches `window.kabar`, and only renderer/src/stores/** may import it
 * (lint rule): features call store actions. `api` is a typed proxy derived from the contract —
 * channel "tags:merge" is `api.tags.merge(from, to)` — that unwraps each `Wire` and throws an
 * `ApiError` keeping the error's code and params, so the interface can translate it
 * (`errors.<code>`). No per-channel code lives here.
 */
import type { Args, Bridge, Channel, EventName, Events, Result, UserError, Wire } from '../../preload/contract';

declare global {
  interface Window {
    /** The preload bridge (preload/index.ts); use `api` from this module instead. */
    kabar: Bridge;
  }
}

/** An error from main, with the code the interface translates and its parameters. */
export class ApiError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(error: UserError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.params = error.params ?? {};
  }
}

/** Resolves to the value, or throws an ApiError carrying the code and params. */
export async function unwrap<T>(wire: Promise<Wire<T>>): Promise<T> {
  const result = await wire;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** "tags" of "tags:merge". */
type Domain<C> = C extends `${infer D}:${string}` ? D : never;

/** The contract as calls: `api.<domain>.<verb>(...args)` resolves to the channel's result. */
export type Api = {
  [D in Domain<Channel>]: {
    [C in Channel as C extends `${D}:${infer Verb}` ? Verb : never]: (...args: Args<C>) => Promise<Result<C>>;
  };
};

// Looked up per call, so a bridge installed after this module loads (a test, the harness) still works.
const bridge = (): Bridge => window.kabar;

// The bridge checks the name against the contract; the types above already did for our own code.
const invokeByName = (name: string, args: unknown[]): Promise<unknown> =>
  unwrap((bridge().invoke as (channel: string, ...rest: unknown[]) => Promise<Wire<unknown>>)(name, ...args));

const domains = new Map<string, object>();

function domain(name: string): object {
  let calls = domains.get(name);
  if (!calls) {
    calls = new Proxy({}, { get: (_t, verb) => (typeof verb === 'string' ? (...args: unknown[]) => invokeByName(`${name}:${verb}`, args) : undefined) });
    domains.set(name, calls);
  }
  return calls;
}

/** Every contract channel as a plain promise of its value. */
export const api = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? domain(name) : undefined) }) as Api;

/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge().on(event, listener);
}

/** The file-system path of a dropped File ('' when it has none). */
export function pathForFile(file: File): string {
  return bridge().pathForFile(file);
}
