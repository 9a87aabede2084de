/** Errors of the search index. */

/** The index on disk is unreadable or inconsistent; the store should rebuild it from the articles. */
export class IndexDamagedError extends Error {
  override readonly name = 'IndexDamagedError';
}
