/**
 * Pane layout: the widths of the sidebar and the list (remembered in localStorage, a per-window
 * preference that needs no round trip through the store), the drawer, focus mode, and which pane
 * the one-column layout shows.
 */
import { create } from 'zustand';

/** The window's layout class: three panes, sidebar as a drawer, or one column. */
export type LayoutMode = 'wide' | 'medium' | 'narrow';

/** Below this width the sidebar becomes a drawer. */
export const DRAWER_BELOW = 1100;
/** Below this width the list and the reader share one column. */
export const ONE_COLUMN_BELOW = 800;

/** Bounds of the resizable panes, in CSS pixels. */
export const PANE_BOUNDS = { sidebar: { min: 160, max: 360, initial: 224 }, list: { min: 240, max: 560, initial: 340 } } as const;

/** The panes a splitter resizes. */
export type Pane = keyof typeof PANE_BOUNDS;

const STORAGE_KEY = 'kabar.layout';

interface LayoutState {
  widths: Record<Pane, number>;
  drawerOpen: boolean;
  focus: boolean;
  /** What the one-column layout shows. */
  column: 'list' | 'reader';
  setWidth: (pane: Pane, width: number) => void;
  toggleDrawer: (open?: boolean) => void;
  toggleFocus: (on?: boolean) => void;
  showColumn: (column: 'list' | 'reader') => void;
}

/** Clamps a pane width to its bounds. */
export function clampWidth(pane: Pane, width: number): number {
  const { min, max } = PANE_BOUNDS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

function loadWidths(): Record<Pane, number> {
  const widths: Record<Pane, number> = { sidebar: PANE_BOUNDS.sidebar.initial, list: PANE_BOUNDS.list.initial };
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<Pane, unknown>>;
    for (const pane of ['sidebar', 'list'] as const) {
      const w = stored[pane];
      if (typeof w === 'number' && Number.isFinite(w)) widths[pane] = clampWidth(pane, w);
    }
  } catch {
    // A damaged or unavailable entry falls back to the defaults: widths are a comfort, not data.
  }
  return widths;
}

function saveWidths(widths: Record<Pane, number>): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(widths));
  } catch {
    // Storage full or disabled: the widths still apply for this session.
  }
}

/** The layout store. */
export const useLayout = create<LayoutState>()((set, get) => ({
  widths: loadWidths(),
  drawerOpen: false,
  focus: false,
  column: 'list',
  setWidth: (pane, width) => {
    const widths = { ...get().widths, [pane]: clampWidth(pane, width) };
    set({ widths });
    saveWidths(widths);
  },
  toggleDrawer: (open) => set((s) => ({ drawerOpen: open ?? !s.drawerOpen })),
  toggleFocus: (on) => set((s) => ({ focus: on ?? !s.focus, drawerOpen: false })),
  showColumn: (column) => set({ column }),
}));

/** The layout class for a window width. */
export function layoutFor(width: number): LayoutMode {
  if (width < ONE_COLUMN_BELOW) return 'narrow';
  if (width < DRAWER_BELOW) return 'medium';
  return 'wide';
}
