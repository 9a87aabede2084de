/** Per-feed errors: a translatable code (the KabarError codes plus three feed-only ones), params and English text. */
import { KabarError, type ErrorCode } from '../errors';

/** Codes a feed can fail with: every core code, plus the three only feeds have. */
export type FeedErrorCode = ErrorCode | 'NOT_A_FEED' | 'FEED_MALFORMED' | 'NO_FEED_FOUND';

/** An error of one feed, thrown by parse/subscribe and stored on the feed record. */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: FeedErrorCode, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'FeedError';
    this.code = code;
    this.params = params;
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
  if (error instanceof FeedError || error instanceof KabarError) {
    return { code: error.code, message: error.message, ...(Object.keys(error.params).length ? { params: error.params } : {}) };
  }
  return { code: 'IO', message: error instanceof Error ? error.message : String(error) };
}
