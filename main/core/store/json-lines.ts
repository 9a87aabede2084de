/**
 * library.json's layout: one article per line,
 *   {"schemaVersion":…,"tags":…,"feeds":…,"articles":[
 *   {…},
 *   {…}
 *   ]}
 * which is plain JSON to any reader, and which Kabar reads line by line. At 100,000 articles the
 * file is 59 MB; decoded whole it made one string of 118 MB (two bytes a character as soon as one
 * title is Chinese) that stayed in memory until the next full garbage collection. Line by line,
 * each article's text is a small string the young generation frees at once.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { tempPathFor, writeFileAtomic } from '../util';

/** `data` as JSON with the array under `key` one element per line, written last. */
export function toJsonLines(data: Record<string, unknown>, key: string): string {
  const { [key]: list, ...rest } = data;
  if (!Array.isArray(list)) return JSON.stringify(data);
  return `${headOf(rest, key)}${list.map((item) => JSON.stringify(item)).join(',\n')}\n]}`;
}

// Everything up to the list's first element: the other keys, then `"key":[` and a newline.
function headOf(rest: Record<string, unknown>, key: string): string {
  const head = JSON.stringify(rest);
  return `${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(key)}:[\n`;
}

/** Elements serialized and written at a time (see writeJsonLinesFile). */
const WRITE_CHUNK = 1000;

/**
 * Writes toJsonLines' text to `path` atomically (temp file, fsync, rename) a thousand elements at a
 * time, so the whole text never exists as one string: joined, 20,000 articles' lines made a
 * compaction during an import hold 2 copies of the file in memory (the import's peak rose 50–100 MB).
 */
export async function writeJsonLinesFile(path: string, data: Record<string, unknown>, key: string): Promise<void> {
  const { [key]: list, ...rest } = data;
  if (!Array.isArray(list)) return writeFileAtomic(path, JSON.stringify(data));
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w');
  try {
    let text = headOf(rest, key);
    for (let i = 0; i < list.length; i += WRITE_CHUNK) {
      text += list.slice(i, i + WRITE_CHUNK).map((item) => JSON.stringify(item)).join(',\n');
      if (i + WRITE_CHUNK < list.length) text += ',\n';
      // writeFile on a handle writes from its current position, all of it.
      await handle.writeFile(text);
      text = '';
    }
    await handle.writeFile(`${text}\n]}`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Bytes read at a time through one reused buffer. Small enough that each decoded piece is a
 * young-generation string (freed at once), not a large object kept until a full collection.
 */
const CHUNK = 64 * 1024;

/**
 * Reads and parses a JSON file; when it has toJsonLines' layout for `key`, line by line, so the
 * 59 MB of a 100,000-article library.json never sit in memory whole. Any other JSON (an older
 * library.json, a hand-edited one) is read and parsed whole. Errors are the file system's, or
 * JSON.parse's SyntaxError.
 */
export async function readJsonLinesFile(path: string, key: string): Promise<unknown> {
  const handle = await open(path, 'r');
  let whole = false;
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const reader = new LineReader(key);
    // TextDecoder's stream mode keeps a UTF-8 sequence cut by a chunk's end for the next chunk
    // (and decoded 59 MB in 105 ms here, against 300 for Buffer#toString).
    const decoder = new TextDecoder();
    let carry = '';
    for (let position = 0; !whole; ) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const lines = (carry + decoder.decode(chunk.subarray(0, bytesRead), { stream: true })).split('\n');
      carry = lines.pop() as string;
      for (const line of lines) {
        if (reader.take(line)) continue;
        whole = true;
        break;
      }
    }
    const rest = carry + decoder.decode();
    // No newline at all: a single-line file (an older library.json), held whole in `rest`.
    if (!whole) return reader.started ? reader.finish(rest) : JSON.parse(rest);
  } finally {
    await handle.close();
  }
  return JSON.parse(new TextDecoder().decode(await readFile(path)));
}

/** Takes library.json's lines one by one: the head (every other key), then one element a line, then the end. */
class LineReader {
  private head: Record<string, unknown> | undefined;
  private readonly list: unknown[] = [];

  constructor(private readonly key: string) {}

  /** Whether the first line was taken (the file has the lines layout). */
  get started(): boolean {
    return this.head !== undefined;
  }

  /** Takes one line; false when the first line shows the file is not in the lines layout. */
  take(line: string): boolean {
    if (this.head === undefined) {
      // JSON strings escape their newlines, so a raw newline is always one of ours.
      if (!line.startsWith('{') || !line.endsWith(`${JSON.stringify(this.key)}:[`)) return false;
      this.head = JSON.parse(`${line}]}`) as Record<string, unknown>;
      return true;
    }
    const item = line.endsWith(',') ? line.slice(0, -1) : line;
    if (item !== '') this.list.push(JSON.parse(item));
    return true;
  }

  /** The parsed object, once the rest of the file (`tail`) is the list's end. */
  finish(tail: string): Record<string, unknown> {
    if (this.head === undefined || tail.trim() !== ']}') throw new SyntaxError(`Unexpected end of JSON input (the ${this.key} list is cut short)`);
    this.head[this.key] = this.list;
    return this.head;
  }
}
