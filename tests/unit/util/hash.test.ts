/** SHA-256 helpers (main/core/util) against the FIPS 180-2 test vector and each other, on real files. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256File } from '../../../main/core/util';
import { tempDir } from '../helpers';

describe('sha256File / sha256Bytes', () => {
  it('match the standard vector and agree on a file larger than one stream chunk', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256Bytes('abc')).toBe(abc);
    const dir = await tempDir();
    writeFileSync(join(dir, 'abc'), 'abc');
    expect(await sha256File(join(dir, 'abc'))).toBe(abc);
    const big = Buffer.alloc(1024 * 1024 + 17, 7);
    writeFileSync(join(dir, 'big'), big);
    expect(await sha256File(join(dir, 'big'))).toBe(sha256Bytes(big));
  });
});
