import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage, extractFromFile } from '../../../main/core/articles';
import { CORPUS } from './helpers';

// Real languages from MANIFEST.md. Synthetic pages whose text is "Lorem ipsum" (rtl-1..4 and the six
// edge-case pages MANIFEST calls English after their template) count as Latin, which is what they contain.
const PAGE_LANGS: Record<string, string> = {
  '001': 'en', '002': 'en', '003-metadata-preferred': 'la', aclu: 'en', aktualne: 'cs', 'archive-of-our-own': 'en',
  'ars-1': 'en', 'article-author-tag': 'en', 'base-url-base-element-relative': 'la', 'bbc-1': 'en', blogger: 'en',
  breitbart: 'en', 'buzzfeed-1': 'en', 'citylab-1': 'en', cnet: 'en', 'cnet-svg-classes': 'es', cnn: 'en',
  'comment-inside-script-parsing': 'la', 'daringfireball-1': 'en', 'data-url-image': 'la', 'dropbox-blog': 'en',
  'embedded-videos': 'la', engadget: 'en', 'firefox-nightly-blog': 'en', folha: 'pt', 'gitlab-blog': 'en', gmw: 'zh',
  heise: 'de', 'herald-sun-1': 'en', hukumusume: 'ja', 'keep-tabular-data': 'en', 'la-nacion': 'es', 'lemonde-1': 'fr',
  'liberation-1': 'fr', 'lwn-1': 'en', mathjax: 'en', 'medium-1': 'en', msn: 'en', 'nytimes-1': 'en', 'nytimes-5': 'es',
  'parsely-metadata': 'la', pixnet: 'zh', qq: 'zh', 'quanta-1': 'en', 'royal-road': 'en', 'rtl-1': 'la', 'rtl-2': 'la',
  'rtl-3': 'la', 'rtl-4': 'la', 'schema-org-context-object': 'en', telegraph: 'en', theverge: 'en', tumblr: 'en',
  'v8-blog': 'en', 'videos-2': 'fr', 'wapo-1': 'en', wikipedia: 'en', wordpress: 'en', 'yahoo-4': 'ja', youth: 'zh',
};
const N4K_LANGS: Record<string, string> = {
  arabic_article: 'ar', article_with_divs: 'en', bengali_article: 'bn', burmese_article: 'my', chinese_article: 'zh',
  chinese_article_001: 'zh', chinese_article_002: 'zh', cnn_article: 'en', cnn_summary: 'en', hindi_article: 'hi',
  japanese_article: 'ja', japanese_article2: 'ja', korean_article: 'ko', latvian_article: 'lv', nepali_article: 'ne',
  spanish_article: 'es', thai_article: 'th', time_001: 'en', yna_co_kr: 'en',
};

describe('language detection over the corpus', () => {
  it('is at least 95% correct on every page and text whose language MANIFEST.md names', async () => {
    const cases: Array<{ name: string; path: string; lang: string }> = [];
    // lazy-image-3 and 005-unescape-html-entities have no article (NO_ARTICLE), so no text to detect.
    for (const [page, lang] of Object.entries(PAGE_LANGS)) cases.push({ name: `pages/${page}`, path: join(CORPUS, 'pages', page, 'source.html'), lang });
    for (const dir of ['html', 'txt']) {
      for (const file of readdirSync(join(CORPUS, 'articles/newspaper4k', dir))) {
        const lang = N4K_LANGS[file.replace(/\.(html|txt)$/, '')];
        if (lang) cases.push({ name: `newspaper4k/${dir}/${file}`, path: join(CORPUS, 'articles/newspaper4k', dir, file), lang });
      }
    }
    cases.push({ name: 'seed/diplomasi-bayangan.txt', path: join(CORPUS, 'seed/diplomasi-bayangan.txt'), lang: 'id' });
    const misses: string[] = [];
    for (const c of cases) {
      const article = await extractFromFile(c.path);
      if (article.lang !== c.lang) misses.push(`${c.name}: expected ${c.lang}, detected ${article.lang}`);
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    console.log(`language accuracy ${(accuracy * 100).toFixed(1)}% over ${cases.length} texts; misses: ${misses.length ? misses.join('; ') : 'none'}`);
    expect(cases.length).toBe(60 + 14 + 19 + 1);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('detectLanguage', () => {
  it('tells Indonesian from Malay', () => {
    const seed = readFileSync(join(CORPUS, 'seed/diplomasi-bayangan.txt'), 'utf8');
    expect(detectLanguage(seed)).toBe('id');
    const malay =
      'Kerajaan akan memperkenalkan dasar baharu bagi membantu peniaga kecil kerana ramai yang terjejas selepas banjir. ' +
      'Menteri berkata bahawa pelbagai bantuan wang tunai akan diberikan kepada syarikat tempatan, manakala kakitangan awam perlu membantu semasa proses pendaftaran.';
    expect(detectLanguage(malay)).toBe('ms');
    const indonesian =
      'Pemerintah akan memperkenalkan kebijakan baru untuk membantu pedagang kecil karena banyak yang terdampak setelah banjir. ' +
      'Menteri mengatakan bahwa berbagai bantuan uang tunai akan diberikan kepada perusahaan setempat, sementara pegawai negeri bisa membantu saat pendaftaran.';
    expect(detectLanguage(indonesian)).toBe('id');
  });

  it('tells Nepali from Hindi (both Devanagari)', () => {
    expect(detectLanguage(readFileSync(join(CORPUS, 'articles/newspaper4k/txt/nepali_article.txt'), 'utf8'))).toBe('ne');
    expect(detectLanguage(readFileSync(join(CORPUS, 'articles/newspaper4k/txt/hindi_article.txt'), 'utf8'))).toBe('hi');
  });

  it('names scripts that belong to one language and maps Chinese variants to zh', () => {
    expect(detectLanguage('최태원 회장의 대리인단은 17일 입장문을 통해 주장을 반박했다')).toBe('ko');
    expect(detectLanguage('歴史的な米朝首脳会談を巡って戦っていたのは、トランプだけではなかった。')).toBe('ja');
    expect(detectLanguage('香港行政長官梁振英在各方壓力下就其大宅的違章建築問題到立法會接受質詢')).toBe('zh');
    expect(detectLanguage('香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询')).toBe('zh');
    expect(detectLanguage('ผู้สื่อข่าวได้รับแจ้งจากนายคนหนึ่งว่าพบศพลอยอยู่ในแม่น้ำโขง')).toBe('th');
    expect(detectLanguage('Правительство объявило о новых мерах поддержки малого бизнеса после наводнения.')).toBe('ru');
  });

  it('returns und for text too short to tell', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('OK 2024!')).toBe('und');
  });

  it('is not thrown off by formulas', () => {
    const text = 'When a ≠ 0, there are two solutions to a x 2 + b x + c = 0 and they are x = − b ± b 2 − 4 a c 2 a. The Lorenz equations x ˙ = σ ( y − x ) describe a simple model of convection in the atmosphere.';
    expect(detectLanguage(text)).toBe('en');
  });
});
