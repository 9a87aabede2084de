/** The 50,000 highlights of the issue-13 benchmarks (marks.ts, highlights-view.ts), made on a built library. */
import type { Highlight } from '../../main/core/highlights';
import { importHighlights, type Library } from '../../main/core/store';

const PER_ARTICLE = 5;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Five highlights per article (the third and fourth paragraphs' words when it has them), one in three with a note. */
export async function addHighlights(library: Library): Promise<number> {
  let made = 0;
  let n = 0;
  for (const id of library.ids()) {
    const { blocks } = await library.get(id);
    const texts = blocks.map((b, i) => ({ i, text: b.text })).filter((b) => b.text.length >= 40);
    const at = '2026-01-01T00:00:00.000Z';
    const highlights: Highlight[] = [];
    for (let k = 0; k < PER_ARTICLE && texts.length > 0; k++) {
      const b = texts[(k * 7 + n) % texts.length] as { i: number; text: string };
      const start = (k * 13) % Math.max(1, b.text.length - 30);
      const exact = b.text.slice(start, start + 30);
      if (exact.trim() === '') continue;
      const created = new Date(Date.parse(at) + (n * PER_ARTICLE + k) * 1000).toISOString();
      const h: Highlight = { id: `b${n}-${k}`, createdAt: created, updatedAt: created, color: COLORS[k] as Highlight['color'], anchor: { block: b.i, start, end: start + 30 }, quote: { exact, prefix: b.text.slice(Math.max(0, start - 32), start), suffix: b.text.slice(start + 30, start + 62) } };
      if ((n + k) % 3 === 0) h.note = `note ${n % 100}: worth keeping, see ${k}`;
      highlights.push(h);
    }
    made += (await importHighlights(library, id, highlights)).length;
    n++;
  }
  return made;
}

