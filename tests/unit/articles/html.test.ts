import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractFromBytes, extractFromFile, parseHtml } from '../../../main/core/articles';
import type { Block } from '../../../main/core/types';
import { CORPUS, FAKEHOST } from './helpers';
import { DROPPED_LINES, TIDIED_TITLES } from './tidy-expectations';

const PAGES = join(CORPUS, 'pages');
const pages = readdirSync(PAGES).sort();

// MANIFEST.md's page table, "language / note" column → ISO 639-1.
const LANGUAGE_NAMES: Record<string, string> = {
  English: 'en', Czech: 'cs', Spanish: 'es', Portuguese: 'pt', Chinese: 'zh', German: 'de', Japanese: 'ja', French: 'fr', Latin: 'la',
};
function manifestLanguages(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(CORPUS, 'MANIFEST.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !pages.includes(cells[1])) continue;
    const lang = LANGUAGE_NAMES[cells[6].split(/[\s(]/)[0]];
    if (lang) out[cells[1]] = lang;
  }
  return out;
}
const MANIFEST_LANG = manifestLanguages();

/** Pages with no article: Readability finds only headings and lazy images (lazy-image-3) or the word "Test" (005). */
const NO_ARTICLE = new Set(['lazy-image-3', '005-unescape-html-entities']);

const squash = (s: string): string => s.replace(/\s+/gu, '');
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, ' ').trim();

function expectedText(page: string): string {
  return new JSDOM(readFileSync(join(PAGES, page, 'expected.html'), 'utf8')).window.document.body.textContent ?? '';
}

function blocksText(blocks: Block[]): string {
  return blocks
    .filter((b) => b.type !== 'image')
    .map((b) => b.text)
    .join('\n');
}

/**
 * The page's real language. Synthetic edge-case pages are labelled English in MANIFEST.md
 * (their template is), but their text is "Lorem ipsum" placeholder Latin: detection says 'la'.
 */
function realLanguage(page: string, text: string): string {
  return /Lorem ipsum dolor sit amet/.test(text) ? 'la' : MANIFEST_LANG[page];
}

describe('Readability corpus pages (mozilla/readability test pages)', () => {
  it('knows the language of every page from MANIFEST.md', () => {
    expect(Object.keys(MANIFEST_LANG).sort()).toEqual(pages);
  });

  it.each(pages)('%s: metadata, language and text agree with the expected output', async (page) => {
    const path = join(PAGES, page, 'source.html');
    if (NO_ARTICLE.has(page)) {
      await expect(extractFromFile(path)).rejects.toMatchObject({ code: 'NO_ARTICLE' });
      return;
    }
    const meta = JSON.parse(readFileSync(join(PAGES, page, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
    const article = extractFromBytes(readFileSync(path), { fileName: 'source.html', url: FAKEHOST });
    // Readability's title, or the hand-checked one without the site's name (tidy-expectations.ts).
    expect(norm(article.title)).toBe(norm(TIDIED_TITLES[page] ?? meta.title));
    expect(norm(article.byline)).toBe(norm(meta.byline));
    expect(norm(article.siteName)).toBe(norm(meta.siteName));
    expect(article.publishedAt ?? null).toBe(meta.publishedTime);
    expect(article.dir).toBe(meta.dir === 'rtl' ? 'rtl' : 'ltr');
    const expected = expectedText(page);
    expect(article.lang).toBe(realLanguage(page, expected));
    // Whitespace differs by construction (blocks vs. markup); every other character must match, in order,
    // once the lines Kabar drops on purpose are taken out of Readability's text (each must be there).
    let want = squash(expected);
    for (const line of DROPPED_LINES[page] ?? []) {
      expect(want).toContain(squash(line));
      want = want.replace(squash(line), '');
    }
    expect(squash(blocksText(article.blocks))).toBe(want);
    expect(article.blocks.every((b) => b.type === 'image' || b.text.length > 0)).toBe(true);
    expect(article.source).toBe('html');
    expect(article.url).toBe(FAKEHOST);
  });
});

// MANIFEST.md: newspaper4k pages and their languages.
const N4K_LANGS: Record<string, string> = {
  arabic_article: 'ar', burmese_article: 'my', chinese_article: 'zh', chinese_article_001: 'zh', chinese_article_002: 'zh',
  japanese_article: 'ja', japanese_article2: 'ja', latvian_article: 'lv', spanish_article: 'es', thai_article: 'th',
  cnn_article: 'en', article_with_divs: 'en', time_001: 'en', yna_co_kr: 'en',
};

describe('newspaper4k pages', () => {
  it.each(Object.keys(N4K_LANGS))('%s imports with a title, paragraphs and its language', async (name) => {
    const article = await extractFromFile(join(CORPUS, 'articles/newspaper4k/html', `${name}.html`));
    expect(article.title.length).toBeGreaterThan(5);
    expect(article.blocks.filter((b) => b.type === 'paragraph').length).toBeGreaterThan(0);
    expect(article.lang).toBe(N4K_LANGS[name]);
    expect(article.dir).toBe(name === 'arabic_article' ? 'rtl' : 'ltr');
  });
});

const PAGE = (body: string, head = '<title>Test page</title>'): string =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body><article>${body}</article></body></html>`;
const LONG =
  'The city council voted on Tuesday to expand the riverside park, adding walking paths, a playground and new trees along two kilometres of the bank.';

describe('HTML to blocks', () => {
  it('maps headings, paragraphs with inline runs, quotes, lists, code, figures and tables', () => {
    const article = parseHtml(
      PAGE(`
      <h1>Park Plan Approved</h1>
      <p>${LONG} <em>Residents</em> welcomed the <strong>decision</strong>, see <a href="/docs/plan.pdf">the plan</a> and <code>v2</code>.</p>
      <h3>Reactions</h3>
      <blockquote><p>It is a good day for the city.</p><p>We waited years.</p></blockquote>
      <ul><li>Paths<ul><li>Lit at night</li></ul></li><li>Trees</li></ul>
      <ol><li>First</li><li>Second</li></ol>
      <pre><code>const x = 1;\n  return x;</code></pre>
      <figure><img src="img/park.jpg" alt="The river bank"><figcaption>The bank today.</figcaption></figure>
      <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>3 M</td></tr></table>
      <p>${LONG}</p>`, '<title>Park Plan Approved</title>'),
      'https://news.example.org/city/park.html',
    );
    // The <h1> repeats the title, so Readability drops it from the body.
    expect(article.title).toBe('Park Plan Approved');
    const types = article.blocks.map((b) => b.type);
    expect(types).toEqual(['paragraph', 'heading', 'quote', 'quote', 'list', 'list', 'code', 'image', 'caption', 'paragraph', 'paragraph', 'paragraph']);
    const para = article.blocks[0];
    expect(para.inline).toEqual(
      expect.arrayContaining([
        { text: 'Residents', em: true },
        { text: 'decision', strong: true },
        { text: 'the plan', href: 'https://news.example.org/docs/plan.pdf' },
        { text: 'v2', code: true },
      ]),
    );
    expect(para.text.endsWith('see the plan and v2.')).toBe(true);
    expect(article.blocks[1]).toMatchObject({ type: 'heading', level: 3, text: 'Reactions' });
    expect(article.blocks[2].text).toBe('It is a good day for the city.');
    expect(article.blocks[4]).toMatchObject({ type: 'list', text: 'Paths\nLit at night\nTrees', items: [[{ text: 'Paths' }], [{ text: 'Lit at night' }], [{ text: 'Trees' }]] });
    expect(article.blocks[4].ordered).toBeUndefined();
    expect(article.blocks[5]).toMatchObject({ ordered: true, text: 'First\nSecond' });
    expect(article.blocks[6]).toEqual({ type: 'code', text: 'const x = 1;\n  return x;' });
    expect(article.blocks[7]).toEqual({ type: 'image', text: 'The river bank', alt: 'The river bank', src: 'https://news.example.org/city/img/park.jpg' });
    expect(article.blocks[8]).toMatchObject({ type: 'caption', text: 'The bank today.' });
    expect(article.blocks[9].text).toBe('Year\tCost');
    expect(article.blocks[10].text).toBe('2024\t3 M');
  });

  it('keeps only absolute http(s) and mailto links and safe image sources, and drops active content', () => {
    const article = parseHtml(
      PAGE(`<p>${LONG} <a href="javascript:alert(1)">js</a> <a href="data:text/html,hi">data</a>
        <a href="mailto:desk@example.org">mail</a> <a href="https://example.org/a" onclick="steal()">web</a>
        <a href="ftp://example.org/f">ftp</a></p>
        <p><img src="javascript:alert(1)" alt="bad"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
        <script>alert(1)</script><iframe src="https://evil.example/"></iframe><button>Click</button>${LONG}</p>`),
      'https://example.org/news/1',
    );
    const runs = article.blocks.flatMap((b) => b.inline ?? []);
    const hrefs = runs.filter((r) => r.href).map((r) => r.href);
    expect(hrefs).toEqual(['mailto:desk@example.org', 'https://example.org/a']);
    expect(runs.find((r) => r.text === 'js')?.href).toBeUndefined();
    const images = article.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => b.src)).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
    const text = blocksText(article.blocks);
    expect(text).not.toMatch(/alert|Click/);
    expect(JSON.stringify(article)).not.toMatch(/onclick|steal|evil\.example/);
  });

  it('drops relative links and images when there is no page URL to resolve them', () => {
    const article = parseHtml(PAGE(`<p>${LONG} <a href="/a">relative</a> <a href="https://x.example/b">absolute</a></p><p><img src="pic.png" alt="p">${LONG}</p>`));
    expect(article.blocks.flatMap((b) => b.inline ?? []).map((r) => r.href)).toEqual([undefined, 'https://x.example/b']);
    expect(article.blocks.some((b) => b.type === 'image')).toBe(false);
    expect(article.url).toBeUndefined();
  });

  it('reads direction and language of an Arabic page, keeping the declared language', () => {
    const text = 'أكدت جهات سورية معارضة أن فصائل مسلحة معارضة سيطرت على مخازن للأسلحة في ريف دمشق بعد اشتباكات عنيفة مع القوات الحكومية استمرت عدة أيام.';
    const article = parseHtml(`<html lang="ar-SY" dir="rtl"><head><title>خبر</title></head><body><article><p>${text}</p><p>${text}</p></article></body></html>`);
    expect(article.lang).toBe('ar');
    expect(article.declaredLang).toBe('ar-SY');
    expect(article.dir).toBe('rtl');
  });

  it('detects the real language when the page declares another', () => {
    const french =
      'Le conseil municipal a voté mardi l’agrandissement du parc au bord de la rivière, avec des chemins, une aire de jeux et de nouveaux arbres sur deux kilomètres.';
    const article = parseHtml(`<html lang="en"><head><title>Parc</title></head><body><article><p>${french}</p><p>${french}</p></article></body></html>`);
    expect(article.lang).toBe('fr');
    expect(article.declaredLang).toBe('en');
  });

  it('throws NO_ARTICLE for pages without an article', () => {
    expect(() => parseHtml('<html><body><nav>menu</nav></body></html>')).toThrowError(expect.objectContaining({ code: 'NO_ARTICLE' }));
    expect(() => parseHtml('<html><body></body></html>')).toThrowError(expect.objectContaining({ code: 'NO_ARTICLE' }));
  });
});
