// @vitest-environment jsdom
/** Errors translate by code; ICU plurals work; every t('…') key in the renderer exists in en.json. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/src/api';
import { applyLocale, bestLocale, i18n, isRtl } from '../../renderer/src/i18n';
import { ERROR_CODES, errorMessage } from '../../renderer/src/i18n/errors';
import { menuStrings } from '../../renderer/src/i18n/menu';
import en from '../../renderer/src/i18n/locales/en.json';
import { setupDom } from './setup';
import { MENU_KEYS } from '../../preload/contract-library';

const t = i18n.t.bind(i18n);

function has(path: string): boolean {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

beforeEach(() => setupDom());

describe('error translation', () => {
  it('maps every core error code to its own actionable message', () => {
    for (const code of ERROR_CODES) {
      expect(has(`errors.${code}`), code).toBe(true);
      const message = errorMessage(t, new ApiError({ code, message: 'english', params: { status: 503 } }));
      expect(message).not.toBe(`errors.${code}`);
      expect(message).not.toContain('{');
    }
  });

  it('interpolates params and fills a missing one', () => {
    expect(errorMessage(t, new ApiError({ code: 'HTTP_ERROR', message: 'x', params: { status: 404 } }))).toContain('404');
    expect(errorMessage(t, { code: 'HTTP_ERROR', message: 'x' })).not.toContain('{status}');
  });

  it('falls back to the generic message for unknown codes and plain errors', () => {
    const generic = t('errors.GENERIC');
    expect(errorMessage(t, new ApiError({ code: 'SOMETHING_NEW', message: 'x' }))).toBe(generic);
    expect(errorMessage(t, new Error('boom'))).toBe(generic);
  });
});

describe('messages', () => {
  it('uses ICU plurals', () => {
    expect(t('list.total', { count: 1 })).toBe('1 article');
    expect(t('list.total', { count: 10000 })).toBe('10,000 articles');
    expect(t('list.total', { count: 0 })).toBe('No articles');
    expect(t('reader.readingTime', { count: 4 })).toBe('4 min read');
  });

  it('defines every key the source asks for', () => {
    const root = join(__dirname, '../../renderer/src');
    const missing: string[] = [];
    for (const file of sources(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) {
        const key = match[1] as string;
        if (!has(key)) missing.push(`${file.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives the native menu a label for every field', () => {
    const strings = menuStrings(t);
    expect(Object.keys(strings).sort()).toEqual([...MENU_KEYS].sort());
    for (const value of Object.values(strings)) expect(value).not.toMatch(/^menu\./);
  });
});

describe('locale choice', () => {
  it('picks the best interface language for an OS locale', () => {
    expect(bestLocale('en-GB')).toBe('en');
    expect(bestLocale('id-ID')).toBe('id');
    expect(bestLocale('zh-TW')).toBe('zh-CN');
    expect(bestLocale('zh_CN')).toBe('zh-CN');
    expect(bestLocale('pt-BR')).toBe('en');
    expect(bestLocale(null)).toBe('en');
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('en')).toBe(false);
  });

  it('mirrors the language on <html lang dir>', async () => {
    await applyLocale('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    await applyLocale('en');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
