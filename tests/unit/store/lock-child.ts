/**
 * Child process of the lock test. `open`: opens the library as the app does and holds it until
 * killed. `race`: tries to take the write lock once, prints `won` or the error code, holds it briefly.
 *
 * argv: <data dir> <open|race>
 */
import { acquireWriteLock, openLibrary } from '../../../main/core/store/index';
import { KabarError } from '../../../main/core/errors';

const [dir, mode] = process.argv.slice(2) as [string, string];
if (mode === 'open') {
  await openLibrary({ dir, owner: 'app' });
  process.stdout.write('held\n');
  setInterval(() => undefined, 60_000);
} else {
  try {
    const lock = acquireWriteLock(dir, 'cli');
    process.stdout.write('won\n');
    setTimeout(() => lock.release(), 1500);
  } catch (error) {
    process.stdout.write(`${error instanceof KabarError ? error.code : String(error)}\n`);
  }
}
