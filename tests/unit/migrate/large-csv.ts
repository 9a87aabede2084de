/** Large CSV exports for the streaming tests and the benchmark, written to disk row by row (never held whole). */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Words a long title is made of (a title column that holds a whole excerpt, as some exports do). */
const FILLER = 'Reporters followed the story through the night, and the long summary kept growing with every update. ';

/**
 * Writes a Pocket CSV of `rows` rows, each title about `titleChars` long (quoted, with commas and
 * doubled quotes inside), to `path`; returns the file's size in bytes.
 */
export async function writePocketCsv(path: string, rows: number, titleChars: number): Promise<number> {
  const out = createWriteStream(path);
  const filler = FILLER.repeat(Math.ceil(titleChars / FILLER.length)).slice(0, Math.max(0, titleChars - 40));
  out.write('title,url,time_added,tags,status\n');
  for (let i = 0; i < rows; i += 1) {
    const title = `"Story ${i}, ""quoted"" ${filler}"`;
    const line = `${title},https://big.example/${i % 100}/story-${i}?utm_source=pocket,${1600000000 + i},big|t${i % 7},${i % 3 ? 'unread' : 'archive'}\n`;
    // Respect back-pressure: the writer, too, keeps only a little of the file in memory.
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return (await stat(path)).size;
}

/** The title the importer keeps for row `i` of writePocketCsv (cut to the 500 characters a title keeps). */
export function pocketTitle(i: number, titleChars: number): string {
  const filler = FILLER.repeat(Math.ceil(titleChars / FILLER.length)).slice(0, Math.max(0, titleChars - 40));
  return [...`Story ${i}, "quoted" ${filler}`.replace(/\s+/g, ' ').trim()].slice(0, 500).join('');
}
