/** The article import pipeline: files, bytes, web pages and pasted text → ExtractedArticle (DESIGN.md §4). */
export { decodeBytes } from './decode';
export { detectLanguage } from './language';
export { parsePlainText } from './plaintext';
export { parseHtml } from './html';
export { articleFromContent, type ContentFacts } from './content';
export { extractFromBytes, extractFromFile } from './extract';
export { extractFromUrl } from './url';
export { captureImages } from './images';
export { contentKey } from './content-key';
export type { FetchOptions } from './fetch';
export { setExtractWorkers, extractPoolStats, warmExtractWorkers, convertItemsShared } from './pool';
export { htmlToBlocks, itemToArticle, itemsToArticles, type FeedFacts, type FeedItemContent } from './feed-item';
// Building blocks the feed reader shares (it turns item HTML into blocks the same way).
export { domToBlocks } from './blocks';
export { documentBase, parsePage } from './dom';
export { sanitizeFragment } from './fragment';
export { parseHttpUrl, readBody } from './fetch';
export { isRtlLang } from './language';
export { collapseWhitespace, countWords, displayLine, firstSentence, makeExcerpt, truncate } from './text';
