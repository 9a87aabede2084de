/** Web addresses → articles: download (see fetch.ts), then the same extraction as files. */
import type { ExtractedArticle } from '../types';
import { DEFAULT_MAX_BYTES, extractFromBytes, tooLarge } from './extract';
import { fetchBytes, type FetchOptions } from './fetch';
import { beginExtraction, extractShared } from './pool';
import { kindFromHint } from './sniff';

/** Sent with page requests: some sites answer bare clients with an error or a consent wall. */
const PAGE_HEADERS = {
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
  'user-agent': 'Mozilla/5.0 (compatible; Kabar/0.1; offline news reader)',
};

/**
 * Downloads a page and extracts its article; `url` in the result is the final address after
 * redirects (what relative links resolve against). Refuses non-text types before reading the body.
 */
export async function extractFromUrl(url: string, opts: FetchOptions = {}): Promise<ExtractedArticle> {
  const end = beginExtraction();
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const fetched = await fetchBytes(url, {
      ...opts,
      maxBytes,
      headers: PAGE_HEADERS,
      accept: (contentType) => {
        kindFromHint({ contentType });
      },
      tooLarge: (max) => tooLarge(max),
    });
    // The path's extension helps only when the server sends no useful Content-Type.
    const fileName = new URL(fetched.url).pathname;
    const hint = { contentType: fetched.contentType, fileName, url: fetched.url, maxBytes };
    const article = await extractShared(fetched.bytes, hint, () => extractFromBytes(fetched.bytes, hint));
    return { ...article, url: fetched.url, source: 'url' };
  } finally {
    end();
  }
}
