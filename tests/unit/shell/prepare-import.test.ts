/** `import:prepare`: opening the Add dialog starts the extraction workers, and nothing starts them before. */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { extractPoolStats } from '../../../main/core/articles';
import { createHandlers, type HandlerSet } from '../../../main/handlers';
import { tempDir } from '../helpers';

let set: HandlerSet | null = null;
afterEach(async () => {
  await set?.close();
});

it('starts the import workers only when the user is about to import', async () => {
  set = await createHandlers({
    dataDir: join(await tempDir(), 'library'),
    version: 'x',
    systemLocale: 'en',
    mediaBase: '/media/',
    openExternal: async () => undefined,
    emit: () => undefined,
    chooseFiles: async () => [],
    setMenuStrings: () => undefined,
  });
  await new Promise((r) => setTimeout(r, 200));
  expect(extractPoolStats().workers).toBe(0);
  await set.handlers['import:prepare']();
  expect(extractPoolStats().workers).toBeGreaterThan(0);
});
