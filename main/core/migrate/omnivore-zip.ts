/**
 * Omnivore's export ZIP: `metadata_<from>_to_<to>.json` lists (the same fields as omnivore.json),
 * `content/<slug>.html` the saved article, `highlights/<slug>.md` its highlights and notes.
 */
import type { MigrateEntry } from './entry';
import { malformed } from './errors';
import { parseOmnivoreHighlights } from './highlights';
import { jsonEntries } from './json-formats';
import { readZip, type ZipLimits } from './zip';

const METADATA = /^(?:[^/]*\/)?metadata_[^/]*\.json$/;
const CONTENT = /^(?:[^/]*\/)?content\/([^/]+)\.html$/;
const HIGHLIGHTS = /^(?:[^/]*\/)?highlights\/([^/]+)\.md$/;

const utf8 = new TextDecoder('utf-8');

/** The entries of an Omnivore export ZIP, each with its content and highlights when the archive has them. */
export async function omnivoreZipEntries(path: string, limits?: ZipLimits): Promise<MigrateEntry[]> {
  const files = await readZip(path, (name) => METADATA.test(name) || CONTENT.test(name) || HIGHLIGHTS.test(name), limits);
  const content = new Map<string, string>();
  const highlights = new Map<string, string>();
  const metadata: unknown[] = [];
  for (const [name, bytes] of files) {
    const text = utf8.decode(bytes);
    const c = CONTENT.exec(name);
    const h = HIGHLIGHTS.exec(name);
    if (c) content.set(c[1] as string, text);
    else if (h) highlights.set(h[1] as string, text);
    else {
      try {
        const list: unknown = JSON.parse(text);
        if (!Array.isArray(list)) throw new Error('not a list');
        metadata.push(...list);
      } catch (error) {
        throw malformed('Omnivore', `${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const records = metadata.filter((m) => typeof m === 'object' && m !== null && !Array.isArray(m));
  if (records.length === 0) throw malformed('Omnivore', 'no metadata_*.json in the archive');
  const entries = jsonEntries('omnivore-json', records);
  return entries.map((e, i) => {
    const slug = String((records[i] as { slug?: unknown }).slug ?? '');
    const html = content.get(slug);
    const md = highlights.get(slug);
    const marks = md ? parseOmnivoreHighlights(md, e.savedAt) : [];
    return { ...e, ...(html?.trim() ? { content: html } : {}), ...(marks.length > 0 ? { highlights: marks } : {}) };
  });
}
