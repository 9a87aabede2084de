/** Turns a document into what the index stores: distinct terms, tf packs and the body length. */
import { packTf } from './codec';
import { scanTerms } from './tokenize';

/** The text of one article as the index sees it. */
export interface SearchDoc {
  title: string;
  body: string;
  /** Extra searchable text, e.g. the article's translations; counts as body. */
  extra?: string;
}

/** A document reduced to its distinct terms and their tf packs (see packTf). */
export interface Analyzed {
  terms: string[];
  packs: number[];
  /** Body (+ extra) length in terms, for BM25 length normalization. */
  len: number;
}

/** Tokenizes title, body and extra once and counts term frequencies per field. */
export function analyze(doc: SearchDoc): Analyzed {
  const body = new Map<string, number>();
  const title = new Map<string, number>();
  let len = 0;
  const countBody = (t: string): void => {
    body.set(t, (body.get(t) ?? 0) + 1);
    len++;
  };
  scanTerms(doc.body, countBody);
  if (doc.extra) scanTerms(doc.extra, countBody);
  scanTerms(doc.title, (t) => title.set(t, (title.get(t) ?? 0) + 1));
  const terms: string[] = [];
  const packs: number[] = [];
  for (const [t, n] of body) {
    terms.push(t);
    packs.push(packTf(n, title.get(t) ?? 0));
  }
  for (const [t, n] of title) {
    if (body.has(t)) continue;
    terms.push(t);
    packs.push(packTf(0, n));
  }
  return { terms, packs, len };
}
