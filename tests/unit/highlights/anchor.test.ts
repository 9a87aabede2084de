/** Re-anchoring highlights after the article's text changes around them (issue 13, "Done means"). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOp, findQuote, newHighlight, place, quoteAt, type Highlight } from '../../../main/core/highlights';
import { extractFromFile } from '../../../main/core/articles';
import { SEED } from '../helpers';

const NOW = new Date('2026-12-01T10:00:00Z');

const blocks = [
  { text: 'Kontak langsung bos intelijen. Di tengah memanasnya suhu geopolitik global.' },
  { text: 'Saluran belakang' },
  { text: 'Komunikasi antara dua raja mata-mata ini menegaskan sebuah prinsip.' },
  { text: 'Diplomasi bayangan tetap hidup. Komunikasi antara dua pihak berlanjut.' },
];

/** A highlight on the given words of block `b` (the first occurrence). */
function on(b: number, words: string, source = blocks): Highlight {
  const start = (source[b] as { text: string }).text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  return newHighlight(source, { anchor: { block: b, start, end: start + words.length }, color: 'yellow' }, NOW, `h-${b}-${start}`);
}

/** The text a placed highlight covers in `source`. */
function covered(source: { text: string }[], h: Highlight): string {
  const a = h.anchor;
  if (!a) throw new Error('no anchor');
  if (a.endBlock === undefined) return (source[a.block] as { text: string }).text.slice(a.start, a.end);
  const parts = source.slice(a.block, a.endBlock + 1).map((b) => b.text);
  parts[0] = (parts[0] as string).slice(a.start);
  parts[parts.length - 1] = (parts[parts.length - 1] as string).slice(0, a.end);
  return parts.join('\n');
}

describe('making a highlight', () => {
  it('takes its quote with prefix and suffix from the text', () => {
    const h = on(2, 'dua raja mata-mata');
    expect(h.quote.exact).toBe('dua raja mata-mata');
    expect(h.quote.prefix.endsWith('Komunikasi antara ')).toBe(true);
    expect(h.quote.suffix.startsWith(' ini menegaskan')).toBe(true);
    expect(h.color).toBe('yellow');
  });

  it('refuses selections outside the text, empty ones and whitespace-only ones', () => {
    expect(() => quoteAt(blocks, { block: 9, start: 0, end: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => quoteAt(blocks, { block: 0, start: 5, end: 5 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => quoteAt(blocks, { block: 0, start: 0, end: 999 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => quoteAt([{ text: 'a   b' }], { block: 0, start: 1, end: 4 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses an unknown colour', () => {
    expect(() => newHighlight(blocks, { anchor: { block: 0, start: 0, end: 6 }, color: 'orange' as 'yellow' }, NOW)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('can run over several blocks', () => {
    const h = newHighlight(blocks, { anchor: { block: 1, start: 8, end: 10, endBlock: 2 }, color: 'blue' }, NOW);
    expect(h.quote.exact).toBe('belakang\nKomunikasi');
    expect(place(blocks, h)).toBe(h);
  });
});

describe('re-anchoring', () => {
  it('keeps the anchor when the text is unchanged (fast path, same object)', () => {
    const h = on(2, 'raja mata-mata');
    expect(place(blocks, h)).toBe(h);
  });

  it('follows text inserted before the highlight, in the block and as new blocks', () => {
    const h = on(2, 'raja mata-mata');
    const changed = [{ text: 'Catatan redaksi.' }, ...blocks.slice(0, 2), { text: 'Pada Senin, ' + blocks[2]!.text }, ...blocks.slice(3)];
    const placed = place(changed, h);
    expect(placed.detached).toBeUndefined();
    expect(placed.anchor?.block).toBe(3);
    expect(covered(changed, placed)).toBe('raja mata-mata');
  });

  it('survives edits inside neighbouring blocks and words around it', () => {
    const h = on(2, 'menegaskan sebuah prinsip');
    const changed = [{ text: 'Sama sekali lain.' }, { text: 'Judul baru' }, { text: 'Komunikasi rahasia antara kedua raja menegaskan sebuah prinsip lama.' }];
    const placed = place(changed, h);
    expect(covered(changed, placed)).toBe('menegaskan sebuah prinsip');
  });

  it('picks the occurrence whose context agrees when the quote appears twice', () => {
    const h = on(3, 'Komunikasi antara dua');
    // Both blocks 2 and 3 start with "Komunikasi antara dua" after the edit; the context says block 3's.
    const changed = [
      blocks[0]!,
      { text: 'Komunikasi antara dua raja mata-mata ini menegaskan sebuah prinsip.' },
      { text: 'Diplomasi bayangan tetap hidup. Komunikasi antara dua pihak berlanjut.' },
    ];
    const placed = place(changed, h);
    expect(placed.anchor?.block).toBe(2);
    expect(covered(changed, placed)).toBe('Komunikasi antara dua');
  });

  it('ignores whitespace changes (runs of spaces, line breaks, non-breaking and zero-width spaces)', () => {
    const h = on(2, 'dua raja mata-mata ini');
    const changed = [blocks[0]!, blocks[1]!, { text: 'Komunikasi antara  dua\u00a0raja\nmata-mata\u200b ini menegaskan sebuah prinsip.' }];
    const placed = place(changed, h);
    expect(placed.detached).toBeUndefined();
    expect(covered(changed, placed)).toBe('dua\u00a0raja\nmata-mata\u200b ini');
    // The quote now reads as the text it sits on: the next placement takes the fast path.
    expect(place(changed, placed)).toBe(placed);
  });

  it('follows a block split in two: the highlight then runs over both', () => {
    const h = on(3, 'tetap hidup. Komunikasi antara');
    const changed = [...blocks.slice(0, 3), { text: 'Diplomasi bayangan tetap hidup.' }, { text: 'Komunikasi antara dua pihak berlanjut.' }];
    const placed = place(changed, h);
    expect(placed.anchor).toMatchObject({ block: 3, endBlock: 4 });
    expect(covered(changed, placed)).toBe('tetap hidup.\nKomunikasi antara');
  });

  it('follows two blocks merged into one', () => {
    const h = on(1, 'Saluran belakang');
    const h2 = on(2, 'dua raja');
    const changed = [blocks[0]!, { text: `${blocks[1]!.text} ${blocks[2]!.text}` }, blocks[3]!];
    expect(covered(changed, place(changed, h))).toBe('Saluran belakang');
    const placed2 = place(changed, h2);
    expect(placed2.anchor?.block).toBe(1);
    expect(covered(changed, placed2)).toBe('dua raja');
  });

  it('marks a highlight whose text is gone as detached, keeps it, and re-attaches when the text returns', () => {
    const h = on(2, 'raja mata-mata');
    const gone = [blocks[0]!, { text: 'Paragraf ini ditulis ulang seluruhnya.' }];
    const detached = place(gone, h);
    expect(detached.detached).toBe(true);
    expect(detached.quote.exact).toBe('raja mata-mata');
    expect(detached.id).toBe(h.id);
    const back = place(blocks, detached);
    expect(back.detached).toBeUndefined();
    expect(covered(blocks, back)).toBe('raja mata-mata');
  });

  it('places imported highlights that carry only a quote (anchor: null)', () => {
    const imported: Highlight = { ...on(3, 'Diplomasi bayangan'), anchor: null };
    const placed = place(blocks, imported);
    expect(placed.anchor).toEqual({ block: 3, start: 0, end: 'Diplomasi bayangan'.length });
  });

  it('handles right-to-left text and astral characters', () => {
    const arabic = [{ text: 'قال الوزير إن المحادثات مستمرة 👋 حتى الآن.' }];
    const h = on(0, 'المحادثات مستمرة 👋', arabic);
    const changed = [{ text: 'مقدمة.' }, { text: 'وقال الوزير إن المحادثات  مستمرة 👋 حتى الآن.' }];
    const placed = place(changed, h);
    expect(covered(changed, placed)).toBe('المحادثات  مستمرة 👋');
  });

  it('re-anchors on the seed article after its blocks are re-extracted with edits', async () => {
    const seed = await extractFromFile(SEED);
    const texts = seed.blocks.map((b) => ({ text: b.text }));
    const target = texts.findIndex((b) => b.text.length > 200);
    const words = texts[target]!.text.slice(40, 120);
    const h = on(target, words, texts);
    const edited = [{ text: 'Koreksi: artikel ini diperbarui.' }, ...texts.map((b, i) => (i === target - 1 ? { text: `${b.text} (diperbarui)` } : b))];
    const placed = place(edited, h);
    expect(placed.anchor?.block).toBe(target + 1);
    expect(covered(edited, placed)).toBe(words);
    expect(readFileSync(SEED, 'utf8').includes(words.split(' ')[1] as string)).toBe(true);
  });

  it('finds nothing for an all-whitespace quote', () => {
    expect(findQuote(blocks, { exact: '   ', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('operations and undo', () => {
  it('add, update and delete each return the operation that undoes them', () => {
    const h = on(0, 'bos intelijen');
    let marks = { highlights: [] as Highlight[] };
    const added = applyOp(marks, { op: 'add', highlight: h }, NOW);
    expect(added.marks.highlights).toHaveLength(1);
    marks = added.marks;
    const updated = applyOp(marks, { op: 'update', id: h.id, color: 'green', note: 'penting' }, NOW);
    expect(updated.highlight).toMatchObject({ color: 'green', note: 'penting' });
    const reverted = applyOp(updated.marks, updated.undo, NOW);
    expect(reverted.highlight).toMatchObject({ color: 'yellow' });
    expect(reverted.highlight?.note).toBeUndefined();
    const deleted = applyOp(updated.marks, { op: 'delete', id: h.id }, NOW);
    expect(deleted.marks.highlights).toHaveLength(0);
    const restored = applyOp(deleted.marks, deleted.undo, NOW);
    expect(restored.marks.highlights).toEqual(updated.marks.highlights);
    expect(applyOp(added.marks, added.undo, NOW).marks.highlights).toHaveLength(0);
  });

  it('sets and removes the article note with undo', () => {
    const set = applyOp({ highlights: [] }, { op: 'note', text: '  Ringkasan saya  ' }, NOW);
    expect(set.marks.note).toEqual({ text: 'Ringkasan saya', updatedAt: NOW.toISOString() });
    expect(applyOp(set.marks, set.undo, NOW).marks.note).toBeUndefined();
    const cleared = applyOp(set.marks, { op: 'note', text: null }, NOW);
    expect(cleared.marks.note).toBeUndefined();
    expect(applyOp(cleared.marks, cleared.undo, NOW).marks.note?.text).toBe('Ringkasan saya');
  });

  it('says NOT_FOUND for an unknown highlight', () => {
    expect(() => applyOp({ highlights: [] }, { op: 'delete', id: 'nope' }, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
