/** The last undoable action (trash, tag removal): a toast offers Undo for a while, and Ctrl+Z runs it. */
import { create } from 'zustand';

/** What the toast says, as a message key under `undo.` (or a full key holding a dot) with its parameters. */
export interface UndoMessage {
  key: 'trashed' | 'tagRemoved' | `${string}.${string}`;
  params: Record<string, string>;
}

interface UndoState {
  last: { message: UndoMessage; run: () => Promise<void>; seq: number } | null;
  push: (message: UndoMessage, run: () => Promise<void>) => void;
  /** Runs the last undo (once); returns whether there was one. */
  undo: () => boolean;
  dismiss: () => void;
}

/** How long the toast stays, in milliseconds. */
export const UNDO_MS = 10_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

/** The undo store. */
export const useUndo = create<UndoState>()((set, get) => ({
  last: null,
  push: (message, run) => {
    clearTimeout(timer);
    const mine = ++seq;
    set({ last: { message, run, seq: mine } });
    timer = setTimeout(() => {
      if (get().last?.seq === mine) set({ last: null });
    }, UNDO_MS);
  },
  undo: () => {
    const last = get().last;
    if (!last) return false;
    clearTimeout(timer);
    set({ last: null });
    void last.run();
    return true;
  },
  dismiss: () => {
    clearTimeout(timer);
    set({ last: null });
  },
}));
