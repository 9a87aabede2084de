/** XML safety and decoding: no entity expansion (billion laughs), no external entities, charsets from the header. */
import { describe, expect, it } from 'vitest';
import { FeedError, feedDate, parseFeedBytes, parseFeedText } from '../../../main/core/feeds';
import { itemToArticle } from '../../../main/core/articles';
import { itemArticleId, itemKey, summaryOnly } from '../../../main/core/feeds/items';
import { escapeText } from '../../../main/core/feeds/parse-values';


describe('XML safety', () => {
  it('does not expand a billion-laughs entity bomb', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>&lol9;</title><item><title>t &lol9;</title><link>http://e.org/1</link></item></channel></rss>`;
    const start = Date.now();
    let title = '';
    try {
      const feed = parseFeedText(xml);
      title = `${feed.title} ${feed.items.map((i) => i.title).join(' ')}`;
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
    }
    expect(Date.now() - start).toBeLessThan(2000);
    expect(title.length).toBeLessThan(1000);
    expect(title).not.toContain('lollollol');
  });

  it('never resolves external entities (no file reads, no fetches)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:1/x">]><rss version="2.0"><channel><title>a&xxe;b&net;</title></channel></rss>`;
    let title = '';
    try {
      title = parseFeedText(xml).title;
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError);
    }
    expect(title).not.toContain('root:');
  });

  it('uses the HTTP charset, XML declaration and undeclared legacy bytes', () => {
    const latin = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\xe9 Not\xedcias</title></channel></rss>', 'latin1');
    expect(parseFeedBytes(latin, { contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Café Notícias');
    expect(parseFeedBytes(latin).title).toBe('Café Notícias');
    const utf16 = Buffer.from('\ufeff<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>ñ</title></channel></rss>', 'utf16le');
    expect(parseFeedBytes(utf16).title).toBe('ñ');
  });
});

describe('feed items', () => {
  it('reads feed dates in their many formats', () => {
    expect(feedDate('Thu, 12 Nov 2015 21:16:39 +0000')).toBe('2015-11-12T21:16:39.000Z');
    expect(feedDate('2017-06-15T10:29:47-07:00')).toBe('2017-06-15T17:29:47.000Z');
    expect(feedDate('Sun, 21 June 2009 12:00:00 UT')).toBe('2009-06-21T12:00:00.000Z');
    expect(feedDate('not a date')).toBeUndefined();
  });

  it('resolves relative links against xml:base, then the feed address', () => {
    const atom = parseFeedText(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/test/"><title>t</title><link href="/home"/><entry><id>1</id><title>e</title><link href="entry/1"/></entry></feed>',
      'http://feeds.example.org/atom.xml',
    );
    expect(atom.siteUrl).toBe('http://example.com/home');
    expect(atom.items[0]?.link).toBe('http://example.com/test/entry/1');
    const rss = parseFeedText('<rss version="2.0"><channel><title>t</title><item><title>i</title><link>/a</link></item></channel></rss>', 'http://feeds.example.org/rss');
    expect(rss.items[0]?.link).toBe('http://feeds.example.org/a');
  });

  it('sanitizes item HTML into blocks (no scripts, absolute links) and keys items by guid, link or content', () => {
    const feed = parseFeedText(
      `<rss version="2.0"><channel><title>F</title><link>http://site.example/</link>
       <item><guid isPermaLink="false">g1</guid><title>One &amp; two</title><link>/a/1</link>
       <description><![CDATA[<p>Hello <a href="/x">there</a><script>alert(1)</script></p><img src="/i.png" onerror="x()">]]></description></item>
       <item><title>No ids</title><description>Plain text only here.</description></item></channel></rss>`,
    );
    const [first, second] = feed.items;
    const a = itemToArticle(first!, feed, 'f1');
    expect(a.title).toBe('One & two');
    expect(a.url).toBe('http://site.example/a/1');
    expect(JSON.stringify(a.blocks)).not.toContain('alert');
    expect(a.blocks[0]?.inline?.find((r) => r.href)?.href).toBe('http://site.example/x');
    expect(a.blocks.find((b) => b.type === 'image')?.src).toBe('http://site.example/i.png');
    expect(a).toMatchObject({ source: 'feed', feedId: 'f1' });
    expect(itemKey(first!)).toBe('g:g1');
    expect(itemKey(second!)).toMatch(/^h:/);
    expect(itemArticleId(second!, 'f1', itemToArticle(second!, feed, 'f1'))).toMatch(/^[0-9a-f]{20}$/);
    expect(summaryOnly(first!)).toBe(true);
    expect(escapeText('a < b\n\nc')).toBe('<p>a &lt; b</p><p>c</p>');
  });
});
