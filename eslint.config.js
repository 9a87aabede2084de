// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectronInCore = {
  paths: [{ name: 'electron', message: 'main/core is pure Node: pass what it needs in (DESIGN.md §1).' }],
};

/** Lint rules: TypeScript strictness plus the layering rules of DESIGN.md §8. */
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
  {
    files: ['main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectronInCore] },
  },
  {
    // ipcMain lives only in main/ipc.ts; ipcRenderer only in preload/index.ts.
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'preload/**/*.ts'],
    ignores: ['main/ipc.ts', 'preload/index.ts', 'main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', importNames: ['ipcMain'], message: 'Only main/ipc.ts may import ipcMain.' },
            { name: 'electron', importNames: ['ipcRenderer'], message: 'Only preload/index.ts may import ipcRenderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
