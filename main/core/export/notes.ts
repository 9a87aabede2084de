/** `kabar highlights export`: one notes page per article with highlights or a note, for Obsidian and Logseq. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogOf, readMarks, type Library } from '../store';
import { writeFileAtomic } from '../util';
import { safeFileName } from './formats';
import { notesMarkdown } from './marks';

/**
 * Writes `<title> (<id>).md` into `outDir` for every live article with highlights or a note (or only
 * those in `ids`). Returns the paths written. Trashed articles are left out.
 */
export async function exportHighlights(library: Library, outDir: string, ids?: string[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const catalog = catalogOf(library);
  const noted = await catalog.notedArticles();
  const withHighlights = new Set((await catalog.list()).items.map((e) => e.articleId));
  const wanted = (ids ?? [...new Set([...withHighlights, ...noted])]).filter((id) => library.has(id));
  const written: string[] = [];
  for (const id of wanted) {
    const meta = library.meta(id);
    const marks = await readMarks(library, id);
    if (marks.highlights.length === 0 && !marks.note) continue;
    const path = join(outDir, safeFileName(meta.title, id, 'md'));
    await writeFileAtomic(path, notesMarkdown(meta, marks));
    written.push(path);
  }
  return written;
}
