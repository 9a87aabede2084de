/**
 * Child-process driver for the smoke test: loads the BUILT out/preload/index.cjs with
 * plain `require`, as Electron's sandbox does, under a recording stand-in for the
 * renderer-side 'electron' API; invokes every channel name it is given (and a foreign one)
 * through the one `invoke` door and prints a JSON report.
 * Usage: node run-preload.cjs <out/preload/index.cjs> <channel,channel,...>
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: the sandbox loads the preload with require. */
const Module = require('node:module');
const { resolve } = require('node:path');

const preloadPath = resolve(process.argv[2]);
const channels = (process.argv[3] || '').split(',').filter(Boolean);

const report = { requires: [], exposed: [], invoked: [], listeners: [], errors: [] };
const listeners = new Map();
const standIn = {
  contextBridge: {
    exposeInMainWorld(key, api) {
      report.exposed.push({
        key,
        members: Object.entries(api).map(([name, value]) => ({ name, type: typeof value })),
      });
      standIn.exposedApi = api;
    },
  },
  ipcRenderer: {
    invoke(channel, ...args) {
      report.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    on(channel, listener) {
      report.listeners.push({ op: 'on', channel });
      listeners.set(channel, listener);
    },
    removeListener(channel, listener) {
      report.listeners.push({ op: 'removeListener', channel, same: listeners.get(channel) === listener });
    },
  },
  webUtils: {
    getPathForFile(file) {
      return `/dropped/${file.name}`;
    },
  },
};

// Record every require the preload makes; a sandboxed preload may only use a handful.
const realLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (parent && parent.filename === preloadPath) report.requires.push(request);
  if (request === 'electron') return standIn;
  return realLoad.call(this, request, parent, isMain);
};

(async () => {
  require(preloadPath);
  const api = standIn.exposedApi;
  if (!api) throw new Error('preload exposed nothing');
  // Every contract channel goes through the one door with its arguments untouched, and the Wire comes back as is.
  for (const channel of channels) {
    const result = await api.invoke(channel, 'x', ['y']);
    if (JSON.stringify(result) !== JSON.stringify({ ok: true, value: null })) report.errors.push(`${channel} changed the Wire`);
  }
  // A name outside the contract never reaches ipcRenderer.
  try {
    await api.invoke('internal:secret', 'x');
    report.unknownChannel = 'accepted';
  } catch (e) {
    report.unknownChannel = `refused: ${e.message}`;
  }
  report.pathForFile = api.pathForFile({ name: 'story.html' });
  const payloads = [];
  const off = api.on('library:changed', (payload) => payloads.push(payload));
  listeners.get('library:changed')({ sender: 'ipcRenderer!' }, { ids: ['a'] });
  off();
  report.eventPayloads = payloads;
  try {
    api.on('internal:secret', () => {});
    report.unknownEvent = 'accepted';
  } catch (e) {
    report.unknownEvent = `refused: ${e.message}`;
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => {
  report.errors.push(String(e && e.stack ? e.stack : e));
  process.stdout.write(JSON.stringify(report));
});
