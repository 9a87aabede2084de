/**
 * The harness's `window.kabar`: the same doors as the BUILT preload (invoke, on, pathForFile),
 * calling the real handlers through one exposed function. Which channels and events the bridge
 * lets through is read from out/preload/index.cjs itself (loaded with a recording 'electron'
 * and probed with every contract name and a foreign one), so the harness cannot drift from
 * the bridge the app ships.
 */
import Module, { createRequire } from 'node:module';
import { CHANNELS, EVENTS, type Bridge } from '../../preload/contract';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
type ModuleWithLoad = typeof Module & { _load: Loader };

/** The names the built bridge passes on to ipcRenderer. */
export interface BridgeDoors {
  channels: string[];
  events: string[];
}

/** Loads the built preload with a recording 'electron' and returns the bridge it exposes, and what reached ipcRenderer. */
function loadBuiltBridge(preloadFile: string): { bridge: Bridge; invoked: string[]; subscribed: string[] } {
  const require = createRequire(import.meta.url);
  let exposed: Bridge | null = null;
  const invoked: string[] = [];
  const subscribed: string[] = [];
  const recording = {
    contextBridge: { exposeInMainWorld: (_key: string, api: Bridge) => (exposed = api) },
    ipcRenderer: {
      invoke: (channel: string) => (invoked.push(channel), Promise.resolve({ ok: true, value: null })),
      on: (event: string) => void subscribed.push(event),
      removeListener: () => undefined,
    },
    webUtils: { getPathForFile: () => '' },
  };
  const mod = Module as ModuleWithLoad;
  const realLoad = mod._load;
  mod._load = (request, parent, isMain) => (request === 'electron' ? recording : realLoad(request, parent, isMain));
  try {
    delete require.cache[preloadFile];
    require(preloadFile);
  } finally {
    mod._load = realLoad;
  }
  if (!exposed) throw new Error(`${preloadFile} exposed no bridge`);
  return { bridge: exposed, invoked, subscribed };
}

/** Probes the built bridge: every contract channel and event must pass, a foreign name must not. */
export function readBridgeDoors(preloadFile: string): BridgeDoors {
  const { bridge, invoked, subscribed } = loadBuiltBridge(preloadFile);
  const call = bridge.invoke as (channel: string) => Promise<unknown>;
  const listen = bridge.on as (event: string, listener: () => void) => () => void;
  for (const name of Object.keys(CHANNELS)) void call(name).catch(() => undefined);
  for (const name of Object.keys(EVENTS)) listen(name, () => undefined);
  void call('kabar:notAChannel').catch(() => undefined);
  let foreignEvent = true;
  try {
    listen('kabar:notAnEvent', () => undefined);
  } catch {
    foreignEvent = false;
  }
  if (invoked.includes('kabar:notAChannel') || foreignEvent) throw new Error('the built bridge lets a foreign name through');
  return { channels: invoked, events: subscribed };
}

/**
 * The page script that installs `window.kabar`. Uint8Arrays travel as base64 (the
 * exposed-function channel carries JSON), and events arrive through `__kabarEmit`.
 */
export function bridgeInitScript(doors: BridgeDoors): string {
  return `(() => {
  const channels = new Set(${JSON.stringify(doors.channels)});
  const events = new Set(${JSON.stringify(doors.events)});
  const listeners = new Map();
  const encode = (value) => {
    if (value instanceof Uint8Array) {
      let s = '';
      for (let i = 0; i < value.length; i += 0x8000) s += String.fromCharCode(...value.subarray(i, i + 0x8000));
      return { __bytes: btoa(s) };
    }
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const api = {
    invoke: (channel, ...args) => {
      if (!channels.has(channel)) return Promise.reject(new Error('Unknown channel: ' + channel));
      return window.__kabarInvoke(channel, JSON.stringify(encode(args))).then((text) => JSON.parse(text));
    },
    on: (event, callback) => {
      if (!events.has(event)) throw new Error('Unknown event: ' + event);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
      return () => listeners.get(event).delete(callback);
    },
    pathForFile: () => '',
  };
  window.__kabarEmit = (event, payload) => {
    for (const callback of listeners.get(event) ?? []) callback(payload);
  };
  Object.defineProperty(window, 'kabar', { value: Object.freeze(api), writable: false });
})();`;
}

/** Turns the page's base64 markers back into Uint8Arrays. */
export function decodeArgs(json: string): unknown[] {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && '__bytes' in value) {
      return new Uint8Array(Buffer.from((value as { __bytes: string }).__bytes, 'base64'));
    }
    return value;
  }) as unknown[];
}
