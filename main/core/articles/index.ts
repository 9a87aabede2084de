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
export { setExtractWorkers, extractPoolStats, warmExtractWorkers } from './pool';
