/**
 * The open article's highlights and note (issue 13): loaded when an article opens, changed through
 * `marks:add` / `marks:change`, every change offered for undo (the toast and Ctrl+Z).
 */
import { create } from 'zustand';
import { api } from '../api';
import type { Anchor, ArticleMarks, Highlight, HighlightColor, MarksOp, OpResult } from '../../../preload/contract';
import { useUi } from './ui';
import { useUndo, type UndoMessage } from './undo';

/** The five colours in the order the swatches show them. */
export const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

interface MarksState {
  articleId: string | null;
  marks: ArticleMarks | null;
  /** The colour `h` uses: the last one chosen. */
  lastColor: HighlightColor;
  /** A highlight to scroll to and flash once the article shows it (from the Highlights view). */
  flash: string | null;
  load: (articleId: string) => Promise<void>;
  clear: () => void;
  setFlash: (id: string | null) => void;
}

let generation = 0;

/** The marks store. */
export const useMarks = create<MarksState>()((set) => ({
  articleId: null,
  marks: null,
  lastColor: 'yellow',
  flash: null,
  load: async (articleId) => {
    const gen = ++generation;
    set((s) => (s.articleId === articleId ? {} : { articleId, marks: null }));
    try {
      const marks = await api.marks.get(articleId);
      if (gen === generation) set({ articleId, marks });
    } catch (error) {
      if (gen === generation) useUi.getState().setNotice(error);
    }
  },
  clear: () => {
    generation += 1;
    set({ articleId: null, marks: null });
  },
  setFlash: (flash) => set({ flash }),
}));

function undoMessage(undo: MarksOp): UndoMessage {
  const key = undo.op === 'delete' ? 'added' : undo.op === 'add' ? 'deleted' : undo.op === 'note' ? 'note' : 'changed';
  return { key: `marks.undo.${key}`, params: {} };
}

/** Applies a result to the store and offers its undo (which is itself undoable once more, like Ctrl+Z). */
function take(articleId: string, result: OpResult, offerUndo: boolean): void {
  if (useMarks.getState().articleId === articleId) useMarks.setState({ marks: result.marks });
  if (!offerUndo) return;
  useUndo.getState().push(undoMessage(result.undo), async () => {
    await change(articleId, result.undo, false);
  });
}

/** Runs one marks operation; failures go to the notice. Returns the touched highlight. */
export async function change(articleId: string, op: MarksOp, offerUndo = true): Promise<Highlight | undefined> {
  try {
    const result = await api.marks.change(articleId, op);
    take(articleId, result, offerUndo);
    return result.highlight;
  } catch (error) {
    useUi.getState().setNotice(error);
    return undefined;
  }
}

/** Makes a highlight from a selection (on the translation into `lang` when given). */
export async function addHighlight(articleId: string, anchor: Anchor, color: HighlightColor, lang?: string, note?: string): Promise<Highlight | undefined> {
  useMarks.setState({ lastColor: color });
  try {
    const result = await api.marks.add(articleId, { anchor, color, ...(lang ? { lang } : {}), ...(note ? { note } : {}) });
    take(articleId, result, true);
    return result.highlight;
  } catch (error) {
    useUi.getState().setNotice(error);
    return undefined;
  }
}

/** Changes a highlight's colour (remembered for `h`). */
export function recolor(articleId: string, id: string, color: HighlightColor): Promise<Highlight | undefined> {
  useMarks.setState({ lastColor: color });
  return change(articleId, { op: 'update', id, color });
}
