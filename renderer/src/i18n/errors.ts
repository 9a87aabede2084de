/** Turns anything thrown into a message in the interface language, by error code. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api';
import type { UserError } from '../../../preload/contract';

/** Every error code the core can send; anything else shows errors.GENERIC. */
export const ERROR_CODES = [
  'EMPTY_INPUT', 'BINARY_INPUT', 'TOO_LARGE', 'UNSUPPORTED_TYPE', 'NO_ARTICLE', 'HTTP_ERROR', 'REDIRECT_LOOP',
  'TIMEOUT', 'NETWORK', 'INVALID_URL', 'NOT_FOUND', 'FILE_NOT_FOUND', 'INVALID_ARGUMENT', 'LIBRARY_CORRUPT',
  'LIBRARY_NEWER', 'ARTICLE_DAMAGED', 'BACKUP_INVALID', 'IO', 'TRANSLATION_UNAVAILABLE', 'PACK_INVALID', 'CANCELLED',
  'TRANSLATION_FAILED', 'NOT_A_FEED', 'FEED_MALFORMED', 'FEED_TRUNCATED', 'NO_FEED_FOUND',
  'LIBRARY_LOCKED', 'LIBRARY_READ_ONLY', 'DISK_FULL', 'OFFLINE', 'PACK_HASH_MISMATCH', 'NO_VOICE', 'SPEECH_FAILED', 'NOTHING_TO_EXPORT',
  'IMPORT_UNKNOWN_FORMAT', 'IMPORT_MALFORMED', 'IMPORT_COLUMNS', 'IMPORT_TOO_MANY', 'ZIP_UNSAFE', 'URL_REFUSED',
  'SYNC_AUTH_FAILED', 'SYNC_NOT_API', 'SYNC_SERVER_ERROR', 'SYNC_BAD_RESPONSE', 'SYNC_TOO_LARGE', 'SYNC_TIMEOUT',
  'SYNC_OFFLINE', 'SYNC_REJECTED', 'SYNC_NO_ACCOUNT', 'SYNC_CREDENTIALS', 'SYNC_SUBSCRIBE_FAILED',
  'QUERY_UNCLOSED_QUOTE', 'QUERY_UNKNOWN_FILTER', 'QUERY_BAD_VALUE', 'QUERY_MISPLACED_OR', 'QUERY_UNBALANCED', 'QUERY_TOO_COMPLEX',
] as const;

const KNOWN = new Set<string>(ERROR_CODES);

// Messages may name these; a missing value must not leave "{status}" on screen.
// What a message shows when an error arrives without the parameter it names (the import messages name the file, format, columns, scheme).
const DEFAULT_PARAMS: Record<string, string | number> = { status: '?', file: '…', format: '…', missing: '…', scheme: '…', max: '…', server: '…', url: '…', user: '…', position: '…', token: '…' };

/** The code and params of an error, whatever shape it arrived in. */
export function errorInfo(error: unknown): { code: string; params: Record<string, string | number> } {
  if (error instanceof ApiError) return { code: error.code, params: error.params };
  if (typeof error === 'object' && error !== null && typeof (error as UserError).code === 'string') {
    const e = error as UserError;
    return { code: e.code, params: e.params ?? {} };
  }
  return { code: 'GENERIC', params: {} };
}

/** The translated, actionable message for an error (ApiError, UserError or anything else). */
export function errorMessage(t: TFunction, error: unknown): string {
  const { code, params } = errorInfo(error);
  const key = KNOWN.has(code) ? code : 'GENERIC';
  return t(`errors.${key}`, { ...DEFAULT_PARAMS, ...params });
}
