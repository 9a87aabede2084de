/**
 * Every error a user can meet carries a stable `code` (the interface translates it via
 * `errors.<code>` in the locale files) and `params` for the message; `message` is the
 * English text for logs and the CLI.
 */
export type ErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'NO_ARTICLE'
  | 'HTTP_ERROR'
  | 'REDIRECT_LOOP'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'INVALID_URL'
  | 'NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'LIBRARY_CORRUPT'
  | 'LIBRARY_NEWER'
  | 'ARTICLE_DAMAGED'
  | 'BACKUP_INVALID'
  | 'IO'
  | 'TRANSLATION_UNAVAILABLE'
  | 'PACK_INVALID'
  | 'CANCELLED'
  | 'TRANSLATION_FAILED'
  | 'NOT_A_FEED'
  | 'FEED_MALFORMED'
  | 'NO_FEED_FOUND'
  /** Another process (the app, or a CLI command) has the library open for writing. */
  | 'LIBRARY_LOCKED'
  /** The data folder cannot be written (read-only disk or folder, no permission). */
  | 'LIBRARY_READ_ONLY'
  /** The disk holding the data folder is full. */
  | 'DISK_FULL'
  /** Search syntax (params: position, token): a "…" without its closing quote. */
  | 'QUERY_UNCLOSED_QUOTE'
  /** A `key:` that is not a filter. */
  | 'QUERY_UNKNOWN_FILTER'
  /** A filter with a missing or wrong value (is:foo, before:yesterday, tag:). */
  | 'QUERY_BAD_VALUE'
  /** OR at the start or end, or twice in a row. */
  | 'QUERY_MISPLACED_OR'
  /** Parentheses that do not pair up. */
  | 'QUERY_UNBALANCED'
  /** A query too long or too deeply nested. */
  | 'QUERY_TOO_COMPLEX';

/** An error meant for the user: a code the UI translates, parameters, and an English message. */
export class KabarError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'KabarError';
    this.code = code;
    this.params = params;
  }
}

/** Turns anything thrown into a KabarError, keeping codes that are already known. */
export function toKabarError(error: unknown): KabarError {
  if (error instanceof KabarError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new KabarError('IO', message);
}
