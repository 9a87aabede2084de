import { randomBytes } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromBytes, extractFromFile } from '../../../main/core/articles';
import { CORPUS, tempDir, TINY_PNG } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('bad input', () => {
  it('rejects empty and whitespace-only files with EMPTY_INPUT', async () => {
    await expect(extractFromFile(await file('empty.txt', ''))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    await expect(extractFromFile(await file('blank.txt', ' \r\n\t\n  '))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    await expect(extractFromFile(await file('bom-only.html', '\ufeff\n'))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });

  it('rejects binary content with BINARY_INPUT, naming known formats', async () => {
    await expect(extractFromFile(await file('random.txt', randomBytes(4096)))).rejects.toMatchObject({ code: 'BINARY_INPUT' });
    await expect(extractFromFile(await file('picture', TINY_PNG))).rejects.toMatchObject({
      code: 'BINARY_INPUT',
      message: expect.stringContaining('PNG image'),
    });
    expect(() => extractFromBytes(Buffer.from('%PDF-1.7\n\0\0\0binary'))).toThrowError(expect.objectContaining({ code: 'BINARY_INPUT' }));
  });

  it('rejects known non-article types by name or Content-Type with UNSUPPORTED_TYPE', async () => {
    await expect(extractFromFile(await file('photo.png', TINY_PNG))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE', params: { type: '.png' } });
    await expect(extractFromFile(await file('report.docx', Buffer.from('PK\x03\x04....')))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    await expect(extractFromFile(await file('paper.pdf', '%PDF-1.4'))).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect(() => extractFromBytes(TINY_PNG, { contentType: 'image/png' })).toThrowError(expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }));
    expect(() => extractFromBytes(Buffer.from('%PDF'), { contentType: 'application/pdf' })).toThrowError(
      expect.objectContaining({ code: 'UNSUPPORTED_TYPE', params: { type: 'application/pdf' } }),
    );
  });

  it('rejects files over 20 MB before reading them, and honours a smaller limit', async () => {
    const path = join(dir, 'huge.html');
    const handle = await open(path, 'w');
    await handle.truncate(21 * 1024 * 1024); // sparse: no 21 MB actually written
    await handle.close();
    await expect(extractFromFile(path)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const small = await file('small.txt', 'A short note about the weather today, nothing more to say about it really.');
    await expect(extractFromFile(small, { maxBytes: 10 })).rejects.toMatchObject({ code: 'TOO_LARGE', params: { maxBytes: 10 } });
    expect(() => extractFromBytes(new Uint8Array(21 * 1024 * 1024))).toThrowError(expect.objectContaining({ code: 'TOO_LARGE' }));
  });

  it('reports missing files and folders', async () => {
    await expect(extractFromFile(join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await mkdir(join(dir, 'folder.html'));
    await expect(extractFromFile(join(dir, 'folder.html'))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('rejects pages without an article with NO_ARTICLE', async () => {
    await expect(extractFromFile(await file('nav.html', '<html><body><nav>menu</nav></body></html>'))).rejects.toMatchObject({ code: 'NO_ARTICLE' });
    await expect(extractFromFile(join(CORPUS, 'pages/lazy-image-3/source.html'))).rejects.toMatchObject({ code: 'NO_ARTICLE' });
  });

  it('errors carry an English message that says what to do', async () => {
    const error = await extractFromFile(join(dir, 'nope.txt')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KabarError', message: expect.stringMatching(/Check the name and folder/) });
  });
});

describe('sniffing', () => {
  it('reads UTF-16 text without a BOM, and HTML without an extension', async () => {
    const text = 'Harbour news\nThe pier reopened on Friday after three weeks of repairs, and the boats came back.';
    const utf16 = extractFromBytes(Buffer.from(text, 'utf16le'));
    expect(utf16.title).toBe('Harbour news');
    const html = await extractFromFile(
      await file('saved-page', '<!doctype html><html><head><title>Pier</title><link rel="canonical" href="https://port.example/pier"></head><body><article><p>The pier reopened on Friday after three weeks of repairs, and the fishing boats came back to their moorings before dawn.</p><p><a href="/more">More</a></p></article></body></html>'),
    );
    expect(html.source).toBe('html');
    // A saved page keeps its address: relative links resolve to the original site.
    expect(html.url).toBe('https://port.example/pier');
    expect(html.blocks.flatMap((b) => b.inline ?? []).find((r) => r.text === 'More')?.href).toBe('https://port.example/more');
  });
});
