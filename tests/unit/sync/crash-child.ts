/**
 * The process the sync crash test kills: it opens the library, listens for changes (as the app
 * does), and loops — change the state of a synced article, then sync — printing `int …` before
 * each change and `ok …` once the library confirmed it. Args: dataDir seed.
 */
import { openLibrary } from '../../../main/core/store';
import { ownerOnlyFileBox, SyncSession } from '../../../main/core/sync';
import { rng } from '../store/seeded-random';

const [dir, seedText] = process.argv.slice(2) as [string, string];
const random = rng(Number(seedText));
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const library = await openLibrary({ dir, owner: 'cli' });
// Small pages: a pull saves its progress often, so kills land between pages too.
const sync = new SyncSession(library, { box: ownerOnlyFileBox, timeoutMs: 20_000, pageSize: 4 });
library.onChange((ids) => sync.capture(ids));
say('ready');
const TAGS = ['red', 'green', 'blue'];
for (let step = 0; ; step++) {
  const live = library.allMeta().filter((m) => !m.deletedAt);
  const meta = live[Math.floor(random() * live.length)];
  if (meta) {
    const pick = random();
    if (pick < 0.35) {
      const value = !meta.readAt;
      say(`int ${meta.id} read ${value}`);
      library.setRead(meta.id, value);
      say(`ok ${meta.id} read ${value}`);
    } else if (pick < 0.6) {
      const value = !meta.bookmarked;
      say(`int ${meta.id} star ${value}`);
      library.setBookmarked(meta.id, value);
      say(`ok ${meta.id} star ${value}`);
    } else {
      const tag = TAGS[Math.floor(random() * TAGS.length)] as string;
      const value = !meta.tags.includes(tag);
      say(`int ${meta.id} tag:${tag} ${value}`);
      if (value) library.addTags(meta.id, [tag]);
      else library.removeTags(meta.id, [tag]);
      say(`ok ${meta.id} tag:${tag} ${value}`);
    }
  }
  if (step % 3 === 2) await sync.sync().catch((e: { code?: string }) => say(`err ${e.code ?? 'unknown'}`));
}
