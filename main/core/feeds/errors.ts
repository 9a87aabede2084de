/** Per-feed errors: a translatable code, params and English text. */
import { KabarError, type ErrorCode } from '../errors';

/** Codes a feed can fail with (ErrorCode includes the feed-only NOT_A_FEED, FEED_MALFORMED, NO_FEED_FOUND). */
export type FeedErrorCode = ErrorCode;

/** An error of one feed, thrown by parse/subscribe and stored on the feed record; a KabarError, so IPC and the CLI keep its code. */
export class FeedError extends KabarError {
  constructor(code: FeedErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(code, message, params);
    this.name = 'FeedError';
  }
}

/** The error as stored on a feed and shown in the sidebar. */
export interface FeedErrorInfo {
  code: FeedErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

/** Anything thrown → FeedErrorInfo (unknown errors become NETWORK-free 'IO'). */
export function feedErrorInfo(error: unknown): FeedErrorInfo {
  if (error instanceof KabarError) {
    return { code: error.code, message: error.message, ...(Object.keys(error.params).length ? { params: error.params } : {}) };
  }
  return { code: 'IO', message: error instanceof Error ? error.message : String(error) };
}
