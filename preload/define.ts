/**
 * The vocabulary contract modules are written in: `channel(args).returns<R>()` declares an
 * invoke channel by its argument schema (a zod tuple: validated in main before any handler
 * runs) and its result type; `event<P>()` declares a main → renderer event by its payload.
 * Everything else (main's registration, the bridge, the renderer's api, the test fake) is
 * derived from the objects these build, so a channel is spelt once.
 */
import type { z } from 'zod';

/** An invoke channel: the schema its argument list must pass, and (type only) what it resolves to. */
export interface ChannelSpec<A extends readonly unknown[] = readonly unknown[], R = unknown> {
  readonly args: z.ZodType<A>;
  /** Never set: carries the result type for the derived types. */
  readonly result?: R;
}

/** A main → renderer event; the payload exists only as a type. */
export interface EventSpec<P = unknown> {
  /** Never set: carries the payload type for the derived types. */
  readonly payload?: P;
}

/** Declares an invoke channel from its argument tuple; say what it resolves to with `.returns<R>()`. */
export function channel<A extends readonly unknown[]>(args: z.ZodType<A>): { returns<R>(): ChannelSpec<A, R> } {
  return { returns: <R>(): ChannelSpec<A, R> => ({ args }) };
}

/** Declares an event and its payload type. */
export function event<P>(): EventSpec<P> {
  return {};
}

/** A domain's invoke channels, keyed by their names ("domain:verb"). */
export type ChannelMap = Record<`${string}:${string}`, ChannelSpec>;
/** A domain's events, keyed by their names. */
export type EventMap = Record<`${string}:${string}`, EventSpec>;

/** A channel's argument list. */
export type ArgsOf<S> = S extends ChannelSpec<infer A, unknown> ? A : never;
/** What a channel resolves to. */
export type ResultOf<S> = S extends ChannelSpec<readonly unknown[], infer R> ? R : never;
/** An event's payload. */
export type PayloadOf<S> = S extends EventSpec<infer P> ? P : never;

/** A handler for each channel of a map: a missing, misspelt or mistyped one is a compile error. */
export type HandlersOf<M> = {
  [C in keyof M]: (...args: ArgsOf<M[C]>) => Promise<ResultOf<M[C]>>;
};
