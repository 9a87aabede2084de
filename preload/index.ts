/**
 * The bridge, exposed as `window.kabar`: one generic `invoke` and one `on`, each refusing any
 * name the contract does not declare (Signal Desktop's one-door pattern), and the path of a
 * dropped file. No per-channel code lives here: adding a channel never touches this file.
 *
 * Built as CommonJS for the sandbox; its only runtime imports are 'electron' and the contract
 * tables (bundled in). Calls resolve to the `Wire` rather than throwing: an Error thrown across
 * contextBridge arrives with its message only, so `code` and `params` would be lost.
 * renderer/src/api.ts unwraps the Wire and throws an error that keeps them.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS, type Bridge, type Events } from './contract';

const bridge: Bridge = {
  invoke(channel, ...args) {
    // The renderer is typed against the contract, but a compromised page is not: refuse here too.
    if (typeof channel !== 'string' || !Object.hasOwn(CHANNELS, channel)) {
      return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(channel, ...args);
  },

  on(event, listener) {
    if (typeof event !== 'string' || !Object.hasOwn(EVENTS, event)) throw new Error(`Unknown event: ${String(event)}`);
    // The IPC event object never reaches the page: it carries `sender`, i.e. ipcRenderer.
    const forward = (_event: IpcRendererEvent, payload: Events[typeof event]): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },

  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('kabar', bridge);
