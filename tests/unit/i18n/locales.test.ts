/**
 * The translated interface files against the English source (renderer/src/i18n/locales/en.json):
 * the same keys, valid ICU messages with the same placeholders and the plural forms each
 * language needs, every key the renderer asks for present, and no English left untranslated.
 * Every failure names the locale and the key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { MENU_KEYS } from '../../../preload/contract-library';

const ROOT = resolve(__dirname, '../../..');
const LOCALE_DIR = join(ROOT, 'renderer/src/i18n/locales');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

// ---------------------------------------------------------------------------------------------
// Inputs: the English source, the language list of the i18n setup, the translated files.

type Tree = { [key: string]: string | Tree };

/** Flattens nested messages to dotted keys; a non-string leaf becomes an error entry. */
function flatten(tree: Tree, prefix = '', out = new Map<string, string>(), bad: string[] = []): { map: Map<string, string>; bad: string[] } {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out, bad);
    else bad.push(`${key} (${Array.isArray(v) ? 'array' : typeof v})`);
  }
  return { map: out, bad };
}

function loadTree(file: string): Tree {
  return JSON.parse(readFileSync(join(LOCALE_DIR, file), 'utf8')) as Tree;
}

const enTree = loadTree('en.json');
const EN = flatten(enTree).map;

/** The `LOCALES` array of renderer/src/i18n/index.ts (read as text: the module needs Vite). */
function declaredLocales(): string[] {
  const src = read('renderer/src/i18n/index.ts');
  const body = /export const LOCALES\s*=\s*\[([^\]]*)\]/.exec(src)?.[1];
  if (!body) throw new Error('renderer/src/i18n/index.ts: LOCALES array not found');
  return [...body.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
}

const DECLARED = declaredLocales();
const LOCALES = DECLARED.filter((l) => l !== 'en');

// ---------------------------------------------------------------------------------------------
// ICU helpers. i18next-icu builds `new IntlMessageFormat(value, lng, formats, { ignoreTag: true })`,
// so messages are parsed the same way here; `<0>`-style tags are then plain text, compared below.

/** The parts of the intl-messageformat AST this test reads (its TYPE enum values). */
interface El {
  type: number;
  value?: string;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: El[] }>;
  children?: El[];
}
const T = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7, tag: 8 } as const;

interface ArgInfo {
  kind: 'numeric' | 'string' | 'date' | 'select';
  selectKeys?: string[];
}

interface Parsed {
  mf: IntlMessageFormat;
  args: Map<string, ArgInfo>;
  plurals: { name: string; pluralType: 'cardinal' | 'ordinal'; keys: string[] }[];
}

function parse(value: string, locale: string): Parsed {
  const mf = new IntlMessageFormat(value, locale, undefined, { ignoreTag: true });
  const args = new Map<string, ArgInfo>();
  const plurals: Parsed['plurals'] = [];
  const walk = (els: El[]): void => {
    for (const el of els) {
      const name = el.value ?? '';
      if (el.type === T.argument) {
        if (!args.has(name)) args.set(name, { kind: 'string' });
      } else if (el.type === T.number || el.type === T.plural) {
        args.set(name, { kind: 'numeric' });
      } else if (el.type === T.date || el.type === T.time) {
        args.set(name, { kind: 'date' });
      } else if (el.type === T.select) {
        args.set(name, { kind: 'select', selectKeys: Object.keys(el.options ?? {}) });
      }
      if (el.type === T.plural) plurals.push({ name, pluralType: el.pluralType ?? 'cardinal', keys: Object.keys(el.options ?? {}) });
      for (const opt of Object.values(el.options ?? {})) walk(opt.value);
      if (el.children) walk(el.children);
    }
  };
  walk(mf.getAst() as unknown as El[]);
  return { mf, args, plurals };
}

/** Values that make a placeholder visible in the output: a marker for text, distinct numbers. */
const marker = (name: string): string => `⟦${name}⟧`;
const BIG = 1011; // "other"/"many" in every shipped language, so `#` must show it.
const SAMPLES = [0, 1, 2, 3, 5, 11, 21, 100, 101, 102, 1_000_000];

function sampleValues(args: Map<string, ArgInfo>, n: number | 'distinct', selectKey?: string): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  let i = 0;
  for (const [name, info] of args) {
    if (info.kind === 'numeric') values[name] = n === 'distinct' ? BIG + i++ : n;
    else if (info.kind === 'date') values[name] = new Date(Date.UTC(2026, 10, 27));
    else if (info.kind === 'select') values[name] = selectKey ?? 'other';
    else values[name] = marker(name);
  }
  return values;
}

function format(mf: IntlMessageFormat, values: Record<string, string | number | Date>): string {
  const out = mf.format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

/** Tags such as <0>…</0> or <strong/> (text under ignoreTag), sorted for comparison. */
const tagsOf = (s: string): string[] => (s.match(/<\/?[A-Za-z0-9]+\s*\/?>/g) ?? []).sort();

/** Keyboard combinations and single-letter key names a translation must keep as written. */
function keyTokens(english: string): string[] {
  const combos = english.match(/\b(?:Ctrl|Cmd|Alt|Shift|Meta)\+[A-Za-z0-9+,]+/g) ?? [];
  // A lone capital letter that is not a word: "Press T", "J and K" (not "A", "I").
  const letters = english.match(/(?<![A-Za-z0-9'’])[B-HJ-Z](?![A-Za-z0-9'’])/g) ?? [];
  return [...new Set([...combos, ...letters])];
}

const hasToken = (text: string, token: string): boolean =>
  token.length === 1 ? new RegExp(`(?<![A-Za-z])${token}(?![A-Za-z])`).test(text) : text.includes(token);

/** Plural categories a language must spell out. `many` in fr/es/it/pt/ca only marks round millions
 * ("1 million d’articles"); with digits the `other` form reads correctly, so it may fall back. */
const OPTIONAL: Record<string, string[]> = { fr: ['many'], es: ['many'], it: ['many'], pt: ['many'], ca: ['many'] };

function pluralProblems(locale: string, p: Parsed['plurals'][number]): string[] {
  const cats = new Intl.PluralRules(locale, { type: p.pluralType }).resolvedOptions().pluralCategories as string[];
  const problems: string[] = [];
  for (const k of p.keys) {
    if (!/^=\d+$/.test(k) && !cats.includes(k)) problems.push(`{${p.name}} uses "${k}", not a ${locale} plural category (${cats.join('/')})`);
  }
  const optional = OPTIONAL[locale.split('-')[0]!] ?? [];
  for (const c of cats) {
    if (optional.includes(c) || p.keys.includes(c)) continue;
    if (c === 'zero' && p.keys.includes('=0')) continue; // zero is exactly {0} in ar
    problems.push(`{${p.name}} lacks the "${c}" form ${locale} needs`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('locale files', () => {
  it('exist for every language the i18n setup lists, and only for those', () => {
    const files = readdirSync(LOCALE_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    const missing = DECLARED.filter((l) => !files.includes(l)).map((l) => `${l}.json`);
    const stray = files.filter((f) => !DECLARED.includes(f)).map((f) => `${f}.json`);
    expect({ missing, stray }, 'locale files vs LOCALES in renderer/src/i18n/index.ts').toEqual({ missing: [], stray: [] });
  });

  it('en.json holds only string messages that parse', () => {
    const { bad } = flatten(enTree);
    const problems = [...bad.map((b) => `en:${b} is not a string`)];
    for (const [key, value] of EN) {
      try {
        parse(value, 'en');
      } catch (e) {
        problems.push(`en:${key}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.each(LOCALES)('%s', (locale) => {
  const tree = loadTree(`${locale}.json`);
  const { map: messages, bad } = flatten(tree);

  it('has exactly the keys of en.json', () => {
    const missing = [...EN.keys()].filter((k) => !messages.has(k));
    const extra = [...messages.keys()].filter((k) => !EN.has(k));
    expect({ missing, extra, notStrings: bad }, `${locale}.json against en.json`).toEqual({ missing: [], extra: [], notStrings: [] });
  });

  it('has ICU messages that parse, format, and keep the English placeholders, tags and plural forms', () => {
    const problems: string[] = [];
    for (const [key, english] of EN) {
      const value = messages.get(key);
      if (value === undefined) continue; // reported by the key test
      const where = `${locale}:${key}`;
      if (value.trim() === '') {
        problems.push(`${where}: empty`);
        continue;
      }
      let en: Parsed;
      let tr: Parsed;
      try {
        en = parse(english, 'en');
        tr = parse(value, locale);
      } catch (e) {
        problems.push(`${where}: does not parse: ${(e as Error).message}`);
        continue;
      }
      const enNames = [...en.args.keys()].sort();
      const trNames = [...tr.args.keys()].sort();
      if (enNames.join() !== trNames.join()) problems.push(`${where}: placeholders {${trNames.join('}, {')}} but English has {${enNames.join('}, {')}}`);
      for (const [name, info] of en.args) {
        const mine = tr.args.get(name);
        if (mine && (mine.kind === 'numeric') !== (info.kind === 'numeric')) problems.push(`${where}: {${name}} is ${mine.kind} here but ${info.kind} in English`);
      }
      if (tagsOf(english).join() !== tagsOf(value).join()) problems.push(`${where}: tags ${tagsOf(value).join(' ') || '(none)'} but English has ${tagsOf(english).join(' ') || '(none)'}`);
      for (const p of tr.plurals) for (const msg of pluralProblems(locale, p)) problems.push(`${where}: ${msg}`);
      for (const token of keyTokens(english)) if (!hasToken(value, token)) problems.push(`${where}: key name "${token}" from the English is missing`);

      // Format with every plural sample (and every select branch): nothing may throw or leave ICU
      // syntax on screen, and every text placeholder must reach the output somewhere.
      const selectKeys = [...tr.args.values()].flatMap((a) => a.selectKeys ?? []);
      const seen = new Set<string>();
      const all = { ...Object.fromEntries([...en.args].map(([n, a]) => [n, a])), ...Object.fromEntries(tr.args) };
      const args = new Map<string, ArgInfo>(Object.entries(all));
      try {
        for (const n of SAMPLES) {
          for (const sel of selectKeys.length ? selectKeys : [undefined]) {
            const out = format(tr.mf, sampleValues(args, n, sel));
            if (/[{}]/.test(out)) problems.push(`${where}: output "${out}" still shows ICU syntax (a stray quote '…' or brace?)`);
            for (const name of args.keys()) if (out.includes(marker(name))) seen.add(name);
          }
        }
        // Numbers the English shows for large counts must show in the translation too (the `#`).
        const values = sampleValues(args, 'distinct');
        const enOut = format(en.mf, values);
        const trOut = format(tr.mf, values);
        const enFmt = new Intl.NumberFormat('en');
        const trFmt = new Intl.NumberFormat(locale);
        for (const [name, v] of Object.entries(values)) {
          if (typeof v !== 'number') continue;
          if (enOut.includes(enFmt.format(v)) && !trOut.includes(trFmt.format(v))) problems.push(`${where}: the number for {${name}} does not appear ("${trOut}"); is # missing from a plural form?`);
        }
      } catch (e) {
        problems.push(`${where}: does not format: ${(e as Error).message}`);
      }
      for (const [name, info] of en.args) {
        if (info.kind === 'string' && tr.args.has(name) && !seen.has(name)) problems.push(`${where}: {${name}} never reaches the output (quoted with '…'?)`);
      }
    }
    const unique = [...new Set(problems)];
    expect(unique, `${locale}: ${unique.length} message problem(s)`).toEqual([]);
  });

  it('keeps language names (endonyms) exactly as en.json writes them', () => {
    const diff = [...EN].filter(([k, v]) => k.startsWith('languages.') && messages.has(k) && messages.get(k) !== v).map(([k, v]) => `${locale}:${k} is "${messages.get(k)}", expected "${v}"`);
    expect(diff).toEqual([]);
  });

  it('uses no bidi control characters and, in French, non-breaking spaces before : ; ? !', () => {
    const problems: string[] = [];
    for (const [key, value] of messages) {
      if (/[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/.test(value)) problems.push(`${locale}:${key}: contains a bidi control character`);
      if (locale === 'fr') {
        if (/ [:;?!»]/.test(value) || /« /.test(value)) problems.push(`${locale}:${key}: ordinary space where French typography needs a non-breaking one: "${value}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves (almost) nothing in English', () => {
    // Identical strings that are fine: no words to translate ("{count, number}", the URL
    // placeholder, "{size, number} px"), the brand alone, and the endonyms under languages.*.
    // What is left may still legitimately match English — loanwords such as Online/Offline,
    // Tag(s), Sepia, Serif, File, Edit, Action, Articles, "# min" — about 10 keys at most in any
    // language (≈4–5 %). Allowing 8 % keeps those while a copied section or file fails; any
    // identical phrase of three or more words fails on its own, since no sentence is shared.
    const identical: string[] = [];
    const sentences: string[] = [];
    let checked = 0;
    for (const [key, english] of EN) {
      if (key.startsWith('languages.')) continue;
      const words = wordsOf(english).filter((w) => w !== 'Kabar');
      if (words.length === 0) continue;
      checked++;
      if (messages.get(key) !== english) continue;
      identical.push(key);
      if (words.length >= 3) sentences.push(`${locale}:${key} "${english}"`);
    }
    const limit = Math.floor(checked * 0.08);
    expect(sentences, `${locale}: English sentences left untranslated`).toEqual([]);
    expect(identical.length, `${locale}: ${identical.length} of ${checked} messages identical to English (limit ${limit}): ${identical.join(', ')}`).toBeLessThanOrEqual(limit);
  });
});

/** The words a reader sees in an English message (its text for a large count, URLs left out). */
function wordsOf(english: string): string[] {
  const { mf, args } = parse(english, 'en');
  const values = sampleValues(args, BIG);
  for (const k of Object.keys(values)) if (typeof values[k] === 'string') values[k] = ' ';
  const text = format(mf, values).replace(/\bhttps?:\/\/\S+/g, ' ');
  return text.match(/\p{L}{3,}/gu) ?? [];
}

// ---------------------------------------------------------------------------------------------
// The renderer asks only for keys en.json has.

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'locales') out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const SECTIONS = new Set(Object.keys(enTree).filter((k) => typeof enTree[k] === 'object'));
const isSection = (path: string): boolean => {
  let node: string | Tree | undefined = enTree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'object';
};

describe('keys used by the renderer', () => {
  const files = sourceFiles(join(ROOT, 'renderer/src'));

  it('finds the renderer sources', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('exist in en.json (t(), i18nKey, keyPrefix, key-shaped string literals)', () => {
    const problems: string[] = [];
    let found = 0;
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const rel = relative(ROOT, file);
      const prefixes = [...src.matchAll(/keyPrefix\s*:\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      const exists = (key: string): boolean => EN.has(key) || prefixes.some((p) => EN.has(`${p}.${key}`));
      const line = (index: number): number => src.slice(0, index).split('\n').length;

      // t('key'), t("key"), i18n.t('key'), t(`key`) and <Trans i18nKey="key">.
      const literal = /\bt\(\s*(?:'([^'\\]+)'|"([^"\\]+)"|`([^`$\\]+)`)|i18nKey=\{?\s*(?:'([^']+)'|"([^"]+)"|`([^`$]+)`)/g;
      for (const m of src.matchAll(literal)) {
        const key = m.slice(1).find((g) => g !== undefined)!;
        found++;
        if (!exists(key)) problems.push(`${rel}:${line(m.index)}: key "${key}" is not in en.json`);
      }
      // t(`errors.${code}`): the fixed part must name a section of en.json.
      for (const m of src.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
        const prefix = m[1]!.replace(/\.$/, '');
        if (prefix && !isSection(prefix)) problems.push(`${rel}:${line(m.index)}: dynamic key \`${m[1]}\${…}\` but en.json has no section "${prefix}"`);
      }
      // Keys kept in tables or ternaries ('list.emptyUnread') before reaching t().
      for (const m of src.matchAll(/'([a-zA-Z]+\.[A-Za-z0-9_.-]+)'|"([a-zA-Z]+\.[A-Za-z0-9_.-]+)"/g)) {
        const s = (m[1] ?? m[2])!;
        if (!SECTIONS.has(s.split('.')[0]!) || /\.(css|json|tsx?|jsx?|html?|txt|svg|png)$/.test(s)) continue;
        if (!EN.has(s) && !isSection(s)) problems.push(`${rel}:${line(m.index)}: "${s}" looks like a translation key but is not in en.json`);
      }
    }
    expect(found, 'no t() calls found: has the renderer stopped using t()?').toBeGreaterThan(0);
    expect([...new Set(problems)]).toEqual([]);
  });

  it('cover every error code the core can send (errors.<code>, plus errors.GENERIC)', () => {
    const src = read('main/core/errors.ts');
    const union = /export type ErrorCode\s*=([^;]+);/.exec(src)?.[1];
    expect(union, 'ErrorCode union in main/core/errors.ts').toBeTruthy();
    const codes = [...union!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(0);
    const missing = [...codes, 'GENERIC'].filter((c) => !EN.has(`errors.${c}`)).map((c) => `errors.${c}`);
    expect(missing, 'error codes without a message in en.json').toEqual([]);

    // The renderer turns codes outside its ERROR_CODES list into GENERIC: it must know them all.
    const listed = /ERROR_CODES\s*=\s*\[([^\]]*)\]/.exec(read('renderer/src/i18n/errors.ts'))?.[1] ?? '';
    const known = [...listed.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(codes.filter((c) => !known.includes(c)), 'ErrorCode values missing from ERROR_CODES in renderer/src/i18n/errors.ts').toEqual([]);
    expect(known.filter((c) => !EN.has(`errors.${c}`)), 'ERROR_CODES without a message in en.json').toEqual([]);
  });

  it('cover every interface language (languages.<code>) and every native menu label (menu.<field>)', () => {
    expect(DECLARED.filter((l) => !EN.has(`languages.${l}`)).map((l) => `languages.${l}`)).toEqual([]);
    // The contract's list of menu labels is the one the schema and MenuStrings are made from.
    expect(MENU_KEYS.length).toBeGreaterThan(0);
    expect(MENU_KEYS.filter((f) => !EN.has(`menu.${f}`)).map((f) => `menu.${f}`)).toEqual([]);
  });
});
