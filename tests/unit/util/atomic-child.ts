/**
 * Child process of the atomic-write kill test: rewrites one file in a loop with two large,
 * different payloads (async and sync writes in turn) until it is killed. Prints `ready` once the
 * first write is in place. argv: <target file>
 */
import { writeSync } from 'node:fs';
import { writeFileAtomic, writeFileAtomicSync } from '../../../main/core/util';

const [target] = process.argv.slice(2) as [string];
const payloads = ['a', 'b'].map((c) => c.repeat(2 * 1024 * 1024));

await writeFileAtomic(target, payloads[0] as string);
writeSync(1, 'ready\n');
for (let n = 1; ; n += 1) {
  const data = payloads[n % 2] as string;
  if (n % 3 === 0) writeFileAtomicSync(target, data, { syncDir: true });
  else await writeFileAtomic(target, data);
}
