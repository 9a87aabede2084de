import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../main/core/articles';
import { CORPUS } from './helpers';

const html = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('decodeBytes', () => {
  it('honours a BOM first (UTF-8, UTF-16LE, UTF-16BE) and strips it', () => {
    const text = 'Héllo “world” – ok';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decodeBytes(utf8, 'text/plain; charset=windows-1252')).toEqual({ text, charset: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text, charset: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeBytes(be)).toEqual({ text, charset: 'utf-16be' });
  });

  it('uses the HTTP charset before the document declaration', () => {
    const body = 'Привет, мир';
    const bytes = iconv.encode(html('<meta charset="iso-8859-2">', body), 'windows-1251');
    const decoded = decodeBytes(bytes, 'text/html; charset="windows-1251"');
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.text).toContain(body);
  });

  it('reads <meta charset>, <meta http-equiv> and <?xml encoding>', () => {
    const body = 'Ceci est “déjà” vu – voilà';
    expect(decodeBytes(iconv.encode(html('<meta charset=windows-1252>', body), 'windows-1252')).text).toContain(body);
    const equiv = html('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">', 'Coût: 5 €');
    const decoded = decodeBytes(iconv.encode(equiv, 'iso-8859-15'));
    expect(decoded.charset).toBe('iso-8859-15');
    expect(decoded.text).toContain('Coût: 5 €');
    const xml = `<?xml version="1.0" encoding="koi8-r"?><html><body><p>Новости</p></body></html>`;
    expect(decodeBytes(iconv.encode(xml, 'koi8-r')).text).toContain('Новости');
  });

  it('reads ISO-8859-1 labels as windows-1252, as browsers do', () => {
    const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0xe9]);
    expect(decodeBytes(bytes, 'text/plain; charset=ISO-8859-1')).toEqual({ text: '“A” – é', charset: 'windows-1252' });
  });

  it('prefers valid UTF-8 over a declared legacy charset (the qq page says gb2312)', () => {
    const bytes = readFileSync(join(CORPUS, 'pages/qq/source.html'));
    expect(bytes.subarray(0, 4096).toString('latin1')).toMatch(/charset=gb2312/i);
    const decoded = decodeBytes(bytes);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('DeepMind新电脑已可利用记忆自学');
  });

  it('decodes real legacy CJK bytes with their declared charset', () => {
    const body = '香港行政长官就违章建筑问题道歉';
    const bytes = iconv.encode(html('<meta charset="gb2312">', body), 'gb18030');
    const decoded = decodeBytes(bytes);
    expect(decoded.charset).toBe('gb18030');
    expect(decoded.text).toContain(body);
    const sjis = iconv.encode(html('<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">', '日本語のニュース'), 'shift_jis');
    expect(decodeBytes(sjis).text).toContain('日本語のニュース');
  });

  it('falls back to a detector for undeclared non-UTF-8 bytes', () => {
    const text = 'Diplomasi “bayangan” – kontak langsung di tengah retorika perang yang kian tajam.';
    // On one sentence the detector may name a sibling single-byte charset (windows-1254 shares
    // every byte used here); what matters is the text.
    expect(decodeBytes(iconv.encode(text, 'windows-1252')).text).toBe(text);
    // A chardet sample with no declaration (koi8-r Russian).
    const koi = readFileSync(join(CORPUS, 'feeds/feedparser/illformed/chardet/koi8r.xml'));
    expect(decodeBytes(koi).text).toMatch(/[а-яА-Я]{4,}/);
  });

  it('normalizes CRLF and CR to LF', () => {
    expect(decodeBytes(Buffer.from('a\r\nb\rc\n')).text).toBe('a\nb\nc\n');
  });

  it('treats an unknown declared charset as absent', () => {
    expect(decodeBytes(Buffer.from('héllo'), 'text/plain; charset=x-bogus-42')).toEqual({ text: 'héllo', charset: 'utf-8' });
  });
});
