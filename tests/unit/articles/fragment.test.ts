/**
 * The light sanitizer (parse5 → sanitize-html → linkedom, fragment.ts) must give the very blocks
 * the DOMPurify-in-jsdom path gives (dom.ts), so moving feed items and imported content onto it
 * and pages (issue 15) changed speed, not what a reader sees or what is safe. Checked on every item of
 * the feed corpus, the article of every corpus page, every wallabag entry with content, and every
 * hostile payload.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentBase, domToBlocks, parsePage, sanitizeFragment } from '../../../main/core/articles';
import { runReadability } from '../../../main/core/articles/readability';
import { parseDocument, sanitizeInPlace } from './dompurify-reference';
import { parseFeedBytes } from '../../../main/core/feeds';
import type { Block } from '../../../main/core/types';
import { blockProblems } from '../../fixtures/hostile/check';
import { PAYLOADS } from '../../fixtures/hostile/payloads';
import { CORPUS } from '../helpers';

/** The reference: the whole-page path's jsdom window and DOMPurify. */
function viaDomPurify(html: string, base: string | undefined): Block[] {
  const doc = parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`, base);
  return domToBlocks(sanitizeInPlace(doc.body), base, 'ltr');
}

function viaFragment(html: string, base: string | undefined): Block[] {
  return domToBlocks(sanitizeFragment(html), base, 'ltr');
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function feedItems(): { html: string; base: string | undefined; where: string }[] {
  const out: { html: string; base: string | undefined; where: string }[] = [];
  for (const path of files(join(CORPUS, 'feeds'))) {
    let feed;
    try {
      feed = parseFeedBytes(readFileSync(path));
    } catch {
      continue; // Not a feed (OPML, expected outputs, deliberately broken files).
    }
    feed.items.forEach((item, i) => {
      const html = item.content ?? item.summary ?? '';
      if (html) out.push({ html, base: item.link ?? feed.siteUrl, where: `${path}#${i}` });
    });
  }
  return out;
}

function disagreements(inputs: { html: string; base: string | undefined; where: string }[]): string[] {
  return inputs.filter(({ html, base }) => JSON.stringify(viaFragment(html, base)) !== JSON.stringify(viaDomPurify(html, base))).map((x) => x.where);
}

describe('the light sanitizer', () => {
  it('gives the DOMPurify path’s blocks on every item of the feed corpus', () => {
    const items = feedItems();
    expect(items.length).toBeGreaterThan(1000);
    expect(disagreements(items)).toEqual([]);
  });

  it('gives the DOMPurify path’s blocks on the article Readability finds in every corpus page', () => {
    const pages: { html: string; base: string | undefined; where: string }[] = [];
    for (const name of readdirSync(join(CORPUS, 'pages'))) {
      let html: string;
      try {
        html = readFileSync(join(CORPUS, 'pages', name, 'source.html'), 'utf8');
      } catch {
        continue;
      }
      const doc = parsePage(html, 'http://fakehost/test/page.html');
      const found = runReadability(doc, { mathJax: /<mjx-container/i.test(html) });
      if (found) pages.push({ html: found.content.outerHTML, base: documentBase(doc), where: name });
    }
    expect(pages.length).toBeGreaterThan(55);
    expect(disagreements(pages)).toEqual([]);
  });

  it('gives the DOMPurify path’s blocks on every wallabag entry with content', () => {
    const entries: { html: string; base: string | undefined; where: string }[] = [];
    for (const name of ['wallabag-v1.json', 'wallabag-v2.json']) {
      const data = JSON.parse(readFileSync(join(CORPUS, 'imports', 'wallabag', name), 'utf8')) as { content?: string; url?: string }[];
      data.forEach((e, i) => e.content && entries.push({ html: e.content, base: e.url, where: `${name}#${i}` }));
    }
    expect(entries.length).toBeGreaterThan(3);
    expect(disagreements(entries)).toEqual([]);
  });

  it('leaves nothing of any hostile payload that could run or fetch, exactly as the DOMPurify path', () => {
    const mismatched: string[] = [];
    for (const payload of PAYLOADS) {
      const html = `<p>before</p>${payload.html}<p>after</p>`;
      const blocks = viaFragment(html, 'http://site.example/a/');
      expect(blockProblems(blocks), payload.name).toEqual([]);
      // An unclosed payload may swallow the markup after it; where it does, the two may keep different amounts of it.
      // A <base> inside an item re-aims the jsdom document's relative links; the light path ignores it and keeps
      // resolving against the item's own address, which is what a reader expects (both are safe).
      if (!payload.swallowsRest && !payload.name.startsWith('base-')) mismatched.push(...(JSON.stringify(blocks) === JSON.stringify(viaDomPurify(html, 'http://site.example/a/')) ? [] : [payload.name]));
    }
    expect(mismatched).toEqual([]);
  });

  it('resolves relative links against the item, never against a <base> the item carries', () => {
    const blocks = viaFragment('<base href="http://attacker.example/"><p><a href="rel.html">r</a></p>', 'http://site.example/a/');
    expect(blocks[0]?.inline?.[0]?.href).toBe('http://site.example/a/rel.html');
  });

  it('keeps the readable text of forms, buttons and maths and drops scripts, frames, media and vector art with their content', () => {
    const html = '<p>keep</p><svg><a href="http://x/">in svg</a></svg><template><p>t</p></template><select><option>o</option></select>'
      + '<math><mi>m</mi></math><form><p>in form</p><input value="v"></form><iframe srcdoc="<p>x</p>">if</iframe>'
      + '<video><p>no video</p></video><script>alert(1)</script><style>p{}</style><button>Press</button>';
    expect(viaFragment(html, undefined)).toEqual(viaDomPurify(html, undefined));
    const text = viaFragment(html, undefined).map((b) => b.text).join('|');
    expect(text).toContain('in form');
    expect(text).not.toMatch(/in svg|no video|alert|\bt\b|\bo\b|\bif\b/);
  });
});
