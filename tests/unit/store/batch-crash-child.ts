/**
 * Child process of the batch kill test: opens the library in `dir`, subscribes it to the feeds in
 * the JSON file (first run only) and refreshes them all (every new story goes through addMany's
 * batch commit). Prints `ready`, then `! <feedId> <added>` once a feed is reported saved, and
 * `hold` after the refresh, then waits to be killed. Lines go out with a synchronous write, so a
 * report the parent reads is one the library had already made durable.
 *
 * argv: <data dir> <feeds json: string[] of urls> [--hold-after-first]
 */
import { readFileSync, writeSync } from 'node:fs';
import { readFeeds, refreshFeeds } from '../../../main/core/feeds';
import { openLibrary } from '../../../main/core/store/index';
import { feedRecords } from '../../bench/feed-server';

const [dir, feedsFile] = process.argv.slice(2) as [string, string];

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

const library = await openLibrary({ dir, owner: 'cli' });
if (readFeeds(library).length === 0) library.saveFeeds(feedRecords(JSON.parse(readFileSync(feedsFile, 'utf8')) as string[]));
say('ready');
let ok = 0;
await refreshFeeds(library, {
  captureImages: false,
  onProgress: (p) => {
    if (p.state !== 'ok') return;
    say(`! ${p.feedId} ${p.added ?? 0}`);
    ok += 1;
    // Compactions (library.json rewrite, body fsyncs, journal rotation) run often, so kills land inside them too.
    if (ok % 3 === 0) void library.compact().catch(() => undefined);
  },
});
say('hold');
setInterval(() => undefined, 1000);
