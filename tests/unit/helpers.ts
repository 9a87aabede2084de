/** Shared test helpers: temp folders, the corpus location, and hand-made articles. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { ExtractedArticle } from '../../main/core/types';

/** The shared corpus (MANIFEST.md), beside the checkout; KABAR_CORPUS overrides. */
export const CORPUS = process.env.KABAR_CORPUS ?? resolve(__dirname, '../../../shared/corpus');

/** The seed article. */
export const SEED = join(CORPUS, 'seed', 'diplomasi-bayangan.txt');

const made: string[] = [];

/** A new empty temp folder, removed after the test. */
export async function tempDir(prefix = 'kabar-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A small extracted article; fields can be overridden. */
export function article(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const title = overrides.title ?? 'Kontak langsung bos intelijen';
  return {
    title,
    lang: 'id',
    dir: 'ltr',
    excerpt: 'Ringkasan artikel.',
    source: 'text',
    blocks: [
      { type: 'paragraph', text: `${title}. Di tengah memanasnya suhu geopolitik global.` },
      { type: 'heading', level: 2, text: 'Saluran belakang' },
      { type: 'paragraph', text: 'Komunikasi antara dua raja mata-mata ini menegaskan sebuah prinsip.' },
    ],
    ...overrides,
  };
}
