import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { contentKey, decodeBytes, extractFromBytes, extractFromFile, parsePlainText } from '../../../main/core/articles';
import { parseDateline, parseSourceLine } from '../../../main/core/articles/dateline';
import { CORPUS, tempDir } from './helpers';

const SEED = join(CORPUS, 'seed', 'diplomasi-bayangan.txt');
const seedBytes = readFileSync(SEED);
const seedText = seedBytes.toString('utf8');

describe('the seed article (news-wire plain text)', () => {
  const article = parsePlainText(seedText);

  it('reads section, title, dateline, credit and language', () => {
    expect(article.title).toBe(
      'Diplomasi Bayangan: Kontak Langsung Bos MI6 dan Intelijen Rusia di Tengah Panasnya Retorika Perang',
    );
    expect(article.section).toBe('International');
    expect(article.place).toBe('Semarang');
    expect(article.siteName).toBe('usmnews');
    expect(article.credit).toBe('SINDOnews');
    expect(article.lang).toBe('id');
    expect(article.dir).toBe('ltr');
    expect(article.source).toBe('text');
  });

  it('has the three subheadings in order and exactly 11 paragraphs, the dateline first and unchanged', () => {
    const headings = article.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      'Menjaga “Saluran Belakang” Tetap Terbuka',
      'Konteks Ketegangan London-Moskow',
      'Pesan di Balik Sambungan Telepon',
    ]);
    const paragraphs = article.blocks.filter((b) => b.type === 'paragraph');
    expect(paragraphs).toHaveLength(11);
    expect(article.blocks).toHaveLength(14);
    const firstLine = seedText.split('\n').find((l) => l.startsWith('Semarang'));
    expect(paragraphs[0].text).toBe(firstLine?.trimEnd());
    expect(paragraphs[0].text.startsWith('Semarang (usmnews) – Dikutip dari SINDOnews, Di tengah')).toBe(true);
    expect(article.blocks.every((b) => b.text.trim().length > 0 && b.text === b.text.trim())).toBe(true);
    // Headings sit between paragraphs, in the order of the text.
    expect(article.blocks.map((b) => b.type[0]).join('')).toBe('ppphpppphpphpp');
  });

  it('imports identically with CRLF, with a BOM, and transcoded to windows-1252', async () => {
    const crlf = Buffer.from(seedText.replace(/\n/g, '\r\n'), 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]);
    const cp1252 = iconv.encode(seedText, 'windows-1252');
    // The curly quotes and the en dash exist in windows-1252, so the round trip is lossless.
    expect(iconv.decode(cp1252, 'windows-1252')).toBe(seedText);
    expect(decodeBytes(cp1252).charset).toBe('windows-1252');
    const { dir, cleanup } = await tempDir();
    try {
      const reference = await extractFromFile(SEED);
      for (const [name, bytes] of [
        ['crlf.txt', crlf],
        ['bom.txt', bom],
        ['cp1252.txt', cp1252],
      ] as const) {
        await writeFile(join(dir, name), bytes);
        const variant = await extractFromFile(join(dir, name));
        expect(variant, name).toEqual(reference);
        expect(contentKey(variant)).toBe(contentKey(reference));
        expect(extractFromBytes(bytes, { fileName: name })).toEqual(reference);
      }
      expect(reference).toEqual(article);
      // A real change to the text changes the key.
      const edited = parsePlainText(seedText.replace('rapat-rapat', 'rapat'));
      expect(contentKey(edited)).not.toBe(contentKey(reference));
    } finally {
      await cleanup();
    }
  });
});

describe('datelines and credits', () => {
  it('reads an Arabic dateline with a CNN outlet', () => {
    const text = readFileSync(join(CORPUS, 'articles/newspaper4k/txt/arabic_article.txt'), 'utf8');
    const article = parsePlainText(text);
    expect(article.place).toBe('دمشق، سوريا');
    expect(article.siteName).toBe('CNN');
    expect(article.credit).toBe('CNN');
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
  });

  it('separates the date from the place and finds a dateline after a promo line', () => {
    expect(parseDateline('SEOUL, Aug. 20 (Yonhap) -- North Korea said…')).toEqual({ place: 'SEOUL', outlet: 'Yonhap' });
    expect(parseDateline('(CNN) -- The Pennsylvania official said…')).toEqual({ outlet: 'CNN' });
    const cnn = parsePlainText(readFileSync(join(CORPUS, 'articles/newspaper4k/txt/cnn_article.txt'), 'utf8'));
    expect(cnn.siteName).toBe('CNN');
  });

  it('reads credit phrases in Indonesian, Malay and English, and names only capitalised sources', () => {
    expect(parseDateline('Jakarta (Antara) - Dilansir dari Reuters, harga minyak naik.').credit).toBe('Reuters');
    expect(parseDateline('Bandung (kabarjabar) — seperti dikutip dari Kompas.com, banjir surut.').credit).toBe('Kompas.com');
    expect(parseDateline('KUALA LUMPUR (Bernama) - Dipetik dari The Star, kerajaan akan…').credit).toBe('The Star');
    expect(parseDateline('LONDON (AP) — According to The Guardian, the talks failed.').credit).toBe('The Guardian');
    expect(parseDateline('JAKARTA, KOMPAS.com - Menurut laporan BBC, …')).toEqual({ place: 'JAKARTA', outlet: 'KOMPAS.com', credit: 'BBC' });
    expect(parseDateline('according to the report, prices rose.').credit).toBeUndefined();
    expect(parseSourceLine('Sumber: Antara')).toBe('Antara');
    expect(parseSourceLine('Source: Reuters.')).toBe('Reuters');
    expect(parseSourceLine('The source said so.')).toBeUndefined();
  });

  it('takes the credit from a closing "Source:" line when the opening names none', () => {
    const text = 'Kota (lokal) - Hujan deras turun sepanjang hari di kota itu dan warga diminta waspada.\nWarga diminta tetap berhati-hati karena banjir bisa datang kapan saja.\nSumber: Antara';
    const article = parsePlainText(text);
    expect(article.siteName).toBe('lokal');
    expect(article.credit).toBe('Antara');
  });
});

describe('generic plain-text shapes', () => {
  it('finds a heading only between paragraphs and never at the end', () => {
    const text = [
      'Storm Leaves Coastal Towns Without Power',
      'Thousands of homes lost electricity overnight as winds reached 120 km/h along the coast, officials said on Monday.',
      'Repair crews worked through the night, but several roads remain blocked by fallen trees and debris.',
      'What Happens Next',
      'The utility expects most customers to be reconnected by Wednesday, though rural lines may take longer.',
      'Residents were advised to check on elderly neighbours and to avoid downed lines.',
      'Updated at noon',
    ].join('\n');
    const article = parsePlainText(text);
    expect(article.title).toBe('Storm Leaves Coastal Towns Without Power');
    expect(article.section).toBeUndefined();
    expect(article.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(article.lang).toBe('en');
  });

  it('re-joins hard-wrapped paragraphs', () => {
    const para = 'The committee met on Tuesday to review the budget for the coming year and agreed to delay the vote until more figures are available from the ministry.';
    const wrap = (s: string): string => s.replace(/(.{1,60})(\s|$)/g, '$1\n').trim();
    const text = `Budget Vote Delayed\n\n${wrap(para)}\n\n${wrap(para.replace('Tuesday', 'Friday'))}\n`;
    const article = parsePlainText(text);
    expect(article.title).toBe('Budget Vote Delayed');
    expect(article.blocks.map((b) => b.text)).toEqual([para, para.replace('Tuesday', 'Friday')]);
  });

  it('derives a title from the first sentence when the text has no title line', () => {
    const article = parsePlainText('The council approved the plan. It will take effect next year, the mayor said.\nMore details will follow.');
    expect(article.title).toBe('The council approved the plan.');
    expect(article.blocks).toHaveLength(2);
  });

  it('rejects empty or whitespace-only text', () => {
    expect(() => parsePlainText(' \n\t\n ')).toThrowError(expect.objectContaining({ code: 'EMPTY_INPUT' }));
  });
});

// Expected language of each newspaper4k text file (MANIFEST.md).
const TXT_LANGS: Record<string, string> = {
  arabic_article: 'ar', article_with_divs: 'en', bengali_article: 'bn', burmese_article: 'my', chinese_article: 'zh',
  chinese_article_001: 'zh', chinese_article_002: 'zh', cnn_article: 'en', cnn_summary: 'en', hindi_article: 'hi',
  japanese_article: 'ja', japanese_article2: 'ja', korean_article: 'ko', latvian_article: 'lv', nepali_article: 'ne',
  spanish_article: 'es', thai_article: 'th', time_001: 'en', yna_co_kr: 'en',
};

describe('newspaper4k plain-text articles', () => {
  const dir = join(CORPUS, 'articles/newspaper4k/txt');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('covers every text file of the corpus', () => {
    expect(files.map((f) => f.replace(/\.txt$/, '')).sort()).toEqual(Object.keys(TXT_LANGS).sort());
  });

  it.each(files)('%s imports with a sensible title, paragraphs and language', async (file) => {
    const article = await extractFromFile(join(dir, file));
    const text = readFileSync(join(dir, file), 'utf8');
    expect(article.title.length).toBeGreaterThan(3);
    expect(article.title.length).toBeLessThanOrEqual(201);
    expect(article.blocks.filter((b) => b.type === 'paragraph').length).toBeGreaterThan(0);
    expect(article.lang).toBe(TXT_LANGS[file.replace(/\.txt$/, '')]);
    // Nothing is lost: every non-empty line is the title, the section or a block.
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const kept = new Set([article.title, article.section, ...article.blocks.map((b) => b.text)]);
    expect(lines.filter((l) => !kept.has(l))).toEqual([]);
    // Title and section lines are not repeated as blocks (a derived title is only a copy).
    const head = [article.section, article.title].filter((t) => t && lines.includes(t) && !article.blocks.some((b) => b.text === t));
    expect(article.blocks.length + head.length).toBe(lines.length);
  });
});
