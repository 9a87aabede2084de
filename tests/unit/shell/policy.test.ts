/** The shell's pure policies: data-dir resolution, URL and media checks, remembered bounds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/paths';
import { CSP, cspFor, isExternalUrl, isOwnRendererUrl, isWebUrl, parseMediaUrl, rendererTarget } from '../../../main/security';
import { DEFAULT_WINDOW_STATE, parseWindowState } from '../../../main/window-state';

describe('resolveDataDir', () => {
  const base = { argv: ['electron', '.'], env: {}, userData: '/home/u/.config/Kabar', cwd: '/work' };
  it('uses userData by default, then KABAR_DATA_DIR, then --data', () => {
    expect(resolveDataDir(base)).toBe('/home/u/.config/Kabar');
    expect(resolveDataDir({ ...base, env: { KABAR_DATA_DIR: '/lib' } })).toBe('/lib');
    expect(resolveDataDir({ ...base, env: { KABAR_DATA_DIR: '/lib' }, argv: ['electron', '.', '--data', '/arg'] })).toBe('/arg');
    expect(resolveDataDir({ ...base, argv: ['electron', '--data=/eq'] })).toBe('/eq');
  });
  it('resolves relative folders against cwd and ignores an empty override', () => {
    expect(resolveDataDir({ ...base, argv: ['x', '--data', 'lib'] })).toBe(join('/work', 'lib'));
    expect(resolveDataDir({ ...base, env: { KABAR_DATA_DIR: '  ' } })).toBe('/home/u/.config/Kabar');
    expect(resolveDataDir({ ...base, argv: ['x', '--data'] })).toBe('/home/u/.config/Kabar');
  });
});

describe('URL policy', () => {
  const file = rendererTarget({ htmlPath: '/app/out/renderer/index.html', devUrl: undefined, packaged: true });
  it('knows our own page, with any hash but no other file', () => {
    expect(isOwnRendererUrl(file, 'file:///app/out/renderer/index.html#/reader/1')).toBe(true);
    expect(isOwnRendererUrl(file, 'file:///app/out/renderer/other.html')).toBe(false);
    expect(isOwnRendererUrl(file, 'file:///app/out/renderer/index.html?x=1')).toBe(false);
    expect(isOwnRendererUrl(file, 'https://app/out/renderer/index.html')).toBe(false);
    expect(isOwnRendererUrl(file, 'not a url')).toBe(false);
  });
  it('trusts a dev server only on loopback and only unpackaged', () => {
    expect(rendererTarget({ htmlPath: '/x.html', devUrl: 'http://localhost:5173', packaged: false }).kind).toBe('dev');
    expect(rendererTarget({ htmlPath: '/x.html', devUrl: 'http://localhost:5173', packaged: true }).kind).toBe('file');
    expect(rendererTarget({ htmlPath: '/x.html', devUrl: 'http://evil.example', packaged: false }).kind).toBe('file');
    const dev = rendererTarget({ htmlPath: '/x.html', devUrl: 'http://localhost:5173/', packaged: false });
    expect(isOwnRendererUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
    expect(isOwnRendererUrl(dev, 'http://localhost:5174/')).toBe(false);
  });
  it('lets only web (and, for handlers, mail) links out', () => {
    expect(isWebUrl('https://example.com')).toBe(true);
    expect(isWebUrl('mailto:a@b.c')).toBe(false);
    expect(isExternalUrl('mailto:a@b.c')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', '']) {
      expect(isWebUrl(bad) || isExternalUrl(bad)).toBe(false);
    }
  });
  it('allows inline styles in dev only, never inline scripts or eval', () => {
    expect(cspFor(false)).not.toContain('unsafe');
    expect(cspFor(true)).toContain("style-src 'self' 'unsafe-inline'");
    expect(cspFor(true)).toContain("script-src 'self';");
  });
  it('gives scripts no unsafe-inline, unsafe-eval, wildcard, data: or remote source, in dev or not', () => {
    for (const csp of [cspFor(false), cspFor(true)]) {
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-src')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'none'"]);
      // Nothing loads from the web: images come from captured media or data: only.
      for (const values of directives.values()) expect(values.join(' ')).not.toMatch(/https?:|\*|unsafe-eval|unsafe-hashes|strict-dynamic/);
    }
  });
  it("renderer/index.html carries the same policy in its meta tag (the harness and file:// loads rely on it)", () => {
    const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.replace(/\s+/g, ' ').trim()).toBe(CSP);
  });
});

describe('parseMediaUrl', () => {
  const hash = 'a'.repeat(64);
  it('accepts content-addressed image names', () => {
    expect(parseMediaUrl(`kabar-media://media/${hash}.jpg`)).toEqual({ name: `${hash}.jpg`, type: 'image/jpeg' });
    expect(parseMediaUrl(`kabar-media://media/${hash}.svg`)?.type).toBe('image/svg+xml');
  });
  it('refuses everything else', () => {
    for (const url of [
      `kabar-media://media/${hash}.html`,
      `kabar-media://media/${hash.toUpperCase()}.png`,
      `kabar-media://media/%2e%2e%2f${hash}.png`,
      `kabar-media://media/${hash}.png%00.html`,
      `kabar-media://media/sub/${hash}.png`,
      `kabar-media://other/${hash}.png`,
      `kabar-media://media/${hash}.png?x=1`,
      `file:///media/${hash}.png`,
      'kabar-media://media/library.json',
    ]) {
      expect(parseMediaUrl(url)).toBeNull();
    }
  });
});

describe('parseWindowState', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores saved bounds on a visible display', () => {
    const saved = JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(parseWindowState(saved, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });
  it('drops a position no display shows, and falls back on junk', () => {
    expect(parseWindowState(JSON.stringify({ x: 5000, y: 50, width: 1000, height: 700 }), screen)).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(parseWindowState('{oops', screen)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(null, screen)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(JSON.stringify({ width: 10, height: 'x' }), screen)).toMatchObject({ width: 640, height: 800 });
  });
});
