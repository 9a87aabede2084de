/**
 * The shell's extra net (DESIGN.md §7): build with electron-vite, then load the BUILT
 * main and preload under plain Node with a recording stand-in for 'electron' and check
 * what they ask Electron for. It catches wrong paths and module-format mistakes; it does
 * not replace tests/e2e/electron.spec.ts against the real binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES as CHANNELS } from '../../../main/wire';
import { CSP } from '../../../main/security';
import { runDriver, wireError, type MainReport, type MenuItemReport, type PreloadReport } from './smoke-report';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STAND_IN = fileURLToPath(new URL('./stand-in/', import.meta.url));
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const sorted = (list: Iterable<string>): string[] => [...list].sort();

let work: string;
let out: string;
let dataDir: string;
let dev: MainReport;

/** Runs the built main in a child process with the given scenario switches. */
function runMain(env: Record<string, string> = {}, data = dataDir): MainReport {
  return runDriver<MainReport>(join(STAND_IN, 'run-main.mjs'), [join(out, 'main', 'index.js'), '--data', data], {
    // --data must win over the environment variable.
    KABAR_DATA_DIR: join(work, 'env-data-dir'),
    ...env,
  });
}

beforeAll(() => {
  // A private out dir: other suites may build out/ at the same time, and a build empties its folder first.
  mkdirSync(join(ROOT, '.kabar-tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.kabar-tmp', 'shell-smoke-'));
  out = join(work, 'out');
  execFileSync(process.execPath, [ELECTRON_VITE, 'build', '--outDir', out, '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  dataDir = mkdtempSync(join(tmpdir(), 'kabar-shell-'));
  dev = runMain();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const inside = (path: string, dir: string): boolean => !relative(dir, path).startsWith('..') && !relative(dir, path).startsWith(sep);

describe('built main under a stand-in electron', () => {
  it('loads and starts without uncaught errors', () => {
    expect(dev.errors).toEqual([]);
  });

  it('sets up what must precede ready: data dir, instance lock, privileged media scheme', () => {
    expect(dev.beforeReady).toEqual(expect.arrayContaining(['app.requestSingleInstanceLock', 'protocol.registerSchemesAsPrivileged']));
    expect(dev.userData).toBe(dataDir);
    expect(dev.privileged).toEqual([[[{ scheme: 'kabar-media', privileges: { standard: true, secure: true } }]]]);
  });

  it('opens one sandboxed, isolated window without Node or webviews', () => {
    expect(dev.windowCount).toBe(1);
    expect(dev.windowOptions?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      // Middle-click (auxclick) cannot open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('passes a preload and a renderer page that exist in the build output', () => {
    const preload = String(dev.windowOptions?.webPreferences.preload);
    expect(preload).toBe(join(out, 'preload', 'index.cjs'));
    expect(existsSync(preload)).toBe(true);
    expect(dev.loads).toEqual([{ kind: 'file', target: join(out, 'renderer', 'index.html') }]);
    expect(existsSync(join(out, 'renderer', 'index.html'))).toBe(true);
  });

  it('builds a page whose scripts load from file:// (relative paths) under the same CSP as the header', () => {
    const htmlPath = join(out, 'renderer', 'index.html');
    const html = readFileSync(htmlPath, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('./')).toBe(true);
      expect(existsSync(join(dirname(htmlPath), src))).toBe(true);
    }
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('replaces any server CSP with a strict one: no eval, no inline scripts', () => {
    const headers = dev.responseHeaders ?? {};
    expect(headers['X-Test']).toEqual(['1']);
    expect(Object.keys(headers).filter((h) => h.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    const csp = headers['Content-Security-Policy'][0];
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'kabar-media:', 'data:']);
    expect(csp).not.toContain('unsafe-eval');
  });

  it('keeps the window on our page and sends web links to the system browser', () => {
    const nav = Object.fromEntries((dev.navigation ?? []).map((n, i) => [i, n]));
    expect(nav[0]).toMatchObject({ prevented: true, openedExternally: ['https://evil.example/'] });
    expect(nav[1]).toMatchObject({ url: 'file:///etc/passwd', prevented: true, openedExternally: [] });
    expect(nav[2]).toMatchObject({ prevented: false });
    expect(nav[3]).toMatchObject({ prevented: true, openedExternally: [] });
    expect(nav[4]).toMatchObject({ prevented: false });
    expect(dev.windowOpen).toEqual([
      { url: 'https://example.com/story', result: { action: 'deny' }, openedExternally: ['https://example.com/story'] },
      { url: 'file:///etc/passwd', result: { action: 'deny' }, openedExternally: [] },
      { url: 'javascript:alert(1)', result: { action: 'deny' }, openedExternally: [] },
    ]);
    expect(dev.webviewPrevented).toBe(true);
  });

  it('grants no permission and allows no download', () => {
    expect(dev.permissionGranted).toBe(false);
    expect(dev.permissionCheck).toBe(false);
    expect(dev.downloadPrevented).toBe(true);
  });

  it('registers exactly the contract channels, and the handler set has the same keys', async () => {
    expect(sorted(dev.ipcChannels)).toEqual(sorted(CHANNELS));
    // The same library opened here tells whether the child's app:info must succeed: never vacuous.
    const here = mkdtempSync(join(tmpdir(), 'kabar-shell-handlers-'));
    // Imported here so a broken handlers module fails this test only, not the whole smoke suite.
    const { createHandlers } = await import('../../../main/handlers');
    const opened = await createHandlers({
      dataDir: here,
      version: 'x',
      systemLocale: 'en',
      mediaBase: 'kabar-media://media/',
      openExternal: async () => undefined,
      emit: () => undefined,
      chooseFiles: async () => [],
      setMenuStrings: () => undefined,
    }).then(
      (set) => ({ ok: true as const, set }),
      (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }),
    );
    try {
      const appInfo = dev.ipc?.appInfo;
      if (opened.ok) {
        expect(sorted(Object.keys(opened.set.handlers))).toEqual(sorted(dev.ipcChannels));
        expect(appInfo).toMatchObject({ resolved: { ok: true, value: { dataDir, version: '0.0.0-stand-in' } } });
      } else {
        expect(wireError(appInfo)).toMatchObject({ message: opened.message });
      }
    } finally {
      if (opened.ok) await opened.set.close();
      rmSync(here, { recursive: true, force: true });
    }
  });

  it('answers bad arguments with INVALID_ARGUMENT and refuses foreign senders', () => {
    expect(wireError(dev.ipc?.badArgs)).toMatchObject({ code: 'INVALID_ARGUMENT', params: { channel: 'article:get' } });
    expect(wireError(dev.ipc?.extraArgs)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    for (const refused of [dev.ipc?.foreignFrame, dev.ipc?.subFrame, dev.ipc?.otherContents]) {
      expect(refused).toMatchObject({ rejected: expect.stringContaining('untrusted') });
    }
  });

  it('serves captured media by hash name only', () => {
    const [good, ...bad] = dev.media ?? [];
    expect(good).toMatchObject({ status: 200, type: 'image/png', body: 'PNGDATA' });
    expect(bad.map((r) => r.status)).toEqual([404, 404, 404, 404]);
  });

  it('installs the menu, whose items send menu:command', () => {
    const menu = dev.menu ?? [];
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Language', 'Help']);
    const language = menu.find((m) => m.label === 'Language')?.submenu ?? [];
    expect(language).toHaveLength(9);
    expect(roles(menu)).toContain('toggleDevTools');
    expect(dev.sentAfterMenuClick).toEqual([{ channel: 'menu:command', payload: { command: 'import-files' } }]);
  });

  it('quits when the last window closes, and holds the quit until the library is closed', () => {
    expect(dev.quitOnAllClosed).toBe(1);
    expect(dev.willQuitPrevented).toBe(true);
    expect(dev.quitAfterClose).toBe(1);
  });
});

describe('built import worker', () => {
  it('emits out/main/articles-worker.js, which starts, extracts the seed and converts feed items off the main thread', async () => {
    const file = join(out, 'main', 'articles-worker.js');
    expect(existsSync(file)).toBe(true);
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(file);
    try {
      type Reply = { ready?: boolean; id?: number; result?: unknown };
      const next = () => new Promise<Reply>((resolve) => worker.once('message', resolve));
      expect(await next()).toEqual({ ready: true });
      const seed = readFileSync(join(ROOT, '..', 'shared', 'corpus', 'seed', 'diplomasi-bayangan.txt'));
      worker.postMessage({ id: 7, request: { kind: 'page', bytes: new Uint8Array(seed), hint: { fileName: 'seed.txt' } } });
      expect(await next()).toMatchObject({ id: 7, result: { lang: 'id', title: expect.stringMatching(/^Diplomasi Bayangan/) } });
      const items = [{ title: 'Satu', link: 'https://example.com/1', content: '<p>Isi <b>berita</b><script>alert(1)</script></p>' }];
      worker.postMessage({ id: 8, request: { kind: 'items', items, feed: { title: 'Situs' }, feedId: 'f1' } });
      const reply = await next();
      expect(reply).toMatchObject({ id: 8, result: [{ title: 'Satu', feedId: 'f1', siteName: 'Situs', blocks: [{ type: 'paragraph', text: 'Isi berita' }] }] });
      expect(JSON.stringify(reply.result)).not.toContain('alert');
    } finally {
      await worker.terminate();
    }
  });
});

describe('built main in other situations', () => {
  it('packaged: ignores ELECTRON_RENDERER_URL and drops developer menu items', () => {
    const packaged = runMain({ STAND_IN_PACKAGED: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(packaged.errors).toEqual([]);
    expect(packaged.loads).toEqual([{ kind: 'file', target: join(out, 'renderer', 'index.html') }]);
    expect(roles(packaged.menu ?? [])).not.toContain('toggleDevTools');
    expect(roles(packaged.menu ?? [])).not.toContain('reload');
  });

  it('dev: loads the dev server on loopback, but never a remote page', () => {
    expect(runMain({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }).loads).toEqual([{ kind: 'url', target: 'http://localhost:5173/' }]);
    expect(runMain({ ELECTRON_RENDERER_URL: 'https://evil.example/' }).loads).toEqual([
      { kind: 'file', target: join(out, 'renderer', 'index.html') },
    ]);
  });

  it('second instance: quits without a window or IPC', () => {
    const second = runMain({ STAND_IN_LOCK: '0' });
    expect(second.quitCalls).toBe(1);
    expect(second.windowCount).toBe(0);
    expect(second.ipcChannels).toEqual([]);
  });
});

describe('built preload under a stand-in electron', () => {
  let report: PreloadReport;
  beforeAll(() => {
    report = runDriver<PreloadReport>(join(STAND_IN, 'run-preload.cjs'), [join(out, 'preload', 'index.cjs'), CHANNELS.join(',')], {});
  });

  it('is CommonJS that requires nothing but electron (the sandbox allows no more)', () => {
    expect(report.errors).toEqual([]);
    expect(report.requires).toEqual(['electron']);
    expect(inside(join(out, 'preload', 'index.cjs'), out)).toBe(true);
  });

  it('exposes window.kabar once, with functions only', () => {
    expect(report.exposed.map((e) => e.key)).toEqual(['kabar']);
    const members = report.exposed[0].members;
    expect(members.filter((m) => m.type !== 'function')).toEqual([]);
    expect(members.map((m) => m.name)).not.toContain('ipcRenderer');
  });

  it('exposes three doors, passes every contract channel with its arguments, and refuses others', () => {
    expect(sorted(report.exposed[0].members.map((m) => m.name))).toEqual(['invoke', 'on', 'pathForFile']);
    expect(sorted(new Set(report.invoked.map((c) => c.channel)))).toEqual(sorted(CHANNELS));
    expect(report.invoked.every((c) => JSON.stringify(c.args) === JSON.stringify(['x', ['y']]))).toBe(true);
    expect(report.unknownChannel).toMatch(/^refused/);
    expect(report.pathForFile).toBe('/dropped/story.html');
  });

  it('passes event payloads only, unsubscribes, and refuses unknown events', () => {
    expect(report.eventPayloads).toEqual([{ ids: ['a'] }]);
    expect(report.listeners).toEqual([
      { op: 'on', channel: 'library:changed' },
      { op: 'removeListener', channel: 'library:changed', same: true },
    ]);
    expect(report.unknownEvent).toMatch(/^refused/);
  });
});

function roles(items: MenuItemReport[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
}
