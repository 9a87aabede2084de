/**
 * Child process of the store kill test: imports real corpus text files (decoder + plain-text
 * parser, the .txt import path), tags, bookmarks and trashes articles in a loop until it is
 * killed. Before each operation it prints `? <op>` (intent) and, once the library has confirmed
 * it (the call returned), `! <op>`. Lines go out with a synchronous write, so a confirmation the
 * parent reads is one the library had already made durable.
 *
 * argv: <data dir> <seed> <run number> <corpus file>...
 */
import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../../../main/core/articles/decode';
import { parsePlainText } from '../../../main/core/articles/plaintext';
import { openLibrary } from '../../../main/core/store/index';
import { rng } from './seeded-random';

const [dir, seedText, runText, ...files] = process.argv.slice(2) as [string, string, string, ...string[]];


function say(line: string): void {
  writeSync(1, `${line}\n`);
}

const random = rng(Number(seedText) * 1000 + Number(runText));
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;

const library = await openLibrary({ dir, owner: 'cli' });
say('ready');
for (let step = 0; ; step += 1) {
  const ids = library.allMeta().map((m) => m.id);
  const roll = random();
  if (ids.length === 0 || roll < 0.3) {
    const file = pick(files);
    say(`? imp ${file}`);
    const extracted = parsePlainText(decodeBytes(await readFile(file)).text);
    const { meta } = await library.add(extracted);
    say(`! imp ${meta.id}`);
  } else if (roll < 0.6) {
    const id = pick(ids);
    const tag = `r${runText}s${step}`;
    say(`? tag ${id} ${tag}`);
    library.addTags(id, [tag]);
    say(`! tag ${id} ${tag}`);
  } else if (roll < 0.85) {
    const id = pick(ids);
    const on = !library.meta(id).bookmarked;
    say(`? bm ${id} ${on ? 1 : 0}`);
    library.setBookmarked(id, on);
    say(`! bm ${id} ${on ? 1 : 0}`);
  } else {
    const id = pick(ids);
    say(`? del ${id}`);
    await library.delete(id);
    say(`! del ${id}`);
  }
  // Compactions (library.json rewrites, journal rotation, hourly backups) run often, so kills
  // land inside them too.
  if (step % 5 === 4) void library.compact().catch(() => undefined);
}
