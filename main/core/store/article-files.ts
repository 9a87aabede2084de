/** The per-article body files, `articles/<id>.json`: sanitized blocks, translations, and a metadata snapshot. */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KabarError } from '../errors';
import type { ArticleBody, ArticleMeta, Block, Translation } from '../types';
import { writeFileAtomic } from './atomic';

/** What an article file holds. The metadata snapshot lets a lost library.json be rebuilt. */
export interface ArticleFile extends ArticleBody {
  schemaVersion: 1;
  meta: ArticleMeta;
}

const ID_PATTERN = /^[a-f0-9]{16,64}$/;

/** Path of an article's body file; refuses ids that are not ours (no path tricks). */
export function articlePath(dir: string, id: string): string {
  if (!ID_PATTERN.test(id)) throw new KabarError('NOT_FOUND', `No article with id ${id}`, { id });
  return join(dir, 'articles', `${id}.json`);
}

/** Writes an article's body file atomically. */
export async function writeArticleFile(
  dir: string,
  meta: ArticleMeta,
  blocks: Block[],
  translations: Record<string, Translation>,
): Promise<void> {
  const file: ArticleFile = { schemaVersion: 1, id: meta.id, meta, blocks, translations };
  await writeFileAtomic(articlePath(dir, meta.id), JSON.stringify(file));
}

/** Reads an article's body file; a damaged file gives ARTICLE_DAMAGED, never a crash. */
export async function readArticleFile(dir: string, id: string): Promise<ArticleFile> {
  let text: string;
  try {
    text = await readFile(articlePath(dir, id), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KabarError('ARTICLE_DAMAGED', 'The text of this article is missing. Import it again from its source.', { id });
    }
    throw error;
  }
  try {
    const file = JSON.parse(text) as ArticleFile;
    if (!Array.isArray(file.blocks)) throw new Error('no blocks');
    file.translations ??= {};
    return file;
  } catch {
    throw new KabarError('ARTICLE_DAMAGED', 'The text of this article is damaged. Import it again from its source.', { id });
  }
}

/** Deletes an article's body file (used when the trash is emptied). */
export async function removeArticleFile(dir: string, id: string): Promise<void> {
  await rm(articlePath(dir, id), { force: true });
}

/** Lists the ids of every article file on disk. */
export async function listArticleFileIds(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'articles'));
    return names.filter((n) => n.endsWith('.json') && ID_PATTERN.test(n.slice(0, -5))).map((n) => n.slice(0, -5));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Plain text of blocks, as the search index and word counts see it. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}
