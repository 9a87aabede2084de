/**
 * The search index of a library opened for reading without it (`openLibrary({ access: 'read',
 * search: false })`): commands that only list or show articles skip reading and copying
 * `index/` (about half a second at 10,000 articles). Searching through it is a programming error.
 */
import { KabarError } from '../errors';
import type { SearchIndex } from '../search';

function notOpened(): never {
  throw new KabarError('INVALID_ARGUMENT', 'This library was opened without its search index; open it with search to search.');
}

/** A SearchIndex that was never opened: empty, nothing to rebuild, and every use but close() refused. */
export function unopenedIndex(): SearchIndex {
  return {
    add: async () => notOpened(),
    remove: async () => notOpened(),
    has: () => false,
    search: () => notOpened(),
    compact: async () => notOpened(),
    size: () => 0,
    close: async () => undefined,
    needsRebuild: false,
    status: 'ok',
    damage: undefined,
    reset: async () => notOpened(),
    stats: () => ({ docs: 0, deltaDocs: 0, logBytes: 0, cachedBucketBytes: 0, gen: 0 }),
  };
}
