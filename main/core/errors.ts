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
  | 'FEED_TRUNCATED'
  | 'NO_FEED_FOUND'
  /** Another process (the app, or a CLI command) has the library open for writing. */
  | 'LIBRARY_LOCKED'
  /** The data folder cannot be written (read-only disk or folder, no permission). */
  | 'LIBRARY_READ_ONLY'
  /** The disk holding the data folder is full. */
  | 'DISK_FULL'
  /** A download (language packs) needs the network, which cannot be reached now. */
  | 'OFFLINE'
  /** A downloaded file does not match the SHA-256 its server published (deleted, never installed). */
  | 'PACK_HASH_MISMATCH'
  /** No speech voice exists for a language. */
  | 'NO_VOICE'
  /** The speech engine (espeak-ng) is missing or failed. */
  | 'SPEECH_FAILED'
  /** The scope of a library export (ids, tag, search) holds no live article. */
  | 'NOTHING_TO_EXPORT'
  /** An import file is of no format Kabar reads from another app (or not the one --from named). */
  | 'IMPORT_UNKNOWN_FORMAT'
  /** An import file is of a known format but broken (malformed JSON, HTML or CSV). */
  | 'IMPORT_MALFORMED'
  /** A CSV import file lacks the columns its format needs (params: format, missing). */
  | 'IMPORT_COLUMNS'
  /** An import file holds more entries than one import takes (params: file, max): nothing was imported. */
  | 'IMPORT_TOO_MANY'
  /** A ZIP import file is unsafe: a zip bomb, too many entries, or names leaving the folder (params: reason). */
  | 'ZIP_UNSAFE'
  /** The address of one entry is refused: javascript:, file:, data: … (params: url, scheme). */
  | 'URL_REFUSED'
  /** Sync: the server refused the user name or API password. */
  | 'SYNC_AUTH_FAILED'
  /** Sync: the address answered, but not as a Google Reader API server (an HTML page, a 404). */
  | 'SYNC_NOT_API'
  /** Sync: the server failed (HTTP 5xx). */
  | 'SYNC_SERVER_ERROR'
  /** Sync: the server answered something Kabar cannot read (malformed or wrong-shaped JSON). */
  | 'SYNC_BAD_RESPONSE'
  /** Sync: an answer was larger than Kabar accepts. */
  | 'SYNC_TOO_LARGE'
  /** Sync: the server took too long to answer. */
  | 'SYNC_TIMEOUT'
  /** Sync: the server cannot be reached (offline, wrong address, server stopped). */
  | 'SYNC_OFFLINE'
  /** Sync: the server refused one request (HTTP 4xx other than 401). */
  | 'SYNC_REJECTED'
  /** Sync: the server could not subscribe to a feed (params: server, url). */
  | 'SYNC_SUBSCRIBE_FAILED'
  /** Sync: no account is set up for this library. */
  | 'SYNC_NO_ACCOUNT'
  /** Sync: the stored password cannot be read (credential file missing, unreadable, or the keychain refused). */
  | 'SYNC_CREDENTIALS'
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
