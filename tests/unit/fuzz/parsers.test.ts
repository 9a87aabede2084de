/**
 * Fuzzing the parsers that read strangers' bytes: random inputs and mutated corpus files never
 * crash (a result or a KabarError) and never hang (PER_INPUT_MS per input). Fixed seeds make a
 * failure replayable; each one found becomes a named test in regressions.test.ts.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../main/core/articles/decode';
import { parsePlainText } from '../../../main/core/articles/plaintext';
import { parseFeedBytes } from '../../../main/core/feeds/parse';
import { parseOpmlBytes } from '../../../main/core/feeds/opml';
import { corpusFiles, mustNotCrash, mutatedCorpus, report, stats } from './fuzz';

const SEED = Number(process.env.KABAR_FUZZ_SEED ?? 6006);
const TEXT_FILES = [...corpusFiles('seed', /\.txt$/), ...corpusFiles('articles/newspaper4k/txt', /\.txt$/)];
const PAGE_FILES = corpusFiles('pages', /^source\.html$/, 160 * 1024);
const FEED_FILES = corpusFiles('feeds', /\.(xml|rss|atom|rdf|json)$/, 160 * 1024).filter((f) => !f.includes('/output/') && !f.includes('/opml/'));
const OPML_FILES = corpusFiles('feeds/opml', /\.(opml|xml)$/);

/**
 * Long runs of one character inside ordinary text: the shape that makes a backtracking regex
 * quadratic (this generator found plaintext-space-run, see regressions.test.ts).
 */
const LONG_RUNS = fc
  .record({
    head: fc.string({ maxLength: 40 }),
    run: fc.constantFrom(' ', '\t', '\u200b', '.', ',', '(', ')', '-', '"', 'a', '\n', '\r\n', '<', '&', ':', '\u3000', 'ー'),
    length: fc.integer({ min: 20_000, max: 60_000 }),
    tail: fc.string({ maxLength: 40 }),
  })
  .map(({ head, run, length, tail }) => `${head}${run.repeat(length)}${tail}`);

const CONTENT_TYPES = fc.option(
  fc.oneof(
    fc.constantFrom('text/html; charset=utf-8', 'text/plain; charset=shift_jis', 'text/xml; charset=bogus', 'text/html; charset="gb2312"', 'application/rss+xml;charset=utf-16', 'text/plain; charset=', ';;;charset=windows-1252;;'),
    fc.string({ maxLength: 80 }),
  ),
  { nil: undefined },
);

describe('fuzzing', () => {
  it('the plain-text parser', () => {
    const s = stats();
    const check = (text: string, label: string): void => {
      const article = mustNotCrash(s, label, () => parsePlainText(text));
      if (article) {
        expect(typeof article.title).toBe('string');
        expect(article.blocks.every((b) => typeof b.text === 'string')).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => check(text, 'random text')), { seed: SEED, numRuns: 1500 });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('\n', '\n\n', 'JAKARTA, KOMPAS.com - ', '* ', '1. ', '   ', '\t', 'Oleh: ')), { maxLength: 60 }), (parts) =>
        check(parts.join(''), 'news-like text'),
      ),
      { seed: SEED + 1, numRuns: 1000 },
    );
    fc.assert(fc.property(mutatedCorpus(TEXT_FILES), ({ file, bytes }) => check(Buffer.from(bytes).toString('utf8'), file)), { seed: SEED + 2, numRuns: 800 });
    fc.assert(fc.property(LONG_RUNS, (text) => check(text, 'long runs')), { seed: SEED + 11, numRuns: 60, endOnFailure: true });
    report('plain-text parser', s, SEED);
  });

  it('the charset decoder', () => {
    const s = stats();
    const check = (bytes: Uint8Array, contentType: string | undefined, label: string): void => {
      const decoded = mustNotCrash(s, label, () => decodeBytes(bytes, contentType));
      if (decoded) {
        expect(typeof decoded.text).toBe('string');
        expect(decoded.charset.length).toBeGreaterThan(0);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), CONTENT_TYPES, (bytes, ct) => check(bytes, ct, 'random bytes')), { seed: SEED + 3, numRuns: 1500 });
    fc.assert(fc.property(LONG_RUNS, CONTENT_TYPES, (text, ct) => check(new TextEncoder().encode(text), ct, 'long runs')), { seed: SEED + 14, numRuns: 30, endOnFailure: true });
    const encodings = corpusFiles('feeds/feedparser/encoding', /./);
    fc.assert(fc.property(mutatedCorpus([...encodings, ...PAGE_FILES.slice(0, 20), ...TEXT_FILES]), CONTENT_TYPES, ({ file, bytes }, ct) => check(bytes, ct, file)), {
      seed: SEED + 4,
      numRuns: 800,
    });
    report('charset decoder', s, SEED);
  });

  it('the feed parser', () => {
    const s = stats();
    const check = (bytes: Uint8Array, hint: { contentType?: string; url?: string }, label: string): void => {
      const feed = mustNotCrash(s, label, () => parseFeedBytes(bytes, hint));
      if (feed) expect(Array.isArray(feed.items)).toBe(true);
    };
    const url = fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })), { nil: undefined });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => check(bytes, {}, 'random bytes')), { seed: SEED + 5, numRuns: 400 });
    const xmlish = fc
      .array(fc.oneof(fc.constantFrom('<rss>', '</rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '<link>', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '<?xml version="1.0"?>', '<![CDATA[', ']]>', '&amp;', '&#0;', '&#xFFFFFF;', '{"version":"https://jsonfeed.org/version/1","items":['), fc.string({ maxLength: 30 })), { maxLength: 40 })
      .map((parts) => new TextEncoder().encode(parts.join('')));
    fc.assert(fc.property(xmlish, url, (bytes, u) => check(bytes, { url: u }, 'feed-like markup')), { seed: SEED + 6, numRuns: 600 });
    fc.assert(fc.property(mutatedCorpus(FEED_FILES), CONTENT_TYPES, url, ({ file, bytes }, ct, u) => check(bytes, { contentType: ct, url: u }, file)), { seed: SEED + 7, numRuns: 700 });
    fc.assert(fc.property(LONG_RUNS, (text) => check(new TextEncoder().encode(`<rss><channel><item><title>${text}</title></item></channel></rss>`), {}, 'long runs')), { seed: SEED + 12, numRuns: 30, endOnFailure: true });
    report('feed parser', s, SEED);
  });

  it('the OPML parser', () => {
    const s = stats();
    const check = (bytes: Uint8Array, label: string): void => {
      const doc = mustNotCrash(s, label, () => parseOpmlBytes(bytes));
      if (doc) expect(doc.feeds.every((f) => typeof f.url === 'string')).toBe(true);
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => check(bytes, 'random bytes')), { seed: SEED + 8, numRuns: 400 });
    const opmlish = fc
      .array(fc.oneof(fc.constantFrom('<opml version="2.0">', '</opml>', '<body>', '</body>', '<outline ', 'xmlUrl="', 'text="', '"', '/>', '>', '</outline>', '<head><title>', '&lt;', '<!DOCTYPE opml>'), fc.string({ maxLength: 30 })), { maxLength: 50 })
      .map((parts) => new TextEncoder().encode(parts.join('')));
    fc.assert(fc.property(opmlish, (bytes) => check(bytes, 'OPML-like markup')), { seed: SEED + 9, numRuns: 600 });
    fc.assert(fc.property(mutatedCorpus(OPML_FILES), ({ file, bytes }) => check(bytes, file)), { seed: SEED + 10, numRuns: 800 });
    fc.assert(fc.property(LONG_RUNS, (text) => check(new TextEncoder().encode(`<opml><body><outline text="${text}" xmlUrl="https://e.com/f"/></body></opml>`), 'long runs')), { seed: SEED + 13, numRuns: 30, endOnFailure: true });
    report('OPML parser', s, SEED);
  });

  it('has corpus seeds for every target', () => {
    expect(TEXT_FILES.length).toBeGreaterThan(10);
    expect(FEED_FILES.length).toBeGreaterThan(50);
    expect(OPML_FILES.length).toBeGreaterThan(50);
    expect(readFileSync(PAGE_FILES[0] as string).length).toBeGreaterThan(0);
  });
});
