/**
 * The layering rules in eslint.config.js, each shown to refuse a planted violation (and to let
 * the allowed form through) by linting source text as if it lived at a path in the repo.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The restricted-import messages ESLint gives `code` placed at `path`. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('main/core', () => {
  it('never imports electron', async () => {
    expect(await importErrors('main/core/store/planted.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      expect.stringContaining('main/core is pure Node'),
    ]);
  });

  it('never imports the shell (main/*.ts), at any depth', async () => {
    expect(await importErrors('main/core/store/planted.ts', "import { createHandlers } from '../../handlers';\nexport const x = createHandlers;\n")).toEqual([
      expect.stringContaining('never imports the Electron shell'),
    ]);
    expect(await importErrors('main/core/planted.ts', "import { registerIpc } from '../ipc';\nexport const x = registerIpc;\n")).toEqual([
      expect.stringContaining('never imports the Electron shell'),
    ]);
    expect(await importErrors('main/core/translate/bergamot/planted.ts', "import { x } from '../../../paths';\nexport const y = x;\n")).toEqual([
      expect.stringContaining('never imports the Electron shell'),
    ]);
  });

  it('reaches another module only through its index.ts', async () => {
    const deep = await importErrors('main/core/feeds/planted.ts', "import { toBlocks } from '../articles/blocks';\nexport const x = toBlocks;\n");
    expect(deep).toEqual([expect.stringContaining('through its index.ts')]);
    expect(await importErrors('main/core/feeds/planted.ts', "import { extract } from '../articles';\nimport type { Settings } from '../types';\nexport const x: [typeof extract, Settings?] = [extract];\n")).toEqual([]);
    expect(await importErrors('main/core/planted.ts', "import { Library } from './store/library';\nexport const x = Library;\n")).toEqual([
      expect.stringContaining('through its index.ts'),
    ]);
    // A module's own files stay free to import each other.
    expect(await importErrors('main/core/translate/bergamot/planted.ts', "import { x } from '../engine';\nexport const y = x;\n")).toEqual([]);
  });
});

describe('the shell', () => {
  it('imports core modules through their index.ts, and ipcMain only in main/ipc.ts', async () => {
    expect(await importErrors('main/planted.ts', "import { Library } from './core/store/library';\nexport const x = Library;\n")).toEqual([
      expect.stringContaining('through its index.ts'),
    ]);
    expect(await importErrors('main/cli/planted.ts', "import { Library } from '../core/store/library';\nexport const x = Library;\n")).toEqual([
      expect.stringContaining('through its index.ts'),
    ]);
    expect(await importErrors('main/planted.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n")).toEqual([
      expect.stringContaining('Only main/ipc.ts'),
    ]);
  });
});

describe('the renderer', () => {
  it('imports only types from preload/, values only from preload/shared.ts, nothing from main/', async () => {
    expect(await importErrors('renderer/src/stores/planted.ts', "import { CHANNELS } from '../../../preload/contract';\nexport const x = CHANNELS;\n")).toEqual([
      expect.stringContaining('only types from preload/'),
    ]);
    expect(await importErrors('renderer/src/stores/planted.ts', "import type { Channel } from '../../../preload/contract';\nimport { DEFAULT_SETTINGS } from '../../../preload/shared';\nexport const x: [Channel?, unknown?] = [undefined, DEFAULT_SETTINGS];\n")).toEqual([]);
    expect(await importErrors('renderer/src/stores/planted.ts', "import { DEFAULT_SETTINGS } from '../../../main/core/defaults';\nexport const x = DEFAULT_SETTINGS;\n")).toEqual([
      expect.stringContaining('never imports main/'),
    ]);
  });

  it('lets only stores call api: features and components call store actions', async () => {
    const call = "import { api } from '../../api';\nexport const x = api;\n";
    expect(await importErrors('renderer/src/features/reader/planted.ts', call)).toEqual([expect.stringContaining('Only renderer/src/stores/**')]);
    expect(await importErrors('renderer/src/components/planted.ts', "import { api } from '../api';\nexport const x = api;\n")).toEqual([
      expect.stringContaining('Only renderer/src/stores/**'),
    ]);
    expect(await importErrors('renderer/src/stores/planted.ts', "import { api } from '../api';\nexport const x = api;\n")).toEqual([]);
  });

  it('keeps shared components free of features', async () => {
    expect(await importErrors('renderer/src/components/planted.tsx', "import { Reader } from '../features/reader/Reader';\nexport const x = Reader;\n")).toEqual([
      expect.stringContaining('never import features'),
    ]);
  });

  it('keeps ipcRenderer in preload/index.ts', async () => {
    expect(await importErrors('preload/planted.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toEqual([
      expect.stringContaining('Only preload/index.ts'),
    ]);
  });
});
