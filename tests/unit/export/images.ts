/** Real image files for export tests: PNGs encoded here (valid signature, IHDR, IDAT, IEND) and the corpus's embedded JPEG and GIFs. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** The shared corpus (no vitest import here: the export benchmark uses this file too). */
export const CORPUS = process.env.KABAR_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A real w×h RGB PNG whose pixels depend on `seed` (different seeds, different files). */
export function makePng(width: number, height: number, seed: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) rows.set([(x * 7 + seed * 31) & 255, (y * 5 + seed * 17) & 255, (x ^ y ^ seed) & 255], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The images embedded as data: URLs in the corpus page `data-url-image` (a real JPEG and GIFs). */
export function corpusDataImages(): { type: string; bytes: Buffer }[] {
  const html = readFileSync(join(CORPUS, 'pages/data-url-image/source.html'), 'utf8');
  return [...html.matchAll(/data:image\/(jpeg|gif);base64,([A-Za-z0-9+/=]+)/g)].map((m) => ({ type: `image/${m[1]}`, bytes: Buffer.from(m[2] as string, 'base64') }));
}
