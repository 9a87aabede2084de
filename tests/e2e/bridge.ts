/**
 * The harness's `window.kabar`: the same named methods as the BUILT preload, each calling
 * the real handlers through one exposed function. The method → channel map is read from
 * out/preload/index.cjs itself (loaded with a recording 'electron'), so the harness cannot
 * drift from the bridge the app ships.
 */
import Module, { createRequire } from 'node:module';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
type ModuleWithLoad = typeof Module & { _load: Loader };

/** Method name → invoke channel, as the built preload defines them. */
export function readBridgeMethods(preloadFile: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  let exposed: Record<string, (...args: unknown[]) => unknown> | null = null;
  let lastChannel = '';
  const recording = {
    contextBridge: {
      exposeInMainWorld: (_key: string, api: Record<string, (...args: unknown[]) => unknown>) => {
        exposed = api;
      },
    },
    ipcRenderer: {
      invoke: (channel: string) => {
        lastChannel = channel;
        return Promise.resolve({ ok: true, value: null });
      },
      on: () => undefined,
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
  const api = exposed as Record<string, (...args: unknown[]) => unknown> | null;
  if (!api) throw new Error(`${preloadFile} exposed no bridge`);
  const methods: Record<string, string> = {};
  for (const [name, fn] of Object.entries(api)) {
    if (name === 'on' || name === 'pathForFile') continue;
    lastChannel = '';
    void fn();
    if (!lastChannel) throw new Error(`bridge method ${name} invoked no channel`);
    methods[name] = lastChannel;
  }
  return methods;
}

/**
 * The page script that installs `window.kabar`. Uint8Arrays travel as base64 (the
 * exposed-function channel carries JSON), and events arrive through `__kabarEmit`.
 */
export function bridgeInitScript(methods: Record<string, string>): string {
  return `(() => {
  const methods = ${JSON.stringify(methods)};
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
  const api = {};
  for (const [name, channel] of Object.entries(methods)) {
    api[name] = (...args) => window.__kabarInvoke(channel, JSON.stringify(encode(args))).then((text) => JSON.parse(text));
  }
  api.pathForFile = () => '';
  api.on = (event, callback) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(callback);
    return () => listeners.get(event).delete(callback);
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
