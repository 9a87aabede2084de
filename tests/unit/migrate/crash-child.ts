/**
 * Child of the import/fetch kill test. `import`: imports a Pocket CSV in batches of 50 and prints
 * `! <entries>` once each batch is durable. `fetch`: fetches the library's waiting links and prints
 * `! <fetched>` after each page is stored. Lines go out with a synchronous write, so a confirmation
 * the parent reads is one the library had already made durable.
 *
 * argv: <data dir> import <csv> | <data dir> fetch
 */
import { writeSync } from 'node:fs';
import { importLibraryFile, LinkFetcher } from '../../../main/core/migrate/index';
import { openLibrary } from '../../../main/core/store/index';

const [dir, mode, csv] = process.argv.slice(2) as [string, string, string | undefined];

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

const library = await openLibrary({ dir, owner: 'cli' });
say('ready');
if (mode === 'import') {
  await importLibraryFile(library, csv as string, { batchSize: 50, onProgress: (s) => say(`! ${s.entries}`) });
} else {
  let fetched = 0;
  await new LinkFetcher(library, {
    images: false,
    backoffMs: 20,
    onProgress: (s) => {
      if (s.fetched > fetched) say(`! ${(fetched = s.fetched)}`);
    },
  }).run();
}
say('done');
await library.close();
// Stay alive until killed, like an app that keeps running.
setInterval(() => undefined, 1000);
