/**
 * Child-process driver for the smoke test: loads the BUILT out/main/index.js under plain
 * Node with 'electron' mapped to the recording stand-in, plays Electron's part (ready,
 * events, IPC calls, protocol requests) and prints one JSON report on stdout.
 * Usage: node run-main.mjs <out/main/index.js> --data <dir>
 */
import { register } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);
const { app, log } = await import('./electron.mjs');

const [mainJs] = process.argv.slice(2);
const dataDir = process.argv[process.argv.indexOf('--data') + 1];
const tick = () => new Promise((r) => setTimeout(r, 20));

const report = { errors: [] };
process.on('uncaughtException', (e) => report.errors.push(`uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => report.errors.push(`unhandled: ${e?.stack ?? e}`));

await import(pathToFileURL(mainJs).href);
report.beforeReady = log.calls.map((c) => c.name);
app._becomeReady();
await tick();

const calls = (name) => log.calls.filter((c) => c.name === name).map((c) => c.args);
const win = log.windows[0];
report.userData = app.paths.userData;
report.privileged = calls('protocol.registerSchemesAsPrivileged');
report.ipcChannels = [...log.ipcHandlers.keys()];
report.windowCount = log.windows.length;
report.quitCalls = calls('app.quit').length;

if (win) {
  report.windowOptions = win.options;
  report.loads = win.loads;
  const wc = win.webContents;
  const ownUrl = win.loads[0]?.kind === 'file' ? pathToFileURL(win.loads[0].target).href : win.loads[0]?.target;

  // Navigation guard: what gets prevented, and what goes to the system browser.
  const navigate = (event, url) => {
    let prevented = false;
    const before = calls('shell.openExternal').length;
    wc.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return { url, prevented, openedExternally: calls('shell.openExternal').slice(before).map((a) => a[0]) };
  };
  report.navigation = [
    navigate('will-navigate', 'https://evil.example/'),
    navigate('will-navigate', 'file:///etc/passwd'),
    navigate('will-navigate', `${ownUrl}#/reader`),
    navigate('will-redirect', 'https://evil.example/'),
    navigate('will-redirect', ownUrl),
  ];
  const open = (url) => {
    const before = calls('shell.openExternal').length;
    const result = wc.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' });
    return { url, result, openedExternally: calls('shell.openExternal').slice(before).map((a) => a[0]) };
  };
  report.windowOpen = [open('https://example.com/story'), open('file:///etc/passwd'), open('javascript:alert(1)')];
  let webviewPrevented = false;
  wc.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
  report.webviewPrevented = webviewPrevented;

  // Session fences.
  let headers = null;
  log.session.onHeadersReceived?.(
    { url: ownUrl, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Test': ['1'] } },
    (response) => (headers = response.responseHeaders),
  );
  report.responseHeaders = headers;
  let granted = 'not called';
  log.session.permissionRequest?.(wc, 'geolocation', (ok) => (granted = ok), {});
  report.permissionGranted = granted;
  report.permissionCheck = log.session.permissionCheck?.(wc, 'notifications', 'file://', {}) ?? 'no handler';
  let downloadPrevented = false;
  log.session.emitter.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
  report.downloadPrevented = downloadPrevented;

  // IPC: a trusted call, a bad argument, an untrusted frame.
  const trusted = { sender: wc, senderFrame: { parent: null, url: ownUrl } };
  const call = async (event, channel, ...args) => {
    try {
      return { resolved: await log.ipcHandlers.get(channel)(event, ...args) };
    } catch (e) {
      return { rejected: String(e?.message ?? e) };
    }
  };
  report.ipc = {
    appInfo: await call(trusted, 'app:info'),
    badArgs: await call(trusted, 'article:get', 42),
    extraArgs: await call(trusted, 'library:counts', 'surplus'),
    foreignFrame: await call({ sender: wc, senderFrame: { parent: null, url: 'https://evil.example/' } }, 'app:info'),
    subFrame: await call({ sender: wc, senderFrame: { parent: {}, url: ownUrl } }, 'app:info'),
    otherContents: await call({ sender: {}, senderFrame: { parent: null, url: ownUrl } }, 'app:info'),
  };

  // Media protocol: a real file under <dataDir>/media, then attempts to leave it.
  const media = log.protocols.get('kabar-media');
  const name = `${'ab'.repeat(32)}.png`;
  mkdirSync(join(dataDir, 'media'), { recursive: true });
  writeFileSync(join(dataDir, 'media', name), 'PNGDATA');
  writeFileSync(join(dataDir, 'secret.json'), '{}');
  const fetchMedia = async (url) => {
    const res = await media(new Request(url));
    return { url, status: res.status, type: res.headers.get('content-type'), body: res.status === 200 ? await res.text() : null };
  };
  report.media = media
    ? [
        await fetchMedia(`kabar-media://media/${name}`),
        await fetchMedia('kabar-media://media/../secret.json'),
        await fetchMedia('kabar-media://media/%2e%2e%2fsecret.json'),
        await fetchMedia(`kabar-media://other/${name}`),
        await fetchMedia(`kabar-media://media/${'cd'.repeat(32)}.png`),
      ]
    : null;

  // Menu: the last installed template, and a click on "Import Files…".
  const template = log.menus.at(-1)?.template ?? [];
  const strip = (items) =>
    items.map(({ click, submenu, ...rest }) => ({ ...rest, command: Boolean(click), submenu: submenu ? strip(submenu) : undefined }));
  report.menu = strip(template);
  const importItem = template.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Import Files…');
  importItem?.click?.();
  report.sentAfterMenuClick = wc.sent;

  // Lifecycle: closing the last window quits (not on macOS); will-quit waits for the store.
  const quitsBefore = calls('app.quit').length;
  app.emit('window-all-closed');
  report.quitOnAllClosed = calls('app.quit').length - quitsBefore;
  let quitPrevented = false;
  app.emit('will-quit', { preventDefault: () => (quitPrevented = true) });
  await tick();
  report.willQuitPrevented = quitPrevented;
  report.quitAfterClose = calls('app.quit').length - quitsBefore - report.quitOnAllClosed;
}

process.stdout.write(JSON.stringify(report));
// Whatever main left open (timers, the store) must not keep the smoke test waiting.
process.exit(0);
