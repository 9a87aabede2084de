/** Which dialog is open, transient notices, and the connection state. */
import { create } from 'zustand';

/** The dialogs the app can show (one at a time). */
export type DialogState =
  | { kind: 'import' }
  | { kind: 'migrate' }
  | { kind: 'settings' }
  | { kind: 'shortcuts' }
  | { kind: 'tags'; id: string }
  | { kind: 'tag'; name: string }
  | { kind: 'subscribe' }
  | { kind: 'feed'; id: string }
  | { kind: 'folder'; path: string[] }
  | { kind: 'export' };

interface UiState {
  dialog: DialogState | null;
  /** An error to show in the status area (translated when rendered). */
  notice: unknown;
  online: boolean;
  recoveryDismissed: boolean;
  /** Bumped to ask the search box to take focus. */
  searchFocus: number;
  openDialog: (dialog: DialogState) => void;
  closeDialog: () => void;
  setNotice: (error: unknown) => void;
  focusSearch: () => void;
}

/** The UI store. */
export const useUi = create<UiState>()((set) => ({
  dialog: null,
  notice: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  recoveryDismissed: false,
  searchFocus: 0,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setNotice: (notice) => set({ notice }),
  focusSearch: () => set((s) => ({ searchFocus: s.searchFocus + 1 })),
}));
