// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layering DESIGN.md §2 describes, as import rules (VS Code's `code-layering` idea, with
 * typescript-eslint's no-restricted-imports). ESLint does not merge one rule's options across
 * config blocks, so each group of files below gets every restriction that applies to it.
 * tests/unit/lint/layering.test.ts plants a violation of each rule and expects it refused.
 */
const ELECTRON_IN_CORE = { name: 'electron', message: 'main/core is pure Node: pass what it needs in (DESIGN.md §1).' };
const IPC_MAIN = { name: 'electron', importNames: ['ipcMain'], message: 'Only main/ipc.ts may import ipcMain.' };
const IPC_RENDERER = { name: 'electron', importNames: ['ipcRenderer'], message: 'Only preload/index.ts may import ipcRenderer.' };
const DEEP = 'Import another main/core module through its index.ts, not its files (DESIGN.md §2).';
const SHELL = 'main/core never imports the Electron shell (main/*.ts) (DESIGN.md §2).';

/** `depth` "../" in a row: how a file that deep in main/core climbs out of it. */
const up = (depth) => '\\.\\./'.repeat(depth);

/** Rules for main/core files `depth` folders below main/ (1: main/core/x.ts, 2: main/core/mod/x.ts, …). */
function coreLayer(depth) {
  const patterns = [{ regex: `^${up(depth)}`, message: SHELL }];
  // Into another module's files: from main/core/x.ts "./mod/file"; from inside a module "../other/file"
  // (one level up lands in main/core; deeper files climb more).
  if (depth === 1) patterns.push({ regex: '^\\./[^/]+/', message: DEEP });
  else patterns.push({ regex: `^${up(depth - 1)}[^./][^/]*/`, message: DEEP });
  return { paths: [ELECTRON_IN_CORE], patterns };
}

/** What no renderer file may import: values from preload/ (types are fine; shared values come from preload/shared.ts), or main/. */
const RENDERER = [
  { regex: '(^|/)preload/(?!shared$)', allowTypeImports: true, message: 'The renderer imports only types from preload/ (shared values: preload/shared.ts).' },
  { regex: '(^|/)main/', message: 'The renderer never imports main/: it asks through the contract.' },
];
/** Features and components reach main only through store actions. */
const ONE_DOOR = { regex: '^(\\.\\./)+api$', message: 'Only renderer/src/stores/** call api: call a store action.' };

const restrict = (options) => ({ '@typescript-eslint/no-restricted-imports': ['error', options] });

/** Lint rules: TypeScript strictness plus the layering rules of DESIGN.md §2 and §8. */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.kabar-tmp/**', '.kscratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='sendSync']", message: 'sendSync blocks the renderer.' },
      ],
    },
  },
  // main/core runs in Node (and in worker threads): a browser global there is a bug, even where a
  // jsdom import brings DOM types into the program.
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'alert', 'HTMLElement', 'Node'].map((name) => ({
          name,
          message: 'main/core is pure Node: parse with linkedom/jsdom and use that window, never a browser global.',
        })),
      ],
    },
  },
  // main/core: no electron, no shell, other modules only through their index.ts.
  { files: ['main/core/*.ts'], rules: restrict(coreLayer(1)) },
  { files: ['main/core/*/*.ts'], rules: restrict(coreLayer(2)) },
  { files: ['main/core/*/*/*.ts'], rules: restrict(coreLayer(3)) },
  { files: ['main/core/*/*/*/*.ts'], rules: restrict(coreLayer(4)) },
  // The shell: ipcMain only in main/ipc.ts; core only through each module's index.ts.
  {
    files: ['main/*.ts'],
    ignores: ['main/ipc.ts'],
    rules: restrict({ paths: [IPC_MAIN, IPC_RENDERER], patterns: [{ regex: '^\\./core/[^/]+/', message: DEEP }] }),
  },
  { files: ['main/ipc.ts'], rules: restrict({ paths: [IPC_RENDERER], patterns: [{ regex: '^\\./core/[^/]+/', message: DEEP }] }) },
  {
    files: ['main/cli/**/*.ts'],
    rules: restrict({ paths: [IPC_MAIN, IPC_RENDERER], patterns: [{ regex: '^\\.\\./core/[^/]+/', message: DEEP }] }),
  },
  // The preload: ipcRenderer only in preload/index.ts; core types through each module's index.ts.
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    rules: restrict({ paths: [IPC_MAIN, IPC_RENDERER], patterns: [{ regex: '^\\.\\./main/core/[^/]+/', message: DEEP }] }),
  },
  // The renderer: types only from preload/ (values from preload/shared.ts), nothing from main/.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict({
      paths: [IPC_MAIN, IPC_RENDERER],
      patterns: [
        ...RENDERER,
      ],
    }),
  },
  // Features and components reach main only through store actions: one door, one error path.
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: restrict({
      paths: [IPC_MAIN, IPC_RENDERER],
      patterns: [
        ...RENDERER,
        ONE_DOOR,
      ],
    }),
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: restrict({
      paths: [IPC_MAIN, IPC_RENDERER],
      patterns: [
        ...RENDERER,
        ONE_DOOR,
        { regex: '(^|/)features/', message: 'Shared components never import features (DESIGN.md §2).' },
      ],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
