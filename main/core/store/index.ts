/** Opening a library folder: layout, library.json (with recovery), journal replay, search index. */
import { join } from 'node:path';
import { Low } from 'lowdb';
import { openSearchIndex } from '../search';
import { listArticleFileIds } from './article-files';
import { AtomicJsonFile } from './atomic';
import { Journal, readJournal, repairTornTail, rotatedPath } from './journal';
import { Library } from './library';
import { ensureLayout, loadLibraryData } from './load';
import { emptyLibrary, type LibraryData } from './schema';

export { Library, type AddResult } from './library';
export { articleId, normalizeUrl } from './identity';

/** Where and how to open a library. Paths and clocks come in from the host (DESIGN.md §1). */
export interface OpenOptions {
  dir: string;
  now?: () => Date;
}

/**
 * Opens (or creates) the library in `dir`. A damaged library.json is moved aside and the
 * newest good backup restored; `library.recovery` then says what happened.
 */
export async function openLibrary(options: OpenOptions): Promise<Library> {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  await ensureLayout(dir);
  const file = new AtomicJsonFile<LibraryData>(join(dir, 'library.json'));
  const loaded = await loadLibraryData(dir, file, now());
  const db = new Low<LibraryData>(file, emptyLibrary());
  db.data = loaded.data;

  const journalPath = join(dir, 'library.journal');
  const rotated = readJournal(rotatedPath(journalPath));
  repairTornTail(journalPath);
  const current = readJournal(journalPath);
  const journal = new Journal(journalPath);
  const index = await openSearchIndex(join(dir, 'index'));
  const library = new Library({ dir, db, journal, index, now, recovery: loaded.recovery });
  library.replay([...rotated.entries, ...current.entries]);

  if (loaded.recovery) {
    loaded.recovery.articlesRecovered = await library.adoptOrphans(await listArticleFileIds(dir));
  }
  if (loaded.recovery || index.needsRebuild || index.size() !== library.ids().length) await library.reconcileIndex();
  if (loaded.dirty || rotated.entries.length > 0) {
    library.markDirty();
    await library.compact();
  } else {
    library.runInBackground(() => library.backupIfDue());
  }
  return library;
}
