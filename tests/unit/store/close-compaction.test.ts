/**
 * close() waits for a compaction already running: nothing in the folder changes after it returns
 * (found by the fetch benchmark, whose cleanup failed with ENOTEMPTY while a compaction that had
 * started on its timer went on to drop journal lines and take a backup).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

const listing = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

describe('close during a compaction', () => {
  it('returns only once the running compaction is done, and leaves the folder still', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    await library.addMany(Array.from({ length: 200 }, (_, i) => ({ extracted: article({ title: `Tutup ${i}`, url: `https://example.com/close/${i}` }) })));
    let compacted = false;
    const running = library.compact().then(() => (compacted = true));
    await library.close();
    expect(compacted, 'the running compaction ended before close() returned').toBe(true);
    const after = listing(dir);
    await running;
    await new Promise((r) => setTimeout(r, 300));
    expect(listing(dir)).toEqual(after);
    expect(after).not.toContain('library.journal.1');
    const reopened = await openLibrary({ dir });
    expect(reopened.list().total).toBe(200);
    await reopened.close();
  });
});
