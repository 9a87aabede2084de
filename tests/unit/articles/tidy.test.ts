/** Issue 11, walk item 4: the site's name leaves the title, a heading repeating the title and a lone "Photo" line go. */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../main/core/articles';
import { cleanTitle, dropPhotoLabels, dropTitleHeading } from '../../../main/core/articles/tidy';
import type { Block } from '../../../main/core/types';

const LONG = 'The council met on Tuesday evening and approved the harbour plan after a long debate about the cost, the schedule and the effect on the fishing fleet.';
const page = (head: string, body: string): string => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe('cleanTitle', () => {
  const facts = (siteNames: string[], headings: string[] = []) => ({ siteNames, headings });

  it('strips a suffix or prefix that names the site, with any of the usual separators', () => {
    expect(cleanTitle('Mozilla - Wikipedia', facts(['Wikipedia']))).toBe('Mozilla');
    expect(cleanTitle('日銀、追加利上げを決定：日本経済新聞', facts(['日本経済新聞 電子版']))).toBe('日銀、追加利上げを決定');
    expect(cleanTitle('Harbour plan approved | The Harbour Times', facts(['The Harbour Times']))).toBe('Harbour plan approved');
    expect(cleanTitle('Harbour plan approved — Harbour Times', facts(['harbourtimes.com', 'harbourtimes']))).toBe('Harbour plan approved');
    expect(cleanTitle('BBC News - Harbour plan approved', facts(['BBC News']))).toBe('Harbour plan approved');
    expect(cleanTitle('Harbour plan approved [LWN.net]', facts(['LWN.net']))).toBe('Harbour plan approved');
  });

  it('takes the section away too once the site is gone, when the page heading shows the headline', () => {
    expect(cleanTitle('宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', facts(['光明网'], ['宇航员在太空中喝酒会怎么样？后果很严重']))).toBe('宇航员在太空中喝酒会怎么样？后果很严重');
    // Without a heading to confirm it, the section stays.
    expect(cleanTitle('宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', facts(['光明网']))).toBe('宇航员在太空中喝酒会怎么样？后果很严重 _探索者');
  });

  it('leaves titles alone when nothing names the site', () => {
    expect(cleanTitle('COVID-19 cases fall - a summary', facts(['Daily Wire']))).toBe('COVID-19 cases fall - a summary');
    expect(cleanTitle('Brexit: the vote', facts(['Daily Wire'], ['Brexit']))).toBe('Brexit: the vote');
    // A story's name after the chapter is not the site (royal-road).
    expect(cleanTitle('ONE HUNDRED TWO: What kind of wordchain? - Super Supportive', facts(['Royal Road'], ['ONE HUNDRED TWO: What kind of wordchain?']))).toBe(
      'ONE HUNDRED TWO: What kind of wordchain? - Super Supportive',
    );
    // A title that is only the site's name stays (it is all there is).
    expect(cleanTitle('Wikipedia', facts(['Wikipedia']))).toBe('Wikipedia');
    expect(cleanTitle('Times | Times', facts(['Times']))).toBe('Times');
  });
});

describe('block tidying', () => {
  const p = (text: string): Block => ({ type: 'paragraph', text });
  it('drops a first heading equal to the title (raw or cleaned), and only the first', () => {
    const blocks: Block[] = [{ type: 'heading', level: 2, text: 'Mozilla' }, p(LONG), { type: 'heading', level: 2, text: 'Mozilla' }];
    expect(dropTitleHeading(blocks, ['Mozilla', 'Mozilla - Wikipedia'])).toEqual(blocks.slice(1));
    expect(dropTitleHeading(blocks, ['Firefox'])).toBe(blocks);
  });

  it('drops a lone "Photo"/"Foto" line above an image, never one with more words or not above an image', () => {
    const img: Block = { type: 'image', text: 'A pier', src: 'https://example.org/a.jpg' };
    expect(dropPhotoLabels([p('Photo'), img, p(LONG)])).toEqual([img, p(LONG)]);
    expect(dropPhotoLabels([p('Foto:'), img])).toEqual([img]);
    expect(dropPhotoLabels([p('Photo by Ana Lima'), img])).toHaveLength(2);
    expect(dropPhotoLabels([p('Photo'), p(LONG)])).toHaveLength(2);
  });
});

describe('in the extractor', () => {
  it('a page gives its title without the site and its body without the repeated heading and the Photo line', () => {
    const html = page(
      '<title>Harbour plan approved | The Harbour Times</title><meta property="og:site_name" content="The Harbour Times">',
      `<header><a href="https://harbour.example/"><img src="/logo.png" alt="The Harbour Times"></a></header>
       <article><h1>Harbour plan approved</h1><p>${LONG}</p><p>Foto</p><figure><img src="https://harbour.example/pier.jpg" alt="The pier"></figure><p>${LONG}</p></article>`,
    );
    const article = parseHtml(html, 'https://harbour.example/news/1');
    expect(article.title).toBe('Harbour plan approved');
    expect(article.blocks.some((b) => b.type === 'heading' && b.text === 'Harbour plan approved')).toBe(false);
    expect(article.blocks.some((b) => b.text === 'Foto')).toBe(false);
    expect(article.blocks.some((b) => b.type === 'image')).toBe(true);
    expect(article.siteName).toBe('The Harbour Times');
  });
});
