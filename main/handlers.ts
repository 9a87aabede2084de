/**
 * Contract → core: one handler per invoke channel. Imports no 'electron', so the browser
 * harness (tests/e2e/harness.ts) wires the very same object into Chromium.
 */
import type { Events, Invoke } from '../preload/contract';

/** One handler per channel; a missing channel is a compile error. */
export type Handlers = {
  [C in keyof Invoke]: (...args: Parameters<Invoke[C]>) => Promise<ReturnType<Invoke[C]>>;
};

/** What the handlers need from their host (Electron main, the harness, or a test). */
export interface HandlerContext {
  dataDir: string;
  version: string;
  systemLocale: string;
  /** Hands an http(s) URL to the system browser. */
  openExternal: (url: string) => Promise<void>;
  /** Sends an event to the renderer. */
  emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
}

/** A live handler set over one opened library; `close` flushes and releases it. */
export interface HandlerSet {
  handlers: Handlers;
  close: () => Promise<void>;
}

/** Opens the library in ctx.dataDir and returns the handlers over it. */
export async function createHandlers(_ctx: HandlerContext): Promise<HandlerSet> {
  throw new Error('createHandlers: being written (store issue)');
}
