/** Types of scripts/cli.mjs (`npm run cli`), for the tests. */

/** The built command line, out/main/cli.js. */
export declare const BUILT_CLI: string;
/** Newest modification time (ms) under a file or folder; 0 when absent. */
export declare function newestMtime(path: string): number;
/** Why the CLI must be built first, or null when out/main/cli.js is newer than every source. */
export declare function staleReason(root?: string): string | null;
